"""Dump what the directory search finds, to compare two versions of the search code (issue #14, speed).

Generates the benchmark directory of ``directory_search.py`` (or reuses a kept PostgreSQL database),
then runs several hundred queries (the benchmark's mix of topics, synonyms, prefixes and typos, the
judged queries of ``search_quality_data.py`` and two-word combinations) over one office, three, six,
38 and all offices, and writes per query and selection the total, the first 50 ids, the page at offset
20, the corrections and the ignored words as JSON lines. Run it with the old code and with the new code
on the same database and ``diff`` the two files: a speed change must not change a single line.

    PYTHONPATH=<old tree> python bench/search_equivalence.py --db postgresql --keep lotse_eq > old.jsonl
    PYTHONPATH=<new tree> python bench/search_equivalence.py --db postgresql --keep lotse_eq > new.jsonl
    diff old.jsonl new.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from directory_search import EXTRA_QUERIES, generate, make_app
from search_quality_data import QUERIES as JUDGED


def queries(n_pairs: int, seed: int = 5) -> list[str]:
    from saas.directory.demo import load_topic_rows

    pool = list(EXTRA_QUERIES)
    for row in load_topic_rows():
        pool.append(row["name"])
        pool.append(row["name"][: max(4, len(row["name"]) // 2)])
        pool.extend(w.strip() for w in row["search_words"].split(",") if w.strip())
    pool += [query for _form, query, _topics, _qualifier in JUDGED]
    pool += ["Hilfe", "Begegnung", "Angehörige", "Eltern Kinder", "Sucht", "Selbsthilfegruppe", "Nord", "SHG", ""]
    rng = random.Random(seed)
    pool += [f"{rng.choice(pool)} {rng.choice(pool)}" for _ in range(n_pairs)]
    return list(dict.fromkeys(pool))


def dump(app, offices: list[int], qs: list[str], out) -> None:  # type: ignore[no-untyped-def]
    from saas.directory.search import search_ids
    from saas.extensions import db
    from tenants.scoping import cross_tenant, tenant_context

    rng = random.Random(9)
    selections: list[tuple[str, list[int] | None]] = [
        ("one", [offices[0]]),
        ("three", rng.sample(offices, 3)),
        ("six", rng.sample(offices, 6)),
        ("38", rng.sample(offices, min(38, len(offices)))),
        ("all", None),
    ]
    with app.app_context():
        for q in qs:
            for label, selection in selections:
                started = time.perf_counter()
                with (
                    cross_tenant("equivalence dump")
                    if selection is None or len(selection) > 1
                    else tenant_context(selection[0])
                ):
                    first = search_ids(q, tenant_ids=selection, limit=50)
                    page = search_ids(q, tenant_ids=selection, offset=20, limit=20)
                db.session.remove()
                took = time.perf_counter() - started
                record = {
                    "q": q,
                    "offices": label,
                    "total": first.total,
                    "ids": first.ids,
                    "page2": page.ids,
                    "page2_total": page.total,
                    "corrected": first.corrected,
                    "ignored": first.ignored,
                }
                out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                print(f"{took * 1000:8.1f} ms  {label:5s} {q!r}", file=sys.stderr) if took > 0.5 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--groups", type=int, default=100000)
    parser.add_argument("--offices", type=int, default=400)
    parser.add_argument("--pairs", type=int, default=150, help="two-word queries added to the pool")
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument(
        "--keep", default="", help="PostgreSQL database name / SQLite file to create once and reuse (kept)"
    )
    args = parser.parse_args()
    os.environ.setdefault("LOTSE_INSTANCE", tempfile.mkdtemp(prefix="lotse-eq-"))
    if args.db == "sqlite":
        path = Path(args.keep or tempfile.mkdtemp(prefix="lotse-eq-sqlite-") + "/eq.db")
        fresh = not path.exists()
        url = f"sqlite:///{path}"
    else:
        import psycopg
        from sqlalchemy.engine import make_url

        admin = make_url(args.pg_url)
        name = args.keep or "lotse_eq"
        with psycopg.connect(
            host=admin.host, port=admin.port or 5432, user=admin.username, dbname=admin.database, autocommit=True
        ) as conn:
            fresh = not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if fresh:
                conn.execute(f'CREATE DATABASE "{name}"')
        url = admin.set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    app = make_app(url)
    if fresh:
        generate(app, args.groups, args.offices)
    from saas.extensions import db
    from tenants.models import Tenant

    with app.app_context():
        offices = sorted(t.id for t in db.session.query(Tenant).all())
    qs = queries(args.pairs)
    print(f"{len(qs)} queries x 5 office selections", file=sys.stderr)
    dump(app, offices, qs, sys.stdout)


if __name__ == "__main__":
    main()
