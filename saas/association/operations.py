"""The aggregation: rebuild changed periods, refresh what associations may see, publish their reports.

Shape of a run (called by ``workers/association.py``, which owns the one cross-office block):

1. ``read_plan()`` — inside ``cross_tenant("association aggregation")``: who is a member of which
   association and shares what, the offices' normalisation figures, change markers, period states.
2. ``apply_plan()`` — per office with that office bound (never across offices):
   - withdrawn consent: the office's stored figures of that family are deleted;
   - a family shared for the first time is backfilled over all its years;
   - otherwise only the periods (office, family, year) with change markers, or left STARTED by a
     crashed run, are rebuilt: mark STARTED (committed), recompute from the source, upsert under the
     unique key and delete what vanished, then mark DONE and consume the markers in one commit;
   - the association's view of its members (:class:`AssociationOffice`) is refreshed;
   - the suppressed reports of the affected (association, year) pairs are rebuilt.

A crash anywhere leaves the period STARTED and its markers in place; the next run redoes the whole
period from scratch, so nothing is counted twice (Zulip ``analytics/lib/counts.py``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from saas.association import sources
from saas.association.models import (
    AggregateCount,
    AggregationRun,
    AssociationOffice,
    AssociationReport,
    DirtyDay,
    Period,
    PeriodState,
    RunStatus,
)
from saas.extensions import db
from tenants.models import FIGURE_FAMILIES, Association, AssociationMember, Site, Tenant, utcnow
from tenants.scoping import in_cross_tenant_block, tenant_context

log = logging.getLogger(__name__)
BERLIN = ZoneInfo("Europe/Berlin")
LOCK_NAME = "association-aggregate"
LOCK_TTL_SECONDS = 600  # renewed after every period; a crashed holder frees it within ten minutes
CONTACTS = "contacts"
PROPAGATING = {"groups", "newsletter"}  # year-end states: a change on day d moves every later year-end too
TIME_DRIVEN = {"events"}  # "held" changes as days pass: the current year is refreshed on every run


def today() -> dt.date:
    return dt.datetime.now(BERLIN).date()


def checkpoint(stage: str) -> None:
    """Called after every partial commit of a period; tests replace it to simulate a crash right there."""


# --- runs --------------------------------------------------------------------------------------------


def create_run(association_id: int | None, trigger: str) -> AggregationRun:
    run = AggregationRun(association_id=association_id, trigger=trigger, status=RunStatus.queued.value)
    db.session.add(run)
    db.session.flush()
    return run


def start_run(run_id: int | None, association_id: int | None, trigger: str) -> AggregationRun:
    run = db.session.get(AggregationRun, run_id) if run_id else None
    if run is None:
        run = create_run(association_id, trigger)
    run.status, run.started_at = RunStatus.running.value, utcnow()
    db.session.commit()
    return run


def end_run(run: AggregationRun, status: RunStatus, message: str = "") -> None:
    run.status, run.finished_at, run.message = status.value, utcnow(), message[:500]
    db.session.commit()


# --- the plan (read across offices) ------------------------------------------------------------------


@dataclass
class OfficeInfo:
    slug: str
    name: str
    population: int | None
    staff_fte: float | None
    sites: int


@dataclass
class Plan:
    association_ids: list[int]
    members: dict[int, dict[int, list[str]]]  # association -> office -> shared families
    wanted: set[tuple[int, str]]  # (office, family) shared with at least one association
    offices: dict[int, OfficeInfo]
    markers: dict[tuple[int, str], list[tuple[int, dt.date]]]  # (office, family) -> [(marker id, day)]
    periods: dict[tuple[int, str], dict[int, str]]  # (office, family) -> {year: state}
    thresholds: dict[int, int]
    touched: dict[int, set[tuple[str, int]]] = field(default_factory=lambda: defaultdict(set))
    withdrawn: set[tuple[int, str]] = field(default_factory=set)
    periods_done: int = 0


def read_plan(association_id: int | None = None) -> Plan:
    """Everything the run needs to know about all offices in scope. Only inside the cross-office block."""
    if not in_cross_tenant_block():
        raise RuntimeError("read_plan() reads across offices: call it inside cross_tenant()")
    assoc_stmt = select(Association.id, Association.suppression_threshold)
    if association_id is not None:
        assoc_stmt = assoc_stmt.where(Association.id == association_id)
    thresholds = {aid: int(t or 5) for aid, t in db.session.execute(assoc_stmt)}
    member_rows = db.session.execute(
        select(AssociationMember.association_id, AssociationMember.tenant_id, AssociationMember.shared_families)
    ).all()
    if association_id is not None:
        scope = {tid for aid, tid, _ in member_rows if aid == association_id}
    else:
        scope = {tid for _, tid, _ in member_rows}
    members: dict[int, dict[int, list[str]]] = {aid: {} for aid in thresholds}
    wanted: set[tuple[int, str]] = set()
    for aid, tid, families in member_rows:
        families = [f for f in FIGURE_FAMILIES if f in (families or [])]
        if aid in members:
            members[aid][tid] = families
        if tid in scope:
            wanted.update((tid, f) for f in families)
    offices: dict[int, OfficeInfo] = {}
    if scope:
        sites = dict(
            db.session.execute(
                select(Site.tenant_id, func.count(Site.id)).where(Site.tenant_id.in_(scope)).group_by(Site.tenant_id)
            ).all()
        )
        for t in db.session.scalars(select(Tenant).where(Tenant.id.in_(scope))):
            offices[t.id] = OfficeInfo(
                t.slug,
                t.name,
                t.population,
                float(t.staff_fte) if t.staff_fte is not None else None,
                int(sites.get(t.id, 0)),
            )
    marker_stmt = select(DirtyDay.id, DirtyDay.tenant_id, DirtyDay.family, DirtyDay.day)
    if association_id is not None:
        marker_stmt = marker_stmt.where(DirtyDay.tenant_id.in_(scope))
    markers: dict[tuple[int, str], list[tuple[int, dt.date]]] = defaultdict(list)
    for mid, tid, family, day in db.session.execute(marker_stmt):
        markers[(tid, family)].append((mid, day))
    period_stmt = select(Period.office_id, Period.family, Period.year, Period.state)
    if association_id is not None:
        period_stmt = period_stmt.where(Period.office_id.in_(scope))
    periods: dict[tuple[int, str], dict[int, str]] = defaultdict(dict)
    for oid, family, year, state in db.session.execute(period_stmt):
        periods[(oid, family)][year] = state
    return Plan(sorted(thresholds), members, wanted, offices, dict(markers), dict(periods), thresholds)


# --- applying the plan (one office at a time) --------------------------------------------------------


def apply_plan(plan: Plan, run: AggregationRun, renew_lock: callable = lambda: None) -> None:  # type: ignore[valid-type]
    _withdraw(plan)
    _drop_unwanted_markers(plan)
    for office_id, family in sorted(plan.wanted):
        for year, months, marker_ids in _work(plan, office_id, family):
            rebuild_period(run.id, office_id, family, year, months, marker_ids)
            plan.touched[office_id].add((family, year))
            plan.periods_done += 1
            renew_lock()
    run.periods = plan.periods_done
    db.session.commit()
    from saas.association import publish

    for association_id in plan.association_ids:
        publish.refresh_association(plan, association_id)
        renew_lock()


def _withdraw(plan: Plan) -> None:
    """Figures of families no association may see any more are deleted (consent withdrawn)."""
    for office_id, family in sorted(set(plan.periods) - plan.wanted):
        db.session.execute(
            delete(AggregateCount).where(AggregateCount.office_id == office_id, AggregateCount.family == family)
        )
        db.session.execute(delete(Period).where(Period.office_id == office_id, Period.family == family))
        plan.withdrawn.add((office_id, family))
        plan.touched[office_id].add((family, 0))
        log.info("association aggregates withdrawn office_id=%s family=%s", office_id, family)
    db.session.commit()


def _drop_unwanted_markers(plan: Plan) -> None:
    for (office_id, family), found in sorted(plan.markers.items()):
        if (office_id, family) in plan.wanted:
            continue
        with tenant_context(office_id):
            _delete_markers([mid for mid, _ in found])
    db.session.commit()


def _delete_markers(ids: list[int]) -> None:
    for start in range(0, len(ids), 500):
        db.session.execute(
            delete(DirtyDay)
            .where(DirtyDay.id.in_(ids[start : start + 500]))
            .execution_options(synchronize_session=False)
        )


def _work(plan: Plan, office_id: int, family: str) -> Iterable[tuple[int, set[dt.date] | None, list[int]]]:
    """(year, months to recount or None for all, markers consumed) for one office and family."""
    now = today()
    states = plan.periods.get((office_id, family), {})
    found = plan.markers.get((office_id, family), [])
    by_year: dict[int, list[int]] = defaultdict(list)
    months: dict[int, set[dt.date]] = defaultdict(set)
    future: list[int] = []
    for mid, day in found:
        if day.year > now.year:  # e.g. next year's event: counted once its year has come
            future.append(mid)
            continue
        last = now.year if family in PROPAGATING else day.year
        for year in range(day.year, last + 1):
            by_year[year].append(mid)
        months[day.year].add(day.replace(day=1))
    if future:
        by_year[now.year].extend(future)
    if not states:  # first time this family is shared: every year with data
        years = set(_backfill_years(office_id, family, now)) | set(by_year)
        return [(y, None, by_year.get(y, [])) for y in sorted(years)]
    years = set(by_year)
    years |= {y for y, state in states.items() if state == PeriodState.started.value}
    if family in TIME_DRIVEN:
        years |= {now.year} | ({now.year - 1} if now.month == 1 else set())
    work = []
    for year in sorted(years):
        full = states.get(year) != PeriodState.done.value or family != CONTACTS
        work.append((year, None if full else months.get(year, set()), by_year.get(year, [])))
    return work


def _backfill_years(office_id: int, family: str, now: dt.date) -> list[int]:
    with tenant_context(office_id):
        if family == CONTACTS:
            return [y for y in sources.contact_years() if y <= now.year]
        first = sources.first_year(family)
    return list(range(first, now.year + 1)) if first is not None and first <= now.year else []


# --- one period ----------------------------------------------------------------------------------------


def _mark(run_id: int | None, office_id: int, family: str, year: int, state: PeriodState) -> None:
    period = db.session.scalar(
        select(Period).where(Period.office_id == office_id, Period.family == family, Period.year == year)
    )
    if period is None:
        period = Period(office_id=office_id, family=family, year=year)
        db.session.add(period)
    period.state, period.run_id = state.value, run_id
    if state is PeriodState.started:
        period.started_at, period.finished_at = utcnow(), None
    else:
        period.finished_at = utcnow()
    db.session.flush()


def rebuild_period(
    run_id: int | None, office_id: int, family: str, year: int, months: set[dt.date] | None, marker_ids: list[int]
) -> None:
    """Recompute one (office, family, year) from the office's data. ``months=None``: the whole year."""
    with tenant_context(office_id):
        _mark(run_id, office_id, family, year, PeriodState.started)
        db.session.commit()
        checkpoint("started")
        year_start = dt.date(year, 1, 1)
        if family == CONTACTS:
            if months is None:  # the whole year in one grouped scan
                wanted = [dt.date(year, m, 1) for m in range(1, 13)]
                by_month = sources.contacts_by_month(year_start, dt.date(year, 12, 31))
            else:
                wanted, by_month = sorted(months), {}
                for month in wanted:
                    by_month.update(sources.contacts_by_month(month, _month_end(month)))
            replace_counts_many(office_id, family, "month", {m: by_month.get(m, Counter()) for m in wanted})
            db.session.commit()
            checkpoint("month")
            replace_counts(office_id, family, "year", year_start, _sum_months(office_id, year))
        else:
            replace_counts(office_id, family, "year", year_start, sources.section_counts(family, office_id, year))
        _mark(run_id, office_id, family, year, PeriodState.done)
        _delete_markers(marker_ids)
        db.session.commit()


def _sum_months(office_id: int, year: int) -> Counter[tuple[str, str]]:
    rows = db.session.execute(
        select(AggregateCount.dimension, AggregateCount.value, func.sum(AggregateCount.count))
        .where(
            AggregateCount.office_id == office_id,
            AggregateCount.family == CONTACTS,
            AggregateCount.granularity == "month",
            AggregateCount.period_start >= dt.date(year, 1, 1),
            AggregateCount.period_start <= dt.date(year, 12, 1),
        )
        .group_by(AggregateCount.dimension, AggregateCount.value)
    )
    return Counter({(dim, value): int(n) for dim, value, n in rows if n})


def _month_end(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def replace_counts(
    office_id: int, family: str, granularity: str, period_start: dt.date, counts: Counter[tuple[str, str]]
) -> None:
    """Make the stored counts of one period equal ``counts``."""
    replace_counts_many(office_id, family, granularity, {period_start: counts})


def replace_counts_many(
    office_id: int, family: str, granularity: str, periods: dict[dt.date, Counter[tuple[str, str]]]
) -> None:
    """Make the stored counts of these periods equal the given ones: upsert each count under the unique key
    (a rerun replaces, never adds) and delete the ones that vanished. Core statements: this is the hot path."""
    if not periods:
        return
    conn = db.session.connection()
    existing = {
        (start, dim, value): rid
        for rid, start, dim, value in conn.execute(
            select(
                AggregateCount.id, AggregateCount.period_start, AggregateCount.dimension, AggregateCount.value
            ).where(
                AggregateCount.office_id == office_id,
                AggregateCount.family == family,
                AggregateCount.granularity == granularity,
                AggregateCount.period_start.in_(sorted(periods)),
            )
        )
    }
    rows = [
        {
            "office_id": office_id,
            "family": family,
            "granularity": granularity,
            "period_start": start,
            "dimension": dim,
            "value": value,
            "count": int(n),
        }
        for start, counts in sorted(periods.items())
        for (dim, value), n in sorted(counts.items())
        if n
    ]
    if rows:
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        stmt = insert(AggregateCount.__table__)
        stmt = stmt.on_conflict_do_update(
            index_elements=["office_id", "family", "granularity", "period_start", "dimension", "value"],
            set_={"count": stmt.excluded["count"]},
        )
        conn.execute(stmt, rows)  # one cached statement, executemany
    vanished = [rid for (start, dim, value), rid in existing.items() if not periods[start].get((dim, value))]
    for chunk in range(0, len(vanished), 500):
        conn.execute(
            delete(AggregateCount.__table__).where(AggregateCount.__table__.c.id.in_(vanished[chunk : chunk + 500]))
        )


def renew_lock(holder: str) -> None:
    from saas.core.locks import TaskLock

    with db.engine.begin() as conn:
        conn.execute(
            update(TaskLock)
            .where(TaskLock.name == LOCK_NAME, TaskLock.holder == holder)
            .values(expires_at=utcnow() + dt.timedelta(seconds=LOCK_TTL_SECONDS))
        )


__all__ = [
    "AssociationOffice",
    "AssociationReport",
    "Plan",
    "apply_plan",
    "checkpoint",
    "create_run",
    "read_plan",
    "rebuild_period",
    "replace_counts",
]
