#!/usr/bin/env python3
"""Checks that dhow-recommend's bought-together pair scores equal recommend/sql/bought_together.sql
run by DuckDB over the same orders: the same pairs, counts equal, |score difference| <= 1e-9.

    python3 recommend/tests/duckdb_equivalence.py [path/to/dhow-recommend]

The builder comes from the argument, else $DHOW_RECOMMEND, else target/recs/debug/dhow-recommend.
Needs the Python package duckdb. Exits non-zero with a message on any difference.
"""

import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SQL = ROOT / "recommend" / "sql" / "bought_together.sql"
TOLERANCE = 1e-9


def fail(message):
    print(f"duckdb_equivalence: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    try:
        import duckdb
    except ImportError:
        fail("the Python package duckdb is missing (pip install duckdb)")
    builder = (
        sys.argv[1]
        if len(sys.argv) > 1
        else os.environ.get("DHOW_RECOMMEND", str(ROOT / "target/recs/debug/dhow-recommend"))
    )
    if not Path(builder).is_file():
        fail(f"no builder at {builder} (cargo build -p dhow-recommend, or pass its path)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        orders, pairs = tmp / "orders.csv", tmp / "pairs.csv"
        # A synthetic catalog, with a few big orders added below to exercise the 50-product cap.
        subprocess.run(
            [builder, "generate", "--products-from", "synthetic:400", "--orders", "30000",
             "--seed", "5", "--out", str(orders)],
            check=True, stdout=subprocess.DEVNULL,
        )
        with orders.open("a") as f:
            for big in range(3):
                for p in range(60):
                    f.write(f"big{big},2027-01-01T00:00:00Z,p{p:05},1\n")
            # The same product twice in one order counts once.
            f.write("dup,2027-01-02T00:00:00Z,p00001,1\n")
            f.write("dup,2027-01-02T00:00:00Z,p00001,2\n")
            f.write("dup,2027-01-02T00:00:00Z,p00002,1\n")
        subprocess.run(
            [builder, "build", "--orders", str(orders), "--pairs", str(pairs), "--no-eval"],
            check=True, stdout=subprocess.DEVNULL,
        )
        with pairs.open() as f:
            ours = {(r["a"], r["b"]): r for r in csv.DictReader(f)}
        con = duckdb.connect()
        con.execute(
            "CREATE TABLE orders AS SELECT order_id, placed_at, product "
            f"FROM read_csv('{orders}', header = true, all_varchar = true)"
        )
        theirs = {(r[0], r[1]): r for r in con.execute(SQL.read_text()).fetchall()}
    if not ours:
        fail("the builder wrote no pairs")
    missing, extra = theirs.keys() - ours.keys(), ours.keys() - theirs.keys()
    if missing or extra:
        fail(f"{len(missing)} pairs only in SQL (e.g. {sorted(missing)[:3]}), "
             f"{len(extra)} only in the builder (e.g. {sorted(extra)[:3]})")
    worst = 0.0
    for key, row in ours.items():
        a, b, c_ab, n_a, n_b, score = theirs[key]
        counts = (int(row["c_ab"]), int(row["n_a"]), int(row["n_b"]))
        if counts != (c_ab, n_a, n_b):
            fail(f"{key}: counts {counts} in the builder, {(c_ab, n_a, n_b)} in SQL")
        worst = max(worst, abs(float(row["score"]) - score))
        if worst > TOLERANCE:
            fail(f"{key}: score {row['score']} in the builder, {score!r} in SQL")
    print(f"duckdb_equivalence: OK: {len(ours)} pairs equal (largest score difference {worst:.3g}; "
          f"duckdb {duckdb.__version__})")


if __name__ == "__main__":
    main()
