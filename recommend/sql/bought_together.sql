-- The bought-together pair scores of dhow-recommend (recommend/src/together.rs) as one query,
-- for a brand's warehouse or to check the builder (recommend/tests/duckdb_equivalence.py).
--
-- Input: a table orders(order_id, placed_at, product), one row per order line.
-- Output: a, b (a < b), c_ab, n_a, n_b, score, for every pair with c_ab >= 2 (min support),
-- score = c_ab / sqrt(n_a * n_b) * c_ab / (c_ab + 5) (shrinkage 5). Orders with more than 50
-- distinct products count for n but add no pairs. Change the three constants together with the
-- builder's --min-support, --shrinkage and --max-order-products.
WITH distinct_lines AS (
    SELECT DISTINCT order_id, product FROM orders
),
order_sizes AS (
    SELECT order_id, count(*) AS k FROM distinct_lines GROUP BY order_id
),
bought AS (
    SELECT product, count(*) AS n FROM distinct_lines GROUP BY product
),
pair_lines AS (
    SELECT d.order_id, d.product
    FROM distinct_lines d JOIN order_sizes s USING (order_id)
    WHERE s.k <= 50
),
pairs AS (
    SELECT x.product AS a, y.product AS b, count(*) AS c_ab
    FROM pair_lines x JOIN pair_lines y ON x.order_id = y.order_id AND x.product < y.product
    GROUP BY x.product, y.product
    HAVING count(*) >= 2
)
SELECT
    p.a,
    p.b,
    p.c_ab,
    na.n AS n_a,
    nb.n AS n_b,
    p.c_ab / sqrt(na.n * nb.n) * (p.c_ab / (p.c_ab + 5.0)) AS score
FROM pairs p
JOIN bought na ON na.product = p.a
JOIN bought nb ON nb.product = p.b
ORDER BY p.a, p.b;
