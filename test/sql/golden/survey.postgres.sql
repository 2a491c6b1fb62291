-- cx-metrics 0.1.0: nps
WITH
  "cx_rows" AS (
    SELECT
      "channel" AS "cx_key_1",
      to_char(date_trunc('week', to_timestamp(EXTRACT(EPOCH FROM "submitted_at")) AT TIME ZONE $1), 'YYYY-MM-DD') AS "cx_period",
      CAST("nps" AS DOUBLE PRECISION) AS "cx_v",
      CAST("w" AS DOUBLE PRECISION) AS "cx_w"
    FROM "analytics"."survey_responses"
  )
SELECT
  "cx_key_1",
  "cx_period",
  COUNT(*) AS "cx_count",
  SUM(CASE WHEN "cx_v" >= 0 AND "cx_v" <= 10 AND "cx_v" = FLOOR("cx_v") AND "cx_v" < 7 THEN "cx_w" END) AS "cx_band_1",
  SUM(CASE WHEN "cx_v" >= 0 AND "cx_v" <= 10 AND "cx_v" = FLOOR("cx_v") AND "cx_v" >= 7 AND "cx_v" < 9 THEN "cx_w" END) AS "cx_band_2",
  SUM(CASE WHEN "cx_v" >= 0 AND "cx_v" <= 10 AND "cx_v" = FLOOR("cx_v") AND "cx_v" >= 9 THEN "cx_w" END) AS "cx_band_3",
  SUM(CASE WHEN "cx_v" >= 0 AND "cx_v" <= 10 AND "cx_v" = FLOOR("cx_v") THEN "cx_v" * "cx_w" END) AS "cx_sum_values",
  SUM(CASE WHEN "cx_v" >= 0 AND "cx_v" <= 10 AND "cx_v" = FLOOR("cx_v") THEN "cx_w" * "cx_w" END) AS "cx_sum_squares",
  COUNT(CASE WHEN "cx_v" IS NOT NULL AND NOT ("cx_v" >= 0 AND "cx_v" <= 10 AND "cx_v" = FLOOR("cx_v")) THEN 1 END) AS "cx_off_scale",
  MIN(CASE WHEN "cx_v" IS NOT NULL AND NOT ("cx_v" >= 0 AND "cx_v" <= 10 AND "cx_v" = FLOOR("cx_v")) THEN "cx_v" END) AS "cx_off_scale_value",
  COUNT(CASE WHEN "cx_v" IS NOT NULL AND ("cx_w" IS NULL OR NOT ("cx_w" >= 0 AND "cx_w" * 0 = 0)) THEN 1 END) AS "cx_bad_weight",
  MIN(CASE WHEN "cx_v" IS NOT NULL AND ("cx_w" IS NULL OR NOT ("cx_w" >= 0 AND "cx_w" * 0 = 0)) THEN "cx_w" END) AS "cx_bad_weight_value"
FROM "cx_rows"
GROUP BY "cx_key_1", "cx_period"
ORDER BY "cx_key_1", "cx_period";

-- cx-metrics 0.1.0: csat
WITH
  "cx_source" AS (
SELECT * FROM ratings WHERE ok
  ),
  "cx_rows" AS (
    SELECT
      to_char(date_trunc('month', (CAST("submitted_at" AS TIMESTAMP) AT TIME ZONE $1) AT TIME ZONE $2), 'YYYY-MM-DD') AS "cx_period",
      CAST("stars" AS DOUBLE PRECISION) AS "cx_v"
    FROM "cx_source"
  )
SELECT
  "cx_period",
  COUNT(*) AS "cx_count",
  COUNT(CASE WHEN "cx_v" >= 1 AND "cx_v" <= 5 AND "cx_v" = FLOOR("cx_v") AND "cx_v" < 4 THEN 1 END) AS "cx_band_1",
  COUNT(CASE WHEN "cx_v" >= 1 AND "cx_v" <= 5 AND "cx_v" = FLOOR("cx_v") AND "cx_v" >= 4 THEN 1 END) AS "cx_band_2",
  SUM(CASE WHEN "cx_v" >= 1 AND "cx_v" <= 5 AND "cx_v" = FLOOR("cx_v") THEN "cx_v" END) AS "cx_sum_values",
  COUNT(CASE WHEN "cx_v" IS NOT NULL AND NOT ("cx_v" >= 1 AND "cx_v" <= 5 AND "cx_v" = FLOOR("cx_v")) THEN 1 END) AS "cx_off_scale",
  MIN(CASE WHEN "cx_v" IS NOT NULL AND NOT ("cx_v" >= 1 AND "cx_v" <= 5 AND "cx_v" = FLOOR("cx_v")) THEN "cx_v" END) AS "cx_off_scale_value"
FROM "cx_rows"
GROUP BY "cx_period"
ORDER BY "cx_period";

-- cx-metrics 0.1.0: ces
WITH
  "cx_rows" AS (
    SELECT
      "team" AS "cx_key_1",
      "region" AS "cx_key_2",
      CAST("effort" AS DOUBLE PRECISION) AS "cx_v"
    FROM "effort"
  )
SELECT
  "cx_key_1",
  "cx_key_2",
  COUNT(*) AS "cx_count",
  COUNT(CASE WHEN "cx_v" >= 1 AND "cx_v" <= 7 AND "cx_v" = FLOOR("cx_v") AND "cx_v" < 4 THEN 1 END) AS "cx_band_1",
  COUNT(CASE WHEN "cx_v" >= 1 AND "cx_v" <= 7 AND "cx_v" = FLOOR("cx_v") AND "cx_v" >= 4 THEN 1 END) AS "cx_band_2",
  SUM(CASE WHEN "cx_v" >= 1 AND "cx_v" <= 7 AND "cx_v" = FLOOR("cx_v") THEN "cx_v" END) AS "cx_sum_values",
  COUNT(CASE WHEN "cx_v" IS NOT NULL AND NOT ("cx_v" >= 1 AND "cx_v" <= 7 AND "cx_v" = FLOOR("cx_v")) THEN 1 END) AS "cx_off_scale",
  MIN(CASE WHEN "cx_v" IS NOT NULL AND NOT ("cx_v" >= 1 AND "cx_v" <= 7 AND "cx_v" = FLOOR("cx_v")) THEN "cx_v" END) AS "cx_off_scale_value"
FROM "cx_rows"
GROUP BY "cx_key_1", "cx_key_2"
ORDER BY "cx_key_1", "cx_key_2";
