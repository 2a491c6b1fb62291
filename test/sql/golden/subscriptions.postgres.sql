-- cx-metrics 0.1.0: churnFromSubscriptions
WITH
  "cx_rows" AS (
    SELECT
      "plan" AS "cx_key_1",
      "customer_id" AS "cx_id",
      CAST(FLOOR(EXTRACT(EPOCH FROM "started_at") * 1000) AS BIGINT) AS "cx_start",
      CAST(FLOOR(EXTRACT(EPOCH FROM "ended_at") * 1000) AS BIGINT) AS "cx_end"
    FROM "billing"."subscriptions"
  ),
  "cx_customers" AS (
    SELECT
      "cx_key_1",
      "cx_id",
      COUNT(*) AS "cx_n",
      MAX(CASE WHEN "cx_start" <= 1767225600000 AND ("cx_end" IS NULL OR 1767225600000 < "cx_end") THEN 1 ELSE 0 END) AS "cx_was",
      MAX(CASE WHEN "cx_start" <= 1769904000000 AND ("cx_end" IS NULL OR 1769904000000 < "cx_end") THEN 1 ELSE 0 END) AS "cx_is",
      MAX(CASE WHEN "cx_start" < 1767225600000 THEN 1 ELSE 0 END) AS "cx_before",
      COUNT(CASE WHEN "cx_start" IS NULL THEN 1 END) AS "cx_no_start",
      COUNT(CASE WHEN "cx_end" < "cx_start" THEN 1 END) AS "cx_backwards",
      MIN(CASE WHEN "cx_end" < "cx_start" THEN "cx_end" END) AS "cx_backwards_value"
    FROM "cx_rows"
    GROUP BY "cx_key_1", "cx_id"
  )
SELECT
  "cx_key_1",
  SUM("cx_n") AS "cx_count",
  COUNT(CASE WHEN "cx_was" = 1 THEN 1 END) AS "cx_at_start",
  COUNT(CASE WHEN "cx_was" = 1 AND "cx_is" = 0 THEN 1 END) AS "cx_lost",
  COUNT(CASE WHEN "cx_is" = 1 THEN 1 END) AS "cx_at_end",
  COUNT(CASE WHEN "cx_is" = 1 AND "cx_was" = 0 AND "cx_before" = 0 THEN 1 END) AS "cx_new",
  COUNT(CASE WHEN "cx_is" = 1 AND "cx_was" = 0 AND "cx_before" = 1 THEN 1 END) AS "cx_reactivated",
  SUM(CASE WHEN "cx_id" IS NULL THEN "cx_n" ELSE 0 END) AS "cx_no_id",
  SUM("cx_no_start") AS "cx_no_start",
  SUM("cx_backwards") AS "cx_backwards",
  MIN("cx_backwards_value") AS "cx_backwards_value"
FROM "cx_customers"
GROUP BY "cx_key_1"
ORDER BY "cx_key_1";

-- cx-metrics 0.1.0: churnFromSubscriptions
WITH
  "cx_source" AS (
SELECT * FROM subscriptions WHERE NOT test
  ),
  "cx_rows" AS (
    SELECT
      "customer_id" AS "cx_id",
      CAST(FLOOR(EXTRACT(EPOCH FROM (CAST("started_at" AS TIMESTAMP) AT TIME ZONE $1)) * 1000) AS BIGINT) AS "cx_start",
      CAST(FLOOR(EXTRACT(EPOCH FROM (CAST("ended_at" AS TIMESTAMP) AT TIME ZONE $2)) * 1000) AS BIGINT) AS "cx_end"
    FROM "cx_source"
  ),
  "cx_periods" AS (
    SELECT '2026-01-01' AS "cx_period", 1767222000000 AS "cx_from", 1774994400000 AS "cx_to"
    UNION ALL SELECT '2026-04-01' AS "cx_period", 1774994400000 AS "cx_from", 1782856800000 AS "cx_to"
  ),
  "cx_customers" AS (
    SELECT
      "cx_period",
      "cx_id",
      COUNT(*) AS "cx_n",
      MAX(CASE WHEN "cx_start" <= "cx_from" AND ("cx_end" IS NULL OR "cx_from" < "cx_end") THEN 1 ELSE 0 END) AS "cx_was",
      MAX(CASE WHEN "cx_start" <= "cx_to" AND ("cx_end" IS NULL OR "cx_to" < "cx_end") THEN 1 ELSE 0 END) AS "cx_is",
      MAX(CASE WHEN "cx_start" < "cx_from" THEN 1 ELSE 0 END) AS "cx_before",
      COUNT(CASE WHEN "cx_start" IS NULL THEN 1 END) AS "cx_no_start",
      COUNT(CASE WHEN "cx_end" < "cx_start" THEN 1 END) AS "cx_backwards",
      MIN(CASE WHEN "cx_end" < "cx_start" THEN "cx_end" END) AS "cx_backwards_value"
    FROM "cx_rows" CROSS JOIN "cx_periods"
    GROUP BY "cx_period", "cx_id"
  )
SELECT
  "cx_period",
  SUM("cx_n") AS "cx_count",
  COUNT(CASE WHEN "cx_was" = 1 THEN 1 END) AS "cx_at_start",
  COUNT(CASE WHEN "cx_was" = 1 AND "cx_is" = 0 THEN 1 END) AS "cx_lost",
  COUNT(CASE WHEN "cx_is" = 1 THEN 1 END) AS "cx_at_end",
  COUNT(CASE WHEN "cx_is" = 1 AND "cx_was" = 0 AND "cx_before" = 0 THEN 1 END) AS "cx_new",
  COUNT(CASE WHEN "cx_is" = 1 AND "cx_was" = 0 AND "cx_before" = 1 THEN 1 END) AS "cx_reactivated",
  SUM(CASE WHEN "cx_id" IS NULL THEN "cx_n" ELSE 0 END) AS "cx_no_id",
  SUM("cx_no_start") AS "cx_no_start",
  SUM("cx_backwards") AS "cx_backwards",
  MIN("cx_backwards_value") AS "cx_backwards_value"
FROM "cx_customers"
GROUP BY "cx_period"
ORDER BY "cx_period";
