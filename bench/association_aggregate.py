"""Benchmark: the association aggregation and dashboard with many offices and years of contacts.

The issue's size is 400 offices × 10 years × 3,000 contacts a year on PostgreSQL:

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/lotse_bench \\
        .venv/bin/python bench/association_aggregate.py --offices 400 --years 10 --per-year 3000

The contacts are what associations look like (as ``bench/association_suppression.py``): offices of very
different sizes (log-normal, 40 … 8,000 a year at ``--per-year 3000``, 3,000 on average) and rare
categories (relatives, founding a group, disability, in person, letters), so that every table has small
cells and a release day has real suppression to solve. ``--uniform`` gives the old data instead: every
office ``--per-year`` contacts spread evenly over the categories (no small cell: nothing is suppressed).

It prints the time of the full first aggregation (the backfill of the counts and the suppressed reports
apart), the stored rows per level and, on PostgreSQL, the aggregate tables' sizes
(``pg_total_relation_size``); then the nightly task as it runs (``workers/association.py``): the count
under the aggregation lock, then one release job per association. It does so after one day of new
contacts in every office (today: no table is due), after contacts back-dated into a released quarter in
every office (released tables are frozen: nothing is rebuilt), and on a release night (the clock set to the
next release day: every association releases a table, suppressed with the year's released tables held
fixed), each time the count's time and the release jobs' longest, median and summed times with the part
spent on suppression; then the time of rendering an association's dashboard, and the nightly task again
with 10, 5 and 1 years of history kept (older years deleted in between; skipped with ``--keep``), to show
that its cost follows the changed data, not the stored history. Every run also prints the CPU time of this
process and of its PostgreSQL backends (read from /proc; the server on this machine) and the load average:
on a shared machine wall time alone misleads. Goals: backfill ≤ 60 s, aggregate tables ≤ 1 GB, the nightly
count ≤ 5 s, each release job ≤ 5 s, dashboard ≤ 300 ms.

Generate once and iterate: ``--keep`` leaves the offices and contacts in place, ``--reuse`` runs again on
them with every aggregate removed, ``--counts-only`` builds no suppressed reports, ``--reports-for N``
builds those of the first N associations only.

The default size is small (6 offices × 2 years × 1,000) and runs on a temporary SQLite file unless
DATABASE_URL is set. Offices are grouped into associations of ``--per-association`` (the Paritätische
NRW carries 38); every office shares every figure family. The benchmark's offices (``bench-…``) and
associations (``bench-assoc-…``) are replaced on each run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
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
PASSWORD = "bench-analyst-password-2026"

# What associations look like (as bench/association_suppression.py): rare categories (relatives, founding a
# group, disability, in person, letters), so that small cells occur in every table. Cumulative shares.
KIND_CUT = (0.50, 0.56, 0.84)  # citizen 50 %, relative 6 %, group 28 %, professional 16 %
AREA_CUT = (0.13, 0.37, 0.83, 0.85)  # addiction, chronic illness, mental health, disability 2 %, social
CHANNEL_CUT = (0.45, 0.90)  # phone, written, in person 10 %
CONCERN_CUT = (0.38, 0.41, 0.71, 0.89, 0.96)  # seeking, founding 3 %, information, support, networking, other
MEDIUM_CUT = (0.60, 0.75, 0.95)  # of written contacts: e-mail, letter, form, none recorded


def _case(column: str, cuts: tuple[float, ...], names: list[str] | tuple[str, ...]) -> str:
    whens = " ".join(f"WHEN {column} < {cut} THEN '{name}'" for cut, name in zip(cuts, names, strict=False))
    return f"CASE {whens} ELSE '{names[-1]}' END"


PG_FILL_UNIFORM = """
INSERT INTO contacts (tenant_id, day, kind, channel, topic_area, topic_label, topic_unmatched, concern,
                      referrals_to_groups, referrals_to_professionals, created_at)
SELECT :t, make_date(:y, 1, 1) + floor(random() * :days)::int,
       (ARRAY['citizen','relative','group','professional'])[1 + floor(random() * 4)::int],
       (ARRAY['phone','written','in_person'])[1 + floor(random() * 3)::int],
       (ARRAY['addiction','chronic_illness','mental_health','disability','social'])[1 + floor(random() * 5)::int],
       '', false,
       (ARRAY['seeking_group','founding_group','information','group_support','networking','other'])
         [1 + floor(random() * 6)::int],
       floor(random() * 2)::int, floor(random() * 1.1)::int, now()
FROM generate_series(1, :n)
"""

PG_FILL_REALISTIC = f"""
INSERT INTO contacts (tenant_id, day, kind, channel, medium, topic_area, topic_label, topic_unmatched, concern,
                      referrals_to_groups, referrals_to_professionals, created_at)
SELECT :t, make_date(:y, 1, 1) + floor(r0 * :days)::int, {_case("r1", KIND_CUT, KINDS)},
       {_case("r2", CHANNEL_CUT, CHANNELS)},
       CASE WHEN r2 >= {CHANNEL_CUT[0]} AND r2 < {CHANNEL_CUT[1]} THEN
         NULLIF({_case("r6", MEDIUM_CUT, ["email", "letter", "form", "none"])}, 'none') END,
       {_case("r3", AREA_CUT, AREAS)}, '', false, {_case("r4", CONCERN_CUT, CONCERNS)},
       (r5 < 0.25)::int, (r5 > 0.96)::int, now()
FROM (SELECT random() r0, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6
      FROM generate_series(1, :n)) draws
"""


def office_size(rng: random.Random, per_year: int, uniform: bool) -> int:
    """Contacts a year of one office: ``per_year`` each (``--uniform``), or log-normal as real offices differ
    (40 … 8,000 at 3,000 a year: a few large city offices, many small ones), ``per_year`` on average."""
    if uniform:
        return per_year
    low, high = per_year / 75, per_year * 8 / 3
    size = rng.lognormvariate(_log_median(per_year, low, high), SIZE_SIGMA)
    return round(min(high, max(low, size)))


SIZE_SIGMA = 0.9


def _log_median(mean: float, low: float, high: float) -> float:
    """The log-median of the log-normal whose values, clamped to ``low`` … ``high``, average ``mean``."""
    from statistics import NormalDist

    phi, s = NormalDist().cdf, SIZE_SIGMA

    def clamped_mean(mu: float) -> float:
        a, b = (math.log(low) - mu) / s, (math.log(high) - mu) / s
        inside = math.exp(mu + s * s / 2) * (phi(b - s) - phi(a - s))
        return low * phi(a) + high * (1 - phi(b)) + inside

    lo_mu, hi_mu = math.log(low), math.log(high)
    for _ in range(60):
        mid = (lo_mu + hi_mu) / 2
        lo_mu, hi_mu = (mid, hi_mu) if clamped_mean(mid) < mean else (lo_mu, mid)
    return lo_mu


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offices", type=int, default=6, help="offices (issue: 400)")
    parser.add_argument("--years", type=int, default=2, help="years of contacts per office (issue: 10)")
    parser.add_argument("--per-year", type=int, default=1000, help="contacts per office and year (issue: 3000)")
    parser.add_argument("--per-association", type=int, default=38, help="member offices per association")
    parser.add_argument("--renders", type=int, default=15, help="dashboard renders to time")
    parser.add_argument("--keep", action="store_true", help="keep the generated offices")
    parser.add_argument(
        "--uniform",
        action="store_true",
        help="every office the same size, every category equally likely (no small cells: nothing to suppress)",
    )
    parser.add_argument(
        "--counts-only",
        action="store_true",
        help="time the counting alone: the runs build no suppressed reports (and no dashboard is rendered)",
    )
    parser.add_argument(
        "--reports-for",
        type=int,
        default=0,
        help="build the suppressed reports of the first N associations only (0: all); the others count only",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="reuse the offices and contacts a --keep (or interrupted) run left, with every aggregate removed",
    )
    return parser.parse_args()


def _timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _backend_ticks(db) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """CPU clock ticks (user + system) so far of every PostgreSQL backend connected to this database (read
    from /proc: the server runs on this machine); empty where that cannot be read (SQLite, remote server)."""
    from sqlalchemy import text

    if db.engine.dialect.name != "postgresql":
        return {}
    with db.engine.connect() as conn:
        pids = list(conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")).scalars())
    ticks = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks[pid] = int(fields[11]) + int(fields[12])  # utime, stime
    return ticks


def _cpu_timed(db, fn):  # type: ignore[no-untyped-def]
    """(wall seconds, result, CPU seconds of this process, CPU seconds of its PostgreSQL backends). The
    machine is shared: under load, CPU time says what the work costs, wall time what it took."""
    hz = os.sysconf("SC_CLK_TCK")
    before, cpu = _backend_ticks(db), time.process_time()
    seconds, result = _timed(fn)
    cpu = time.process_time() - cpu
    after = _backend_ticks(db)
    backends = sum(t - before.get(pid, 0) for pid, t in after.items()) / hz
    return seconds, result, cpu, backends


def _load() -> str:
    try:
        return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "load average unknown"


def main() -> None:
    args = parse_args()
    if not os.environ.get("DATABASE_URL"):
        folder = Path(tempfile.mkdtemp(prefix="lotse-bench-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.db'}"
        os.environ.setdefault("LOTSE_INSTANCE", str(folder))
    from saas import create_app

    app = create_app(
        {
            "TESTING": True,
            "RATELIMIT_ENABLED": False,
            "WTF_CSRF_ENABLED": False,
            "MFA_ENFORCED": False,
            "CELERY": {"task_always_eager": True},
        }
    )
    with app.app_context():
        from saas.extensions import db

        db.create_all()
        run_benchmark(app, db, args)


def _cleanup(db) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import delete, select

    from saas.association.models import AggregateCount, AggregationRun, DirtyDay, Period
    from saas.auth.models import User
    from saas.contacts.models import Contact, ContactDailyCount
    from tenants.models import Association, Tenant
    from tenants.scoping import cross_tenant

    with cross_tenant("bench: remove the previous benchmark data"):
        ids = list(db.session.scalars(select(Tenant.id).where(Tenant.slug.like("bench-%"))))
        for table in (Contact, ContactDailyCount, DirtyDay):
            db.session.execute(
                delete(table).where(table.tenant_id.in_(ids)).execution_options(synchronize_session=False)
            )
        db.session.execute(delete(AggregateCount).where(AggregateCount.office_id.in_(ids)))
        db.session.execute(delete(Period).where(Period.office_id.in_(ids)))
        db.session.execute(delete(AggregationRun))
        db.session.execute(delete(Tenant).where(Tenant.id.in_(ids)))
        db.session.execute(delete(Association).where(Association.slug.like("bench-assoc-%")))
        db.session.execute(delete(User).where(User.email.like("bench-analyst%")))
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy import text

        # The sizes printed later are of this run's rows only, not of the space a previous run left behind.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(
                text("VACUUM FULL association_counts, association_periods, association_reports, association_releases")
            )


def _pick(rng: random.Random, cuts: tuple[float, ...], names: list[str] | tuple[str, ...], uniform: bool) -> str:
    if uniform:
        return rng.choice(names)
    r = rng.random()
    return next((name for cut, name in zip(cuts, names, strict=False) if r < cut), names[-1])


def _fill(  # type: ignore[no-untyped-def]
    db, tenant_id: int, years: list[int], per_year: int, today: dt.date, rng: random.Random, uniform: bool
) -> None:
    from sqlalchemy import insert, text

    from saas.contacts.models import Contact

    pg = db.engine.dialect.name == "postgresql"
    for year in years:
        days = (min(dt.date(year, 12, 31), today - dt.timedelta(days=1)) - dt.date(year, 1, 1)).days + 1
        n = per_year * days // 365 if year == today.year else per_year
        if pg:
            fill = PG_FILL_UNIFORM if uniform else PG_FILL_REALISTIC
            db.session.execute(text(fill), {"t": tenant_id, "y": year, "days": days, "n": n})
            continue
        rows = []
        for _ in range(n):
            channel = _pick(rng, CHANNEL_CUT, CHANNELS, uniform)
            medium = _pick(rng, MEDIUM_CUT, ["email", "letter", "form", ""], uniform) if channel == "written" else ""
            r = rng.random()
            rows.append(
                {
                    "tenant_id": tenant_id,
                    "day": dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(days)),
                    "kind": _pick(rng, KIND_CUT, KINDS, uniform),
                    "channel": channel,
                    "medium": (medium or None) if not uniform else None,
                    "topic_area": _pick(rng, AREA_CUT, AREAS, uniform),
                    "concern": _pick(rng, CONCERN_CUT, CONCERNS, uniform),
                    "topic_label": "",
                    "topic_unmatched": False,
                    "referrals_to_groups": rng.randint(0, 1) if uniform else int(r < 0.25),
                    "referrals_to_professionals": rng.randint(0, 1) if uniform else int(r > 0.96),
                }
            )
        # Core insert (not the ORM): a bulk load of history leaves no change markers, like a restore.
        db.session.execute(insert(Contact.__table__), rows)


def _new_day(db, tenant_ids: list[int], today: dt.date, per_day: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """One day of new contacts in every office, written through the ORM like the contact log does."""
    from sqlalchemy import insert

    from saas.contacts.models import Contact
    from tenants.scoping import tenant_context

    for tid in tenant_ids:
        with tenant_context(tid):
            db.session.execute(
                insert(Contact),
                [
                    {
                        "tenant_id": tid,
                        "day": today,
                        "kind": rng.choice(KINDS),
                        "channel": rng.choice(CHANNELS),
                        "topic_area": rng.choice(AREAS),
                        "concern": rng.choice(CONCERNS),
                    }
                    for _ in range(per_day)
                ],
            )
    db.session.commit()


def _signs(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Cells shown as a sign and as a number in every stored report and year-to-date table (counts only)."""
    from sqlalchemy import select

    from saas.association.audit import published_cells
    from saas.association.models import AssociationReport
    from saas.association.publish import members_of

    hidden = shown = 0
    for row in db.session.scalars(select(AssociationReport)):
        members = members_of(row.association_id)
        payloads = [row.payload, *((row.periods or {}).get("ytd", {}).values())]
        for payload in payloads:
            for value in published_cells(payload, "t", members).values():
                if isinstance(value, str):
                    hidden += 1
                else:
                    shown += 1
    return hidden, shown


def _reuse(db):  # type: ignore[no-untyped-def]
    """The offices, associations and analyst of an earlier run, with every aggregate of them removed (so the
    next run is a full first aggregation again)."""
    from sqlalchemy import delete, select, text

    from saas.association.models import (
        AggregateCount,
        AggregationRun,
        AssociationOffice,
        AssociationRelease,
        AssociationReport,
        DirtyDay,
        Period,
    )
    from saas.auth.models import User
    from tenants.models import Association, Tenant
    from tenants.scoping import cross_tenant

    with cross_tenant("bench: reuse the previous benchmark data"):
        ids = list(db.session.scalars(select(Tenant.id).where(Tenant.slug.like("bench-%")).order_by(Tenant.slug)))
        associations = list(
            db.session.scalars(
                select(Association).where(Association.slug.like("bench-assoc-%")).order_by(Association.id)
            )
        )
        assoc_ids = [a.id for a in associations]
        db.session.execute(
            delete(DirtyDay).where(DirtyDay.tenant_id.in_(ids)).execution_options(synchronize_session=False)
        )
        db.session.execute(delete(AggregateCount).where(AggregateCount.office_id.in_(ids)))
        db.session.execute(delete(Period).where(Period.office_id.in_(ids)))
        db.session.execute(delete(AggregationRun))
        db.session.execute(delete(AssociationReport).where(AssociationReport.association_id.in_(assoc_ids)))
        db.session.execute(delete(AssociationRelease).where(AssociationRelease.association_id.in_(assoc_ids)))
        db.session.execute(delete(AssociationOffice).where(AssociationOffice.association_id.in_(assoc_ids)))
        analyst = db.session.scalar(select(User).where(User.email == "bench-analyst@lotse.test"))
        from saas.association.operations import LOCK_NAME
        from saas.core.locks import TaskLock

        db.session.execute(delete(TaskLock).where(TaskLock.name == LOCK_NAME))  # an interrupted run's lock
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(
                text("VACUUM FULL association_counts, association_periods, association_reports, association_releases")
            )
    return ids, associations, analyst


def _time_publishing(skip: bool, only: set[int] | None = None) -> dict[str, float]:
    """Time spent building the suppressed reports within a run (the rest of a run is the counting), wall
    ("seconds") and CPU of this process ("cpu"), and the CPU of the suppression in it ("suppression_cpu":
    :func:`report.suppress_blocks`; the rest is reading, building and writing the tables); ``skip``: build
    none; ``only``: build those of these associations only."""
    from saas.association import publish, report

    spent = {"seconds": 0.0, "cpu": 0.0, "suppression_cpu": 0.0}
    original = publish.refresh_association
    suppress_blocks = report.suppress_blocks

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        if skip or (only is not None and args[1] not in only):
            return None
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent["seconds"] += time.perf_counter() - start
            spent["cpu"] += time.process_time() - cpu

    def suppressing(*args, **kwargs):  # type: ignore[no-untyped-def]
        cpu = time.process_time()
        try:
            return suppress_blocks(*args, **kwargs)
        finally:
            spent["suppression_cpu"] += time.process_time() - cpu

    publish.refresh_association = timed  # type: ignore[assignment]
    report.suppress_blocks = suppressing  # type: ignore[assignment]
    return spent


def run_benchmark(app, db, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select, text

    from saas.association import aggregation as worker
    from saas.association.models import AggregateCount
    from saas.auth.models import AnalystAccess, User
    from saas.auth.passwords import hash_password
    from saas.contacts.models import Contact
    from saas.core.timeutil import today as berlin_today
    from tenants import operations as tenant_ops
    from tenants.models import FIGURE_FAMILIES, AssociationMember
    from tenants.scoping import cross_tenant, tenant_context

    rng = random.Random(2026)
    today = berlin_today()
    years = list(range(today.year - args.years + 1, today.year + 1))
    print(
        f"database: {db.engine.dialect.name}; {args.offices} offices × {args.years} years × {args.per_year} "
        f"contacts; associations of {args.per_association}"
    )
    t0 = time.perf_counter()
    tenant_ids, associations = [], []
    if args.reuse:
        tenant_ids, associations, analyst = _reuse(db)
    else:
        _cleanup(db)
    for i in range(0 if not args.reuse else args.offices, args.offices):
        if i % args.per_association == 0:
            associations.append(
                tenant_ops.create_association(f"bench-assoc-{len(associations)}", f"Bench-Verband {len(associations)}")
            )
        tenant = tenant_ops.create_tenant(
            f"bench-{i:04d}",
            f"Bench-Kontaktstelle {i:04d}",
            population=rng.randint(80_000, 600_000),
            staff_fte=rng.choice([1.5, 2, 3, 4]),
        )
        tenant_ops.add_site(tenant, "Hauptstelle")
        member = tenant_ops.add_member(associations[-1], tenant)
        with tenant_context(tenant.id):
            tenant_ops.set_shared_families(member, list(FIGURE_FAMILIES))
            db.session.flush()
        _fill(db, tenant.id, years, office_size(rng, args.per_year, args.uniform), today, rng, args.uniform)
        tenant_ids.append(tenant.id)
        if i % 20 == 19:
            db.session.commit()
    if not args.reuse:
        analyst = User(email="bench-analyst@lotse.test", name="Bench", password_hash=hash_password(PASSWORD))
        db.session.add(analyst)
        db.session.flush()
        db.session.add(AnalystAccess(user_id=analyst.id, association_id=associations[0].id))
        db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    with cross_tenant("bench: count"):
        total = db.session.scalar(select(func.count(Contact.id)).where(Contact.tenant_id.in_(tenant_ids)))
    print(f"generated {total:,} contacts in {time.perf_counter() - t0:.1f} s")

    only = {a.id for a in associations[: args.reports_for]} if args.reports_for else None
    publishing = _time_publishing(args.counts_only, only)
    if only is not None and not args.counts_only:
        print(f"(--reports-for {args.reports_for}: suppressed reports of {len(only)} association(s) only)")
    print(f"before the first aggregation: {_load()}")
    full, run, cpu, backend_cpu = _cpu_timed(db, lambda: worker.run(trigger="bench"))
    print(
        f"full first aggregation:            {full:8.2f} s  ({run.periods} periods): backfill of the counts "
        f"{full - publishing['seconds']:.2f} s, suppressed reports {publishing['seconds']:.2f} s"
    )
    print(
        f"  CPU: this process {cpu:.2f} s, its PostgreSQL backends {backend_cpu:.2f} s "
        f"(together {cpu + backend_cpu:.2f} s); after it: {_load()}"
    )
    stored = dict(
        db.session.execute(
            select(AggregateCount.granularity, func.count(AggregateCount.id))
            .where(AggregateCount.office_id.in_(tenant_ids))
            .group_by(AggregateCount.granularity)
        ).all()
    )
    print(
        "stored aggregate rows:             " + ", ".join(f"{g} {stored.get(g, 0):,}" for g in ("day", "month", "year"))
    )
    if db.engine.dialect.name == "postgresql":
        sizes = {
            name: db.session.scalar(text(f"SELECT pg_total_relation_size('{name}')"))
            for name in ("association_counts", "association_periods", "association_reports")
        }
        print(
            "aggregate tables (pg_total_relation_size): "
            + ", ".join(f"{n} {v / 2**20:,.1f} MiB" for n, v in sizes.items())
            + f"; total {sum(sizes.values()) / 2**20:,.1f} MiB"
        )
    if args.counts_only:
        print("(--counts-only: no suppressed reports were built, no dashboard is rendered)")
    hidden, shown = _signs(db)
    print(
        f"hidden cells per 100 published:    {100 * hidden / max(shown, 1):8.1f}  "
        f"({hidden:,} hidden, {shown:,} published)"
    )
    per_day = max(1, args.per_year // 250)

    def incremental(label: str, backdated: bool = False, on: dt.date | None = None) -> float:
        """One day of new contacts in every office (today, or with ``backdated`` a day of the last released
        quarter: frozen, nothing published changes), then a run; ``on``: the run's clock set to that day (a
        release day). Prints its time, the part spent on the suppressed reports and the CPU time."""
        from saas.association.publish import last_released_end
        from saas.core import timeutil

        day = today
        if backdated:
            day = last_released_end(today) - dt.timedelta(days=15)
        _new_day(db, tenant_ids, day, per_day, rng)
        real_today = timeutil.today
        if on is not None:
            timeutil.today = lambda: on  # type: ignore[assignment]
        if os.environ.get("BENCH_PROFILE"):
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        spent_cpu, spent_suppression = publishing["cpu"], publishing["suppression_cpu"]
        jobs: list[tuple[float, float, float]] = []  # per association's release: wall, CPU, backends CPU
        try:
            # The nightly task: the count, then one release job per association (workers/association.py).
            seconds, run, cpu, backend_cpu = _cpu_timed(db, lambda: worker.run(trigger="bench", release_now=False))
            for association_id in worker.associations_in_scope(None):
                wall, _years, job_cpu, job_backends = _cpu_timed(db, lambda a=association_id: worker.release(a))
                jobs.append((wall, job_cpu, job_backends))
        finally:
            timeutil.today = real_today  # type: ignore[assignment]
        reports_cpu = publishing["cpu"] - spent_cpu
        suppression_cpu = publishing["suppression_cpu"] - spent_suppression
        if os.environ.get("BENCH_PROFILE"):
            import io
            import pstats

            profiler.disable()
            text_out = io.StringIO()
            pstats.Stats(profiler, stream=text_out).sort_stats("cumulative").print_stats(45)
            print(text_out.getvalue())
        walls = sorted(j[0] for j in jobs)
        print(
            f"{label:34s} count {seconds:8.2f} s  ({run.periods} periods, {per_day} new contacts per office on "
            f"{day}; CPU {cpu:.2f} s + backends {backend_cpu:.2f} s); {len(jobs)} release jobs: longest "
            f"{walls[-1] if walls else 0:.2f} s, median {statistics.median(walls) if walls else 0:.2f} s, all "
            f"{sum(walls):.2f} s (CPU {sum(j[1] for j in jobs):.2f} s + backends {sum(j[2] for j in jobs):.2f} s, "
            f"of which suppression {suppression_cpu:.2f} s; reports {reports_cpu:.2f} s); {_load()}"
        )
        return seconds

    incremental("incremental run after one day:")
    incremental("incremental, back-dated contacts:", backdated=True)
    if not args.counts_only:
        from saas.association.publish import next_release

        year, table, release = next_release(today)
        print(f"release night: the clock set to {release}, the release day of {year}'s table {table!r}")
        incremental("release night:", on=release)

    if args.counts_only:
        _history(db, args, today, tenant_ids, incremental, args.keep)
        return

    client = app.test_client()
    response = client.post("/login", data={"email": analyst.email, "password": PASSWORD})
    assert response.status_code == 302, response.status_code
    url = f"/verband/{associations[0].slug}/?jahr={today.year - 1 if args.years > 1 else today.year}"

    def renders(page: str) -> tuple[float, list[float]]:
        """The first render, then ``args.renders`` more (seconds)."""
        first, response = _timed(lambda: client.get(page))
        assert response.status_code == 200, (response.status_code, response.get_data(as_text=True)[:2000])
        times = []
        for _ in range(args.renders):
            seconds, response = _timed(lambda: client.get(page))
            assert response.status_code == 200
            times.append(seconds)
        return first, times

    _, times = renders(url)
    print(
        f"dashboard render (median of {args.renders}):   {statistics.median(times) * 1000:8.1f} ms "
        f"(max {max(times) * 1000:.1f} ms)"
    )
    # 1 January to the end of the last complete quarter: stored with the year's report.
    computed, times = renders(f"/verband/{associations[0].slug}/?jahr={today.year - 1}&zeitraum=bisher")
    print(
        f"dashboard, year to date:            {computed * 1000:8.1f} ms first, then "
        f"{statistics.median(times) * 1000:.1f} ms (median of {args.renders})"
    )

    _history(db, args, today, tenant_ids, incremental, args.keep)
    if not args.keep:
        _cleanup(db)
    _ = AssociationMember


def _history(db, args, today, tenant_ids, incremental, keep_data: bool) -> None:  # type: ignore[no-untyped-def]
    """The incremental run again with 10, 5 and 1 years of history kept (older years deleted between).
    Not with ``--keep``: that would delete the kept contacts a later ``--reuse`` run needs."""
    if keep_data:
        print("incremental run by stored history: skipped (--keep: trimming would delete the kept contacts)")
        return
    from sqlalchemy import delete, text

    from saas.association.models import AggregateCount, Period
    from saas.contacts.models import Contact
    from tenants.scoping import cross_tenant

    print("incremental run by stored history:")
    for keep in sorted({h for h in (10, 5, 1) if h <= args.years} | {args.years}, reverse=True):
        first_kept = today.year - keep + 1
        with cross_tenant("bench: trim the history"):
            db.session.execute(
                delete(Contact).where(Contact.tenant_id.in_(tenant_ids), Contact.day < dt.date(first_kept, 1, 1))
            )
            db.session.execute(
                delete(AggregateCount).where(
                    AggregateCount.office_id.in_(tenant_ids), AggregateCount.period_start < dt.date(first_kept, 1, 1)
                )
            )
            # Year 0 rows record a finished backfill (operations.COVERED), not a year of history: they stay,
            # or the next run would backfill every family of every office again.
            db.session.execute(
                delete(Period).where(Period.office_id.in_(tenant_ids), Period.year.between(1, first_kept - 1))
            )
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            # What autovacuum does after a mass delete in production; without it the run would wade
            # through the deleted rows' dead index entries and measure the trimming, not the history.
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE contacts, association_counts, association_periods"))
        incremental(f"  with {keep:2d} year(s) of history:")
        if not args.counts_only:
            _unrelease_next(db, today)
            incremental(f"  release night, {keep:2d} year(s):", on=release_day_after(today))


def release_day_after(today: dt.date) -> dt.date:
    from saas.association.publish import next_release

    return next_release(today)[2]


def _unrelease_next(db, today: dt.date) -> None:  # type: ignore[no-untyped-def]
    """Forget the release of the next table (the one the release night released), so that the release night
    can be measured again: the same table released anew on its day, with the year's others held fixed."""
    from sqlalchemy import delete, select

    from saas.association.models import AssociationRelease
    from saas.association.publish import next_release, period_end
    from tenants.models import Association

    year, table, _day = next_release(today)
    bench = select(Association.id).where(Association.slug.like("bench-assoc-%"))
    db.session.execute(
        delete(AssociationRelease).where(
            AssociationRelease.period_end == period_end(year, table), AssociationRelease.association_id.in_(bench)
        )
    )
    db.session.commit()


if __name__ == "__main__":
    main()
