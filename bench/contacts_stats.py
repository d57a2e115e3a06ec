"""Benchmark: one office's annual report and recording one contact while the contact table is large.

The issue's size is 10 years × 400 offices × 3,000 contacts a year (12 million rows) on PostgreSQL:

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/lotse_bench \\
        .venv/bin/python bench/contacts_stats.py --years 10 --offices 400 --per-year 3000

Goals: the annual report in ≤ 200 ms and an entry in ≤ 20 ms (p95), independent of the number of
years and offices stored. The default size is small (2 years × 5 offices × 3,000) and runs on a
temporary SQLite file unless DATABASE_URL is set. The database's tables are created if missing and
the benchmark's offices (slugs ``bench-…``) are replaced on each run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

KINDS = ["citizen", "relative", "group", "professional"]
CHANNELS = ["phone", "written", "in_person"]
AREAS = ["addiction", "chronic_illness", "mental_health", "disability", "social"]
CONCERNS = ["seeking_group", "founding_group", "information", "group_support", "networking", "other"]

# The daily counters of operations.contribution(), computed by the database for bulk-loaded rows.
COUNT_SQL = """
INSERT INTO contact_daily_counts (tenant_id, day, site, dim, key, count)
SELECT tenant_id, day, site, dim, key, SUM(n) FROM (
  SELECT tenant_id, day, COALESCE(site_id, 0) AS site, 'total' AS dim, '' AS key, 1 AS n
    FROM contacts WHERE tenant_id = :t
  UNION ALL SELECT tenant_id, day, COALESCE(site_id, 0), 'kind', kind, 1 FROM contacts WHERE tenant_id = :t
  UNION ALL SELECT tenant_id, day, COALESCE(site_id, 0), 'channel', channel, 1 FROM contacts WHERE tenant_id = :t
  UNION ALL SELECT tenant_id, day, COALESCE(site_id, 0), 'kind_area', kind || ':' || topic_area, 1
    FROM contacts WHERE tenant_id = :t
  UNION ALL SELECT tenant_id, day, COALESCE(site_id, 0), 'concern', concern, 1 FROM contacts WHERE tenant_id = :t
  UNION ALL SELECT tenant_id, day, COALESCE(site_id, 0), 'ref', 'to_groups', referrals_to_groups
    FROM contacts WHERE tenant_id = :t AND referrals_to_groups > 0
  UNION ALL SELECT tenant_id, day, COALESCE(site_id, 0), 'ref', 'to_professionals', referrals_to_professionals
    FROM contacts WHERE tenant_id = :t AND referrals_to_professionals > 0
) AS parts GROUP BY tenant_id, day, site, dim, key
"""

PG_FILL = """
INSERT INTO contacts (tenant_id, day, kind, channel, topic_area, topic_label, topic_unmatched, concern, site_id,
                      referrals_to_groups, referrals_to_professionals, created_at)
SELECT :t, make_date(:y, 1, 1) + floor(random() * 365)::int,
       (ARRAY['citizen','relative','group','professional'])[1 + floor(random() * 4)::int],
       (ARRAY['phone','written','in_person'])[1 + floor(random() * 3)::int],
       (ARRAY['addiction','chronic_illness','mental_health','disability','social'])[1 + floor(random() * 5)::int],
       '', false,
       (ARRAY['seeking_group','founding_group','information','group_support','networking','other'])
         [1 + floor(random() * 6)::int],
       :site, floor(random() * 2)::int, floor(random() * 1.1)::int, now()
FROM generate_series(1, :n)
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--years", type=int, default=2, help="years of contacts per office (issue: 10)")
    parser.add_argument("--offices", type=int, default=5, help="offices (issue: 400)")
    parser.add_argument("--per-year", type=int, default=3000, help="contacts per office and year (issue: 3000)")
    parser.add_argument("--reports", type=int, default=30, help="annual reports to time")
    parser.add_argument("--entries", type=int, default=200, help="contacts to record for the p95")
    parser.add_argument("--keep", action="store_true", help="keep the generated offices")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    if not os.environ.get("DATABASE_URL"):
        folder = Path(tempfile.mkdtemp(prefix="lotse-bench-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.db'}"
        os.environ.setdefault("LOTSE_INSTANCE", str(folder))
    from sqlalchemy import delete, insert, select, text

    from saas import create_app
    from saas.contacts import operations as ops
    from saas.contacts.models import Contact, ContactDailyCount
    from saas.contacts.report import annual_report
    from saas.extensions import db
    from tenants.models import Site, Tenant
    from tenants.scoping import cross_tenant, tenant_context

    app = create_app()
    with app.app_context():
        db.create_all()
        dialect = db.engine.dialect.name
        last_year = ops.today().year - 1
        first_year = last_year - args.years + 1
        total = args.years * args.offices * args.per_year
        print(
            f"database: {dialect}; {args.offices} offices × {args.years} years × {args.per_year} = {total:,} contacts"
        )

        with cross_tenant("benchmark set-up"):
            old = db.session.scalars(select(Tenant.id).where(Tenant.slug.like("bench-%"))).all()
            if old:
                for table in (ContactDailyCount, Contact, Site):
                    db.session.execute(delete(table).where(table.tenant_id.in_(old)))
                db.session.execute(delete(Tenant).where(Tenant.id.in_(old)))
                db.session.commit()

        started = time.perf_counter()
        offices: list[tuple[int, int]] = []
        rng = random.Random(7)
        for i in range(args.offices):
            tenant_id = db.session.execute(
                insert(Tenant)
                .values(slug=f"bench-{i:04d}", name=f"Bench-Kontaktstelle {i}", settings={})
                .returning(Tenant.id)
            ).scalar_one()
            site_id = db.session.execute(
                insert(Site).values(tenant_id=tenant_id, name="Hauptstelle", position=0).returning(Site.id)
            ).scalar_one()
            offices.append((tenant_id, site_id))
            for year in range(first_year, last_year + 1):
                if dialect == "postgresql":
                    db.session.execute(text(PG_FILL), {"t": tenant_id, "y": year, "site": site_id, "n": args.per_year})
                else:
                    rows = [
                        {
                            "tenant_id": tenant_id,
                            "day": dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                            "kind": rng.choice(KINDS),
                            "channel": rng.choice(CHANNELS),
                            "topic_area": rng.choice(AREAS),
                            "topic_label": "",
                            "topic_unmatched": False,
                            "concern": rng.choice(CONCERNS),
                            "site_id": site_id,
                            "referrals_to_groups": rng.randrange(2),
                            "referrals_to_professionals": int(rng.random() < 0.1),
                        }
                        for _ in range(args.per_year)
                    ]
                    db.session.execute(insert(Contact), rows)
            db.session.execute(text(COUNT_SQL), {"t": tenant_id})
            db.session.commit()
            if (i + 1) % max(args.offices // 10, 1) == 0:
                print(f"  {i + 1} offices loaded ({time.perf_counter() - started:.0f} s)", flush=True)
        if dialect == "postgresql":
            db.session.execute(text("ANALYZE contacts"))
            db.session.execute(text("ANALYZE contact_daily_counts"))
            db.session.commit()
        print(f"loaded in {time.perf_counter() - started:.1f} s")

        tenant_id, site_id = offices[len(offices) // 2]
        tenant = db.session.get(Tenant, tenant_id)
        with tenant_context(tenant_id):
            annual_report(tenant, last_year)  # warm-up (imports, caches)
            report_ms = []
            for _ in range(args.reports):
                t0 = time.perf_counter()
                report = annual_report(tenant, last_year)
                report_ms.append((time.perf_counter() - t0) * 1000)
                db.session.rollback()
            assert report["contacts"]["total"] == args.per_year, report["contacts"]["total"]

            entry_ms = []
            day = ops.today()
            for i in range(args.entries):
                t0 = time.perf_counter()
                ops.record_contact(
                    ops.ContactData(
                        day=day,
                        kind=KINDS[i % 4],
                        channel=CHANNELS[i % 3],
                        topic_area=AREAS[i % 5],
                        concern=CONCERNS[i % 6],
                        site_id=site_id,
                        referrals_to_professionals=i % 2,
                    )
                )
                db.session.commit()
                entry_ms.append((time.perf_counter() - t0) * 1000)

        def p95(values: list[float]) -> float:
            return sorted(values)[max(int(len(values) * 0.95) - 1, 0)]

        print(
            f"annual report of one office: median {statistics.median(report_ms):.1f} ms, p95 {p95(report_ms):.1f} ms "
            f"(goal ≤ 200 ms) {'OK' if p95(report_ms) <= 200 else 'MISSED'}"
        )
        print(
            f"record one contact: median {statistics.median(entry_ms):.1f} ms, p95 {p95(entry_ms):.1f} ms "
            f"(goal ≤ 20 ms) {'OK' if p95(entry_ms) <= 20 else 'MISSED'}"
        )

        if not args.keep:
            with cross_tenant("benchmark clean-up"):
                ids = [o[0] for o in offices]
                for table in (ContactDailyCount, Contact, Site):
                    db.session.execute(delete(table).where(table.tenant_id.in_(ids)))
                db.session.execute(delete(Tenant).where(Tenant.id.in_(ids)))
                db.session.commit()


if __name__ == "__main__":
    main()
