-- cx-metrics 0.1.0: firstResponseTime
WITH
  `cx_rows` AS (
    SELECT
      `team` AS `cx_key_1`,
      FORMAT_DATETIME('%Y-%m-%d', DATETIME_TRUNC(DATETIME(TIMESTAMP(CAST(`created_at` AS DATETIME), @p3), @p4), MONTH)) AS `cx_period`,
      UNIX_MILLIS(TIMESTAMP(CAST(`created_at` AS DATETIME), @p1)) AS `cx_start`,
      UNIX_MILLIS(TIMESTAMP(CAST(`first_reply_at` AS DATETIME), @p2)) AS `cx_end`,
      UNIX_MILLIS(TIMESTAMP(CAST(`first_reply_at` AS DATETIME), @p2)) - UNIX_MILLIS(TIMESTAMP(CAST(`created_at` AS DATETIME), @p1)) AS `cx_d`
    FROM `tickets`
  )
SELECT
  `cx_key_1`,
  `cx_period`,
  COUNT(*) AS `cx_count`,
  COUNT(`cx_d`) AS `cx_durations`,
  COUNTIF(`cx_end` IS NULL) AS `cx_missing`,
  COUNTIF(`cx_start` IS NULL) AS `cx_no_start`,
  COUNTIF(`cx_d` < 0) AS `cx_negative`,
  SUM(`cx_d`) AS `cx_sum`,
  MIN(`cx_d`) AS `cx_min`,
  MAX(`cx_d`) AS `cx_max`,
  APPROX_QUANTILES(`cx_d`, 100)[OFFSET(50)] AS `cx_p50`,
  APPROX_QUANTILES(`cx_d`, 100)[OFFSET(90)] AS `cx_p90`
FROM `cx_rows`
GROUP BY `cx_key_1`, `cx_period`
ORDER BY `cx_key_1`, `cx_period`;

-- cx-metrics 0.1.0: firstContactResolutionRate
WITH
  `cx_rows` AS (
    SELECT
      `channel` AS `cx_key_1`,
      `is_resolved` AS `cx_is_resolved`,
      CAST(`agent_replies` AS FLOAT64) AS `cx_replies`
    FROM `support`.`tickets`
  )
SELECT
  `cx_key_1`,
  COUNT(*) AS `cx_count`,
  COUNTIF(`cx_is_resolved`) AS `cx_resolved`,
  COUNTIF(`cx_is_resolved` AND `cx_replies` <= 1) AS `cx_first_contact`,
  COUNT(`cx_is_resolved`) AS `cx_resolved_known`,
  COUNT(`cx_replies`) AS `cx_replies_known`,
  MIN(`cx_replies`) AS `cx_replies_min`,
  MIN(CASE WHEN `cx_replies` <> FLOOR(`cx_replies`) THEN `cx_replies` END) AS `cx_replies_fraction`
FROM `cx_rows`
GROUP BY `cx_key_1`
ORDER BY `cx_key_1`;

-- cx-metrics 0.1.0: reopenRate
WITH
  `cx_source` AS (
SELECT * FROM tickets WHERE closed
  ),
  `cx_rows` AS (
    SELECT
      CAST(`reopen_count` AS FLOAT64) AS `cx_reopens`
    FROM `cx_source`
  )
SELECT
  COUNT(*) AS `cx_count`,
  COUNTIF(`cx_reopens` > 0) AS `cx_reopened`,
  COUNT(`cx_reopens`) AS `cx_reopens_known`,
  MIN(`cx_reopens`) AS `cx_reopens_min`,
  MIN(CASE WHEN `cx_reopens` <> FLOOR(`cx_reopens`) THEN `cx_reopens` END) AS `cx_reopens_fraction`
FROM `cx_rows`;
