-- cx-metrics 0.1.0: repeatCustomerRate
WITH
  `cx_rows` AS (
    SELECT
      `country` AS `cx_key_1`,
      `customer_id` AS `cx_id`,
      `ordered_at` AS `cx_at`
    FROM `shop`.`orders`
  ),
  `cx_customers` AS (
    SELECT
      `cx_key_1`,
      `cx_id`,
      COUNT(*) AS `cx_n`,
      COUNT(CASE WHEN `cx_at` IS NULL THEN 1 END) AS `cx_no_at`
    FROM `cx_rows`
    GROUP BY `cx_key_1`, `cx_id`
  )
SELECT
  `cx_key_1`,
  SUM(`cx_n`) AS `cx_count`,
  COUNT(CASE WHEN `cx_id` IS NOT NULL THEN 1 END) AS `cx_customers`,
  COUNT(CASE WHEN `cx_id` IS NOT NULL AND `cx_n` >= 2 THEN 1 END) AS `cx_repeat`,
  SUM(CASE WHEN `cx_id` IS NULL THEN `cx_n` ELSE 0 END) AS `cx_no_id`,
  SUM(`cx_no_at`) AS `cx_no_at`
FROM `cx_customers`
GROUP BY `cx_key_1`
ORDER BY `cx_key_1`;

-- cx-metrics 0.1.0: purchaseFrequency
WITH
  `cx_rows` AS (
    SELECT
      FORMAT_DATETIME('%Y-%m-%d', DATETIME_TRUNC(DATETIME(CAST(`ordered_at` AS TIMESTAMP), @p1), MONTH)) AS `cx_period`,
      `customer_id` AS `cx_id`,
      `ordered_at` AS `cx_at`
    FROM `orders`
  ),
  `cx_customers` AS (
    SELECT
      `cx_period`,
      `cx_id`,
      COUNT(*) AS `cx_n`,
      COUNT(CASE WHEN `cx_at` IS NULL THEN 1 END) AS `cx_no_at`
    FROM `cx_rows`
    GROUP BY `cx_period`, `cx_id`
  )
SELECT
  `cx_period`,
  SUM(`cx_n`) AS `cx_count`,
  COUNT(CASE WHEN `cx_id` IS NOT NULL THEN 1 END) AS `cx_customers`,
  COUNT(CASE WHEN `cx_id` IS NOT NULL AND `cx_n` >= 2 THEN 1 END) AS `cx_repeat`,
  SUM(CASE WHEN `cx_id` IS NULL THEN `cx_n` ELSE 0 END) AS `cx_no_id`,
  SUM(`cx_no_at`) AS `cx_no_at`
FROM `cx_customers`
GROUP BY `cx_period`
ORDER BY `cx_period`;

-- cx-metrics 0.1.0: historicalClv
WITH
  `cx_source` AS (
SELECT * FROM orders WHERE NOT test
  ),
  `cx_rows` AS (
    SELECT
      `customer_id` AS `cx_id`,
      `ordered_at` AS `cx_at`,
      CAST(CAST(`total` AS STRING) AS BIGNUMERIC) AS `cx_amount`
    FROM `cx_source`
  ),
  `cx_customers` AS (
    SELECT
      `cx_id`,
      COUNT(*) AS `cx_n`,
      COUNT(CASE WHEN `cx_at` IS NULL THEN 1 END) AS `cx_no_at`,
      SUM(`cx_amount`) AS `cx_revenue`,
      COUNT(CASE WHEN `cx_amount` IS NULL THEN 1 END) AS `cx_no_amount`
    FROM `cx_rows`
    GROUP BY `cx_id`
  )
SELECT
  SUM(`cx_n`) AS `cx_count`,
  COUNT(CASE WHEN `cx_id` IS NOT NULL THEN 1 END) AS `cx_customers`,
  COUNT(CASE WHEN `cx_id` IS NOT NULL AND `cx_n` >= 2 THEN 1 END) AS `cx_repeat`,
  SUM(CASE WHEN `cx_id` IS NULL THEN `cx_n` ELSE 0 END) AS `cx_no_id`,
  SUM(`cx_no_at`) AS `cx_no_at`,
  SUM(`cx_revenue`) AS `cx_revenue`,
  SUM(`cx_no_amount`) AS `cx_no_amount`
FROM `cx_customers`;
