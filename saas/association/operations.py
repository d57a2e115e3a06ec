"""The aggregation: rebuild changed periods, refresh what associations may see, publish their reports.

Shape of a run (called by ``workers/association.py``, which owns the one cross-office block):

1. ``read_plan()`` — inside ``cross_tenant("association aggregation")``: who is a member of which
   association and shares what, the offices' normalisation figures, change markers, period states.
2. ``apply_plan()``:
   - withdrawn consent: the office's stored figures of that family are deleted;
   - a family shared for the first time is backfilled over all its years;
   - otherwise only the periods (office, family, year) with change markers, or left STARTED by a
     crashed run, are rebuilt: mark STARTED (committed), recompute from the source, upsert under the
     unique key and delete what vanished, then mark DONE and consume the markers in one commit.
     Contacts are counted for many offices in a few grouped statements, inside the worker's
     cross-office block (handed in as ``cross_office``); the year-level families come from each
     office's own annual-report section, with that office bound;
   - the association's view of its members (:class:`AssociationOffice`) is refreshed;
   - the suppressed reports of the affected (association, year) pairs are rebuilt.

A crash anywhere leaves the period STARTED and its markers in place; the next run redoes the whole
period from scratch, so nothing is counted twice (Zulip ``analytics/lib/counts.py``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Connection, delete, func, select, update
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
from saas.core import timeutil
from saas.extensions import db, table_of
from tenants.models import FIGURE_FAMILIES, Association, AssociationMember, Site, Tenant, utcnow
from tenants.scoping import in_cross_tenant_block, tenant_context

log = logging.getLogger(__name__)
LOCK_NAME = "association-aggregate"
LOCK_TTL_SECONDS = 600  # renewed after every period; a crashed holder frees it within ten minutes
CONTACTS = "contacts"
PROPAGATING = {"groups", "newsletter"}  # year-end states: a change on day d moves every later year-end too
TIME_DRIVEN = {"events"}  # "held" changes as days pass: the current year is refreshed on every run
COVERED = 0  # the "year" of a DONE period that records a finished backfill (even of no data at all)
CONTACT_BATCH = 500  # contact periods rebuilt together, a few grouped statements each


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


def apply_plan(
    plan: Plan,
    run: AggregationRun,
    cross_office: Callable[[], AbstractContextManager],
    renew_lock: Callable[[], None] = lambda: None,
) -> None:
    """Rebuild what changed, then publish. ``cross_office`` is the worker's cross-office block: the
    contacts of many offices are counted in a few grouped statements inside it."""
    _withdraw(plan)
    _drop_unwanted_markers(plan)
    contact_items: list[tuple[int, int, set[dt.date] | None, list[int]]] = []
    for office_id, family in sorted(plan.wanted):
        items = _work(plan, office_id, family)
        if family == CONTACTS:
            contact_items.extend((office_id, *item) for item in items)
        else:
            for year, days, marker_ids in items:
                rebuild_period(run.id, office_id, family, year, days, marker_ids)
                plan.touched[office_id].add((family, year))
                plan.periods_done += 1
                renew_lock()
        if not plan.periods.get((office_id, family)):
            _mark_covered(run.id, office_id, family)  # backfilled: later runs look at changes only
    for chunk in range(0, len(contact_items), CONTACT_BATCH):
        batch = contact_items[chunk : chunk + CONTACT_BATCH]
        rebuild_contact_periods(run.id, batch, cross_office)
        for office_id, year, _, _ in batch:
            plan.touched[office_id].add((CONTACTS, year))
        plan.periods_done += len(batch)
        renew_lock()
    run.periods = plan.periods_done
    db.session.commit()
    from saas.association import publish

    for association_id in plan.association_ids:
        publish.refresh_association(plan, association_id)
        renew_lock()


def _mark_covered(run_id: int | None, office_id: int, family: str) -> None:
    _mark(run_id, office_id, family, COVERED, PeriodState.done)
    db.session.commit()


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
    """(year, days to recount or None for the whole year, markers consumed) for one office and family."""
    now = timeutil.today()
    recorded = plan.periods.get((office_id, family), {})
    states = {y: state for y, state in recorded.items() if y != COVERED}
    found = plan.markers.get((office_id, family), [])
    by_year: dict[int, list[int]] = defaultdict(list)
    days: dict[int, set[dt.date]] = defaultdict(set)
    future: list[int] = []
    for mid, day in found:
        if day.year > now.year:  # e.g. next year's event: counted once its year has come
            future.append(mid)
            continue
        last = now.year if family in PROPAGATING else day.year
        for year in range(day.year, last + 1):
            by_year[year].append(mid)
        days[day.year].add(day)
    if future:
        by_year[now.year].extend(future)
    if not recorded:  # first time this family is shared: every year with data
        years = set(_backfill_years(office_id, family, now)) | set(by_year)
        return [(y, None, by_year.get(y, [])) for y in sorted(years)]
    years = set(by_year)
    years |= {y for y, state in states.items() if state == PeriodState.started.value}
    if family in TIME_DRIVEN and states:
        years |= {now.year} | ({now.year - 1} if now.month == 1 else set())
    work = []
    for year in sorted(years):
        full = states.get(year) != PeriodState.done.value or family != CONTACTS
        work.append((year, None if full else days.get(year, set()), by_year.get(year, [])))
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
    run_id: int | None, office_id: int, family: str, year: int, days: set[dt.date] | None, marker_ids: list[int]
) -> None:
    """Recompute one (office, year) of a year-level family (groups, events, newsletter), the office bound.

    These figures are year-end states and yearly sums from the office's annual report: the whole year is
    recomputed whichever ``days`` changed.
    """
    if family == CONTACTS:
        raise ValueError("contacts periods are rebuilt in batches: rebuild_contact_periods()")
    with tenant_context(office_id):
        _mark(run_id, office_id, family, year, PeriodState.started)
        db.session.commit()
        checkpoint("started")
        counts = sources.section_counts(family, office_id, year)
        replace_counts(office_id, family, "year", dt.date(year, 1, 1), counts)
        _mark(run_id, office_id, family, year, PeriodState.done)
        _delete_markers(marker_ids)
        db.session.commit()


def _mark_many(run_id: int | None, family: str, pairs: list[tuple[int, int]], state: PeriodState) -> None:
    """Set the state of many (office, year) periods of a family in a few statements."""
    now = utcnow()
    existing: dict[tuple[int, int], Period] = {}
    period: Period | None
    office_ids = sorted({o for o, _ in pairs})
    for chunk in range(0, len(office_ids), 500):
        for period in db.session.scalars(
            select(Period).where(Period.family == family, Period.office_id.in_(office_ids[chunk : chunk + 500]))
        ):
            existing[(period.office_id, period.year)] = period
    for office_id, year in pairs:
        period = existing.get((office_id, year))
        if period is None:
            period = Period(office_id=office_id, family=family, year=year)
            db.session.add(period)
            existing[(office_id, year)] = period
        period.state, period.run_id = state.value, run_id
        if state is PeriodState.started:
            period.started_at, period.finished_at = now, None
        else:
            period.finished_at = now
    db.session.flush()


def rebuild_contact_periods(
    run_id: int | None,
    items: list[tuple[int, int, set[dt.date] | None, list[int]]],
    cross_office: Callable[[], AbstractContextManager],
) -> None:
    """Rebuild many (office, contacts, year) periods at once: STARTED, days, months, years, DONE.

    ``items``: (office, year, days to recount or None for the whole year, markers consumed).

    - days: the changed days (or all days of the year) are counted from the raw contacts by grouped
      INSERT … SELECT statements inside the database, in the worker's cross-office block;
    - months: every month that holds a recounted day is summed anew from its stored days;
    - years: summed anew from their twelve months.

    Each level replaces its rows (delete, then insert, in one transaction), so a rerun replaces and never
    adds; a crash between the levels leaves the period STARTED and the next run redoes all of it.
    The work grows with the changed days, not with the stored history.
    """
    pairs = [(office_id, year) for office_id, year, _, _ in items]
    _mark_many(run_id, CONTACTS, pairs, PeriodState.started)
    db.session.commit()
    checkpoint("started")

    day_scopes: dict[tuple[tuple[dt.date, dt.date], ...], set[int]] = defaultdict(set)
    month_scopes: dict[tuple[tuple[dt.date, dt.date], ...], set[int]] = defaultdict(set)
    year_scopes: dict[tuple[tuple[dt.date, dt.date], ...], set[int]] = defaultdict(set)
    for office_id, year, days, _ in items:
        if days is None:
            day_spans: tuple[tuple[dt.date, dt.date], ...] = ((dt.date(year, 1, 1), dt.date(year, 12, 31)),)
            month_spans: tuple[tuple[dt.date, dt.date], ...] = ((dt.date(year, 1, 1), dt.date(year, 12, 1)),)
        else:
            day_spans = _spans(sorted(days), dt.timedelta(days=1))
            month_spans = tuple((m, m) for m in sorted({d.replace(day=1) for d in days}))
        day_scopes[day_spans].add(office_id)
        month_scopes[month_spans].add(office_id)
        year_scopes[((dt.date(year, 1, 1), dt.date(year, 1, 1)),)].add(office_id)

    with cross_office():
        conn = db.session.connection()  # inside the block: on PostgreSQL the aggregation's own connection
        for spans, office_ids in day_scopes.items():
            ids = sorted(office_ids)
            _delete_counts(conn, "day", ids, spans)
            for statement in sources.contact_day_inserts(ids, lambda column, spans=spans: _within(column, spans)):
                conn.execute(statement)
    db.session.commit()
    checkpoint("day")
    conn = db.session.connection()
    for spans, office_ids in month_scopes.items():
        _roll_up(conn, "month", sorted(office_ids), spans)
    db.session.commit()
    checkpoint("month")
    conn = db.session.connection()
    for spans, office_ids in year_scopes.items():
        _roll_up(conn, "year", sorted(office_ids), spans)
    _mark_many(run_id, CONTACTS, pairs, PeriodState.done)
    with cross_office():
        _delete_markers(sorted({mid for *_, ids in items for mid in ids}))
    db.session.commit()


Spans = Sequence[tuple[dt.date, dt.date]]  # runs of days or months, each (first, last)


def _spans(values: list[dt.date], step: dt.timedelta) -> tuple[tuple[dt.date, dt.date], ...]:
    """Sorted days as runs of consecutive days: [1, 2, 3, 7] → ((1, 3), (7, 7))."""
    out: list[tuple[dt.date, dt.date]] = []
    for value in values:
        if out and value - out[-1][1] == step:
            out[-1] = (out[-1][0], value)
        else:
            out.append((value, value))
    return tuple(out)


def _within(column: ColumnElement[dt.date], spans: Spans) -> ColumnElement[bool]:
    from sqlalchemy import or_

    return or_(*(column.between(start, end) for start, end in spans))


def _delete_counts(conn: Connection, granularity: str, office_ids: list[int], spans: Spans) -> None:
    table = table_of(AggregateCount)
    for chunk in range(0, len(office_ids), 500):
        conn.execute(
            delete(table).where(
                table.c.family == CONTACTS,
                table.c.granularity == granularity,
                table.c.office_id.in_(office_ids[chunk : chunk + 500]),
                _within(table.c.period_start, spans),
            )
        )


def _period_start(conn: Connection, granularity: str, column: ColumnElement[dt.date]) -> ColumnElement[dt.date]:
    """The first day of the month or year of a date column, on PostgreSQL and SQLite."""
    from sqlalchemy import Date, cast

    if conn.dialect.name == "postgresql":
        return cast(func.date_trunc(granularity, column), Date)
    return func.date(column, f"start of {granularity}")


def _roll_up(conn: Connection, target: str, office_ids: list[int], spans: Spans) -> None:
    """Replace the month (or year) rows starting in ``spans`` by the sums of their days (or months)."""
    from sqlalchemy import literal

    table = table_of(AggregateCount)
    if target == "month":
        source, source_spans = "day", [(start, _month_end(end)) for start, end in spans]
    else:
        source, source_spans = "month", [(start, end.replace(month=12)) for start, end in spans]
    _delete_counts(conn, target, office_ids, spans)
    start = _period_start(conn, target, table.c.period_start)
    for chunk in range(0, len(office_ids), 500):
        select_ = (
            select(
                table.c.office_id,
                literal(CONTACTS),
                literal(target),
                start,
                table.c.dimension,
                table.c.value,
                func.sum(table.c.count),
            )
            .where(
                table.c.family == CONTACTS,
                table.c.granularity == source,
                table.c.office_id.in_(office_ids[chunk : chunk + 500]),
                _within(table.c.period_start, source_spans),
            )
            .group_by(table.c.office_id, start, table.c.dimension, table.c.value)
        )
        columns = ["office_id", "family", "granularity", "period_start", "dimension", "value", "count"]
        conn.execute(table.insert().from_select(columns, select_))


def _month_end(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def replace_counts(
    office_id: int, family: str, granularity: str, period_start: dt.date, counts: Counter[tuple[str, str]]
) -> None:
    """Make the stored counts of one period equal ``counts``."""
    replace_counts_bulk(family, granularity, {(office_id, period_start): counts})


def replace_counts_bulk(
    family: str, granularity: str, periods: dict[tuple[int, dt.date], Counter[tuple[str, str]]]
) -> None:
    """Make the stored counts of these (office, period start) pairs equal the given ones: upsert each count
    under the unique key (a rerun replaces, never adds) and delete the ones that vanished."""
    if not periods:
        return
    conn = db.session.connection()
    table = table_of(AggregateCount)
    office_ids = sorted({o for o, _ in periods})
    starts = sorted({s for _, s in periods})
    existing = {}
    for chunk in range(0, len(office_ids), 500):
        for rid, oid, start, dim, value in conn.execute(
            select(table.c.id, table.c.office_id, table.c.period_start, table.c.dimension, table.c.value).where(
                table.c.family == family,
                table.c.granularity == granularity,
                table.c.office_id.in_(office_ids[chunk : chunk + 500]),
                table.c.period_start >= starts[0],
                table.c.period_start <= starts[-1],
            )
        ):
            if (oid, start) in periods:
                existing[(oid, start, dim, value)] = rid
    rows = [
        {
            "office_id": oid,
            "family": family,
            "granularity": granularity,
            "period_start": start,
            "dimension": dim,
            "value": value,
            "count": int(n),
        }
        for (oid, start), counts in sorted(periods.items())
        for (dim, value), n in sorted(counts.items())
        if n
    ]
    if rows:
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        stmt = insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=["office_id", "family", "granularity", "period_start", "dimension", "value"],
            set_={"count": stmt.excluded["count"]},
        )
        for chunk in range(0, len(rows), 5000):
            conn.execute(stmt, rows[chunk : chunk + 5000])  # one cached statement, executemany
    vanished = [
        rid for (oid, start, dim, value), rid in existing.items() if not periods[(oid, start)].get((dim, value))
    ]
    for chunk in range(0, len(vanished), 500):
        conn.execute(delete(table).where(table.c.id.in_(vanished[chunk : chunk + 500])))


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
