-- cx-metrics 0.1.0: nps
WITH
  "cx_rows" AS (
    SELECT
      "channel" AS "cx_key_1",
      strftime(date_trunc('week', timezone($1, make_timestamptz(epoch_us("submitted_at")))), '%Y-%m-%d') AS "cx_period",
      CAST("nps" AS DOUBLE) AS "cx_v",
      CASE WHEN "nps" IS NOT NULL THEN CAST("w" AS DOUBLE) END AS "cx_w"
    FROM "analytics"."survey_responses"
  )
SELECT
  "cx_key_1",
  "cx_period",
  COUNT(*) AS "cx_count",
  SUM(CASE WHEN "cx_v" < 7 THEN "cx_w" END) AS "cx_band_1",
  SUM(CASE WHEN "cx_v" >= 7 AND "cx_v" < 9 THEN "cx_w" END) AS "cx_band_2",
  SUM(CASE WHEN "cx_v" >= 9 THEN "cx_w" END) AS "cx_band_3",
  MIN("cx_v") AS "cx_min",
  MAX("cx_v") AS "cx_max",
  MIN(CASE WHEN "cx_v" <> FLOOR("cx_v") THEN "cx_v" END) AS "cx_fraction",
  SUM("cx_w" * "cx_w") AS "cx_sum_squares",
  COUNT("cx_v") AS "cx_answers",
  COUNT("cx_w") AS "cx_weights",
  MIN("cx_w") AS "cx_min_weight",
  MAX("cx_w") AS "cx_max_weight"
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
      strftime(date_trunc('month', timezone($2, timezone($1, CAST("submitted_at" AS TIMESTAMP)))), '%Y-%m-%d') AS "cx_period",
      CAST("stars" AS DOUBLE) AS "cx_v"
    FROM "cx_source"
  )
SELECT
  "cx_period",
  COUNT(*) AS "cx_count",
  count_if("cx_v" < 4) AS "cx_band_1",
  count_if("cx_v" >= 4) AS "cx_band_2",
  SUM("cx_v") AS "cx_sum_values",
  MIN("cx_v") AS "cx_min",
  MAX("cx_v") AS "cx_max",
  MIN(CASE WHEN "cx_v" <> FLOOR("cx_v") THEN "cx_v" END) AS "cx_fraction"
FROM "cx_rows"
GROUP BY "cx_period"
ORDER BY "cx_period";

-- cx-metrics 0.1.0: ces
WITH
  "cx_rows" AS (
    SELECT
      "team" AS "cx_key_1",
      "region" AS "cx_key_2",
      CAST("effort" AS DOUBLE) AS "cx_v"
    FROM "effort"
  )
SELECT
  "cx_key_1",
  "cx_key_2",
  COUNT(*) AS "cx_count",
  count_if("cx_v" < 4) AS "cx_band_1",
  count_if("cx_v" >= 4) AS "cx_band_2",
  SUM("cx_v") AS "cx_sum_values",
  MIN("cx_v") AS "cx_min",
  MAX("cx_v") AS "cx_max",
  MIN(CASE WHEN "cx_v" <> FLOOR("cx_v") THEN "cx_v" END) AS "cx_fraction"
FROM "cx_rows"
GROUP BY "cx_key_1", "cx_key_2"
ORDER BY "cx_key_1", "cx_key_2";
