-- cx-metrics 0.1.0: cohortRetention
WITH
  "cx_rows" AS (
    SELECT
      "plan" AS "cx_key_1",
      "customer_id" AS "cx_id",
      toUnixTimestamp64Milli(toDateTime64(toString("started_at"), 3, {p1:String})) AS "cx_start",
      toUnixTimestamp64Milli(toDateTime64(toString("ended_at"), 3, {p2:String})) AS "cx_end",
      toString(toStartOfWeek(fromUnixTimestamp64Milli(toUnixTimestamp64Milli(toDateTime64(toString("started_at"), 3, {p1:String})) - 1, 'UTC'), 1, {p3:String})) AS "cx_lo",
      COALESCE(toString(toStartOfWeek(fromUnixTimestamp64Milli(toUnixTimestamp64Milli(toDateTime64(toString("ended_at"), 3, {p2:String})) - 1, 'UTC'), 1, {p4:String})), '9999-99-99') AS "cx_hi",
      toString(toStartOfWeek(fromUnixTimestamp64Milli(toUnixTimestamp64Milli(toDateTime64(toString("started_at"), 3, {p1:String})), 'UTC'), 1, {p5:String})) AS "cx_cohort"
    FROM "billing"."subscriptions"
  ),
  "cx_ordered" AS (
    SELECT
      *,
      MIN("cx_start") OVER (PARTITION BY "cx_key_1", "cx_id") AS "cx_first",
      MIN("cx_cohort") OVER (PARTITION BY "cx_key_1", "cx_id") AS "cx_customer_cohort",
      MAX("cx_hi") OVER (PARTITION BY "cx_key_1", "cx_id" ORDER BY "cx_lo", "cx_hi" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "cx_reach"
    FROM "cx_rows"
  ),
  "cx_marked" AS (
    SELECT
      *,
      SUM(CASE WHEN "cx_reach" IS NULL OR "cx_lo" >= "cx_reach" THEN 1 ELSE 0 END) OVER (PARTITION BY "cx_key_1", "cx_id" ORDER BY "cx_lo", "cx_hi" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "cx_island"
    FROM "cx_ordered"
  ),
  "cx_islands" AS (
    SELECT
      "cx_key_1",
      "cx_id",
      "cx_customer_cohort",
      "cx_first",
      "cx_island",
      MIN("cx_lo") AS "cx_lo",
      MAX("cx_hi") AS "cx_hi"
    FROM "cx_marked"
    WHERE "cx_first" <= 1773532800000
    GROUP BY "cx_key_1", "cx_id", "cx_customer_cohort", "cx_first", "cx_island"
  ),
  "cx_events" AS (
    SELECT "cx_key_1", "cx_customer_cohort" AS "cx_cohort", "cx_lo" AS "cx_at", 1 AS "cx_delta", 0 AS "cx_size", 0 AS "cx_n", 0 AS "cx_no_id", 0 AS "cx_no_start", 0 AS "cx_backwards", CAST(NULL AS Float64) AS "cx_backwards_value" FROM "cx_islands"
    UNION ALL SELECT "cx_key_1", "cx_customer_cohort", "cx_hi", -1, 0, 0, 0, 0, 0, CAST(NULL AS Float64) FROM "cx_islands" WHERE "cx_hi" <> '9999-99-99'
    UNION ALL SELECT "cx_key_1", MIN("cx_cohort"), '', 0, CASE WHEN MIN("cx_start") <= 1773532800000 THEN 1 ELSE 0 END, COUNT(*), SUM(CASE WHEN "cx_id" IS NULL THEN 1 ELSE 0 END), SUM(CASE WHEN "cx_start" IS NULL THEN 1 ELSE 0 END), SUM(CASE WHEN "cx_end" < "cx_start" THEN 1 ELSE 0 END), CAST(MIN(CASE WHEN "cx_end" < "cx_start" THEN "cx_end" END) AS Float64) FROM "cx_rows" GROUP BY "cx_key_1", "cx_id"
  )
SELECT
  "cx_key_1",
  "cx_cohort",
  "cx_at",
  SUM("cx_n") AS "cx_count",
  SUM("cx_size") AS "cx_size",
  SUM("cx_delta") AS "cx_delta",
  SUM("cx_no_id") AS "cx_no_id",
  SUM("cx_no_start") AS "cx_no_start",
  SUM("cx_backwards") AS "cx_backwards",
  MIN("cx_backwards_value") AS "cx_backwards_value"
FROM "cx_events"
GROUP BY "cx_key_1", "cx_cohort", "cx_at"
ORDER BY "cx_key_1", "cx_cohort", "cx_at";
