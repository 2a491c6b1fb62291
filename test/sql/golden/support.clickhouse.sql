-- cx-metrics 0.1.0: firstResponseTime
WITH
  "cx_rows" AS (
    SELECT
      "team" AS "cx_key_1",
      toString(toStartOfMonth(toDateTime64(toString("created_at"), 3, {p3:String}), {p4:String})) AS "cx_period",
      toUnixTimestamp64Milli(toDateTime64(toString("created_at"), 3, {p1:String})) AS "cx_start",
      toUnixTimestamp64Milli(toDateTime64(toString("first_reply_at"), 3, {p2:String})) AS "cx_end",
      toUnixTimestamp64Milli(toDateTime64(toString("first_reply_at"), 3, {p2:String})) - toUnixTimestamp64Milli(toDateTime64(toString("created_at"), 3, {p1:String})) AS "cx_d"
    FROM "tickets"
  ),
  "cx_ranked" AS (
    SELECT
      *,
      ROW_NUMBER() OVER (PARTITION BY "cx_key_1", "cx_period" ORDER BY "cx_d" NULLS LAST) AS "cx_rank",
      COUNT("cx_d") OVER (PARTITION BY "cx_key_1", "cx_period") AS "cx_n"
    FROM "cx_rows"
  )
SELECT
  "cx_key_1",
  "cx_period",
  COUNT(*) AS "cx_count",
  COUNT("cx_d") AS "cx_durations",
  countIf("cx_end" IS NULL) AS "cx_missing",
  countIf("cx_start" IS NULL) AS "cx_no_start",
  countIf("cx_d" < 0) AS "cx_negative",
  SUM("cx_d") AS "cx_sum",
  MIN("cx_d") AS "cx_min",
  MAX("cx_d") AS "cx_max",
  MAX(CASE WHEN "cx_rank" = FLOOR(("cx_n" - 1) * 50 / 100) + 1 THEN "cx_d" END) AS "cx_p50_low",
  MAX(CASE WHEN "cx_rank" = FLOOR(("cx_n" - 1) * 50 / 100) + 2 THEN "cx_d" END) AS "cx_p50_high",
  MAX(CASE WHEN "cx_rank" = FLOOR(("cx_n" - 1) * 90 / 100) + 1 THEN "cx_d" END) AS "cx_p90_low",
  MAX(CASE WHEN "cx_rank" = FLOOR(("cx_n" - 1) * 90 / 100) + 2 THEN "cx_d" END) AS "cx_p90_high"
FROM "cx_ranked"
GROUP BY "cx_key_1", "cx_period"
ORDER BY "cx_key_1", "cx_period";

-- cx-metrics 0.1.0: firstContactResolutionRate
WITH
  "cx_rows" AS (
    SELECT
      "channel" AS "cx_key_1",
      "is_resolved" AS "cx_is_resolved",
      CAST("agent_replies" AS Float64) AS "cx_replies"
    FROM "support"."tickets"
  )
SELECT
  "cx_key_1",
  COUNT(*) AS "cx_count",
  countIf("cx_is_resolved") AS "cx_resolved",
  countIf("cx_is_resolved" AND "cx_replies" <= 1) AS "cx_first_contact",
  COUNT("cx_is_resolved") AS "cx_resolved_known",
  COUNT("cx_replies") AS "cx_replies_known",
  MIN("cx_replies") AS "cx_replies_min",
  MIN(CASE WHEN "cx_replies" <> FLOOR("cx_replies") THEN "cx_replies" END) AS "cx_replies_fraction"
FROM "cx_rows"
GROUP BY "cx_key_1"
ORDER BY "cx_key_1";

-- cx-metrics 0.1.0: reopenRate
WITH
  "cx_source" AS (
SELECT * FROM tickets WHERE closed
  ),
  "cx_rows" AS (
    SELECT
      CAST("reopen_count" AS Float64) AS "cx_reopens"
    FROM "cx_source"
  )
SELECT
  COUNT(*) AS "cx_count",
  countIf("cx_reopens" > 0) AS "cx_reopened",
  COUNT("cx_reopens") AS "cx_reopens_known",
  MIN("cx_reopens") AS "cx_reopens_min",
  MIN(CASE WHEN "cx_reopens" <> FLOOR("cx_reopens") THEN "cx_reopens" END) AS "cx_reopens_fraction"
FROM "cx_rows";
