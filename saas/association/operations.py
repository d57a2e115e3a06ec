"""The aggregation: rebuild changed periods (the count); then refresh what associations may see and release.

Shape of a run (called by ``workers/association.py``, which owns the one cross-office block):

1. ``read_plan()`` — inside ``cross_tenant("association aggregation")``: who is a member of which
   association and shares what, the offices' normalisation figures, change markers, period states.
2. ``apply_plan()``:
   - withdrawn consent: the office's stored figures of that family are deleted;
   - a family shared for the first time is backfilled over all its years;
   - otherwise only the periods (office, family, year) with change markers, or left STARTED by a
     crashed run, are rebuilt: mark STARTED (committed), recompute from the source, upsert under the
     unique key and delete what vanished, then mark DONE and consume the markers in one commit.
     Everything is counted for many offices at once, inside the worker's cross-office block (handed in
     as ``cross_office``): a backfilled year of contacts in one statement per batch (days from the raw
     rows, months and the year summed from them); the year-level families in a few grouped statements
     that count what each office's annual-report section shows (on PostgreSQL; events, profile and
     SQLite: each office's own section, with that office bound);
3. The release, per association (:func:`saas.association.aggregation.release`; after the nightly count its
   own task, one per association): the association's view of its members (:class:`AssociationOffice`) is
   refreshed and tables whose release day has come are released (:mod:`saas.association.publish`: a
   release calendar). A released table is frozen, so a recount never rebuilds a report: contacts entered
   or deleted later, back-dated ones included, appear in the next table released. A night without a
   release day solves nothing; only withdrawn consent or a changed threshold releases published tables
   anew.

A crash anywhere leaves the period STARTED and its markers in place; the next run redoes the whole
period from scratch, so nothing is counted twice (Zulip ``analytics/lib/counts.py``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import Connection, Engine

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
    as_cells,
    as_counter,
)
from saas.core import timeutil
from saas.extensions import db, table_of
from tenants.models import FIGURE_FAMILIES, Association, AssociationMember, Site, Tenant, utcnow
from tenants.scoping import in_cross_tenant_block, tenant_context

log = logging.getLogger(__name__)
LOCK_NAME = "association-aggregate"
LOCK_TTL_SECONDS = 600  # renewed after every period; a crashed holder frees it within ten minutes
CONTACTS = "contacts"
PROPAGATING = {
    "groups",
    "newsletter",
    "founding",
    "profile",
}  # year-end states: a change on day d moves every later year-end too
TIME_DRIVEN = {"events"}  # "held" changes as days pass: the current year is refreshed on every run
COVERED = 0  # the "year" of a DONE period that records a finished backfill (even of no data at all)
CONTACT_BATCH = 500  # contact periods rebuilt together, a few grouped statements each
SECTION_BATCH = 2000  # periods of a year-level family rebuilt together
BACKFILL_CONNECTIONS = 2  # PostgreSQL: contact statements of a backfill run on this many connections at once


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
    relatives_apart: bool = True  # False: relatives are counted among the citizens (Tenant.settings)


@dataclass
class Members:
    """Who is a member of which association, sharing which families, and the member offices' figures:
    what an association's release needs (:func:`read_members`), and the first part of the plan."""

    association_ids: list[int]
    members: dict[int, dict[int, list[str]]]  # association -> office -> shared families
    offices: dict[int, OfficeInfo]
    thresholds: dict[int, int]


@dataclass
class Plan(Members):
    wanted: set[tuple[int, str]]  # (office, family) shared with at least one association
    markers: dict[tuple[int, str], list[tuple[int, dt.date]]]  # (office, family) -> [(marker id, day)]
    periods: dict[tuple[int, str], dict[int, str]]  # (office, family) -> {year: state}
    touched: dict[int, set[tuple[str, int]]] = field(default_factory=lambda: defaultdict(set))
    withdrawn: set[tuple[int, str]] = field(default_factory=set)
    periods_done: int = 0


def _shared(families: list[str] | None) -> list[str]:
    return [f for f in FIGURE_FAMILIES if f in (families or [])]


def read_members(association_id: int | None = None) -> Members:
    """The members of every association (or of the one), the families each shares and the member offices'
    normalisation figures; nothing else. Only inside the cross-office block."""
    if not in_cross_tenant_block():
        raise RuntimeError("read_members() reads across offices: call it inside cross_tenant()")
    assoc_stmt = select(Association.id, Association.suppression_threshold)
    member_stmt = select(
        AssociationMember.association_id, AssociationMember.tenant_id, AssociationMember.shared_families
    )
    if association_id is not None:
        assoc_stmt = assoc_stmt.where(Association.id == association_id)
        member_stmt = member_stmt.where(AssociationMember.association_id == association_id)
    thresholds = {aid: int(t or 5) for aid, t in db.session.execute(assoc_stmt)}
    members: dict[int, dict[int, list[str]]] = {aid: {} for aid in thresholds}
    scope: set[int] = set()
    for aid, tid, families in db.session.execute(member_stmt):
        scope.add(tid)
        if aid in members:
            members[aid][tid] = _shared(families)
    offices: dict[int, OfficeInfo] = {}
    if scope:
        from saas.contacts.models import relatives_apart

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
                relatives_apart(t.settings),
            )
    return Members(sorted(thresholds), members, offices, thresholds)


def read_plan(association_id: int | None = None) -> Plan:
    """Everything the run needs to know about all offices in scope: the members (:func:`read_members`),
    what is shared of each office in scope with any association, change markers, period states. Only
    inside the cross-office block."""
    if not in_cross_tenant_block():
        raise RuntimeError("read_plan() reads across offices: call it inside cross_tenant()")
    m = read_members(association_id)
    scope = {tid for offices in m.members.values() for tid in offices}
    if association_id is None:
        shared = [(tid, families) for offices in m.members.values() for tid, families in offices.items()]
    else:  # an office in scope is counted for every association it shares with, not only this one
        rows = db.session.execute(
            select(AssociationMember.tenant_id, AssociationMember.shared_families).where(
                AssociationMember.tenant_id.in_(scope)
            )
        )
        shared = [(tid, _shared(families)) for tid, families in rows]
    wanted = {(tid, f) for tid, families in shared for f in families}
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
    return Plan(
        association_ids=m.association_ids,
        members=m.members,
        offices=m.offices,
        thresholds=m.thresholds,
        wanted=wanted,
        markers=dict(markers),
        periods=dict(periods),
    )


# --- applying the plan (one office at a time) --------------------------------------------------------


def apply_plan(
    plan: Plan,
    run: AggregationRun,
    cross_office: Callable[[], AbstractContextManager],
    renew_lock: Callable[[], None] = lambda: None,
) -> None:
    """Rebuild what changed (the counting; the release is :func:`saas.association.aggregation.release`).
    ``cross_office`` is the worker's cross-office block: the contacts of many offices are counted in a few
    grouped statements inside it."""
    _withdraw(plan)
    _drop_unwanted_markers(plan)
    first_years = _first_years(plan, cross_office)
    contact_items: list[tuple[int, int, set[dt.date] | None, list[int]]] = []
    section_items: dict[str, list[tuple[int, int, list[int]]]] = defaultdict(list)
    covered: list[tuple[int, str]] = []
    for office_id, family in sorted(plan.wanted):
        items = _work(plan, office_id, family, first_years.get((office_id, family)))
        if family == CONTACTS:
            contact_items.extend((office_id, *item) for item in items)
        else:
            section_items[family].extend((office_id, year, marker_ids) for year, _, marker_ids in items)
        if not plan.periods.get((office_id, family)):
            covered.append((office_id, family))
    for family, found in sorted(section_items.items()):
        for chunk in range(0, len(found), SECTION_BATCH):
            periods = found[chunk : chunk + SECTION_BATCH]
            rebuild_section_periods(run.id, family, periods, cross_office)
            plan.periods_done += len(periods)
            renew_lock()
    for chunk in range(0, len(contact_items), CONTACT_BATCH):
        batch = contact_items[chunk : chunk + CONTACT_BATCH]
        rebuild_contact_periods(run.id, batch, cross_office)
        plan.periods_done += len(batch)
        renew_lock()
    _mark_covered_many(run.id, covered)  # backfilled: later runs look at changes only
    run.periods = plan.periods_done
    db.session.commit()


def _mark_covered_many(run_id: int | None, covered: list[tuple[int, str]]) -> None:
    """Record finished backfills (year ``COVERED``), a few statements per family."""
    by_family: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for office_id, family in covered:
        by_family[family].append((office_id, COVERED))
    for family, pairs in sorted(by_family.items()):
        _mark_many(run_id, family, pairs, PeriodState.done)
    db.session.commit()


def _first_years(plan: Plan, cross_office: Callable[[], AbstractContextManager]) -> dict[tuple[int, str], list[int]]:
    """The years with data of every (office, family) shared for the first time (a backfill's extent), in a
    few grouped look-ups on PostgreSQL; one office at a time elsewhere (see :func:`_backfill_years`)."""
    now = timeutil.today()
    fresh: dict[str, list[int]] = defaultdict(list)
    for office_id, family in sorted(plan.wanted):
        if not plan.periods.get((office_id, family)):
            fresh[family].append(office_id)
    out: dict[tuple[int, str], list[int]] = {}
    if not fresh:
        return out
    with cross_office():
        conn = db.session.connection()
        for family, office_ids in fresh.items():
            if family == CONTACTS:
                years = sources.contact_years_grouped(conn, office_ids)
                if years is not None:
                    out.update(((o, family), [y for y in found if y <= now.year]) for o, found in years.items())
                continue
            firsts = sources.first_years_grouped(conn, family, office_ids)
            if firsts is not None:
                out.update(
                    ((o, family), list(range(first, now.year + 1)) if first is not None and first <= now.year else [])
                    for o, first in firsts.items()
                )
    return out


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


def _work(
    plan: Plan, office_id: int, family: str, backfill: list[int] | None = None
) -> Iterable[tuple[int, set[dt.date] | None, list[int]]]:
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
        extent = backfill if backfill is not None else _backfill_years(office_id, family, now)
        years = set(extent) | set(by_year)
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


def rebuild_section_periods(
    run_id: int | None,
    family: str,
    items: list[tuple[int, int, list[int]]],
    cross_office: Callable[[], AbstractContextManager],
) -> None:
    """Rebuild many (office, year) periods of a year-level family at once: STARTED, counts, DONE.

    ``items``: (office, year, markers consumed). The counts are the offices' annual-report sections; on
    PostgreSQL the families with a grouped form are counted for all these periods in a few grouped
    statements inside the worker's cross-office block (:func:`sources.section_counts_grouped`), the others
    one office at a time with that office bound (:func:`sources.section_counts`). Each period's row is
    replaced, so a rerun replaces and never adds; a crash before DONE leaves the periods STARTED and their
    markers in place, and the next run redoes them.
    """
    if family == CONTACTS:
        raise ValueError("contacts periods are rebuilt by rebuild_contact_periods()")
    pairs = sorted({(office_id, year) for office_id, year, _ in items})
    _mark_many(run_id, family, pairs, PeriodState.started)
    db.session.commit()
    checkpoint("started")
    with cross_office():
        counted = sources.section_counts_grouped(db.session.connection(), family, pairs)
    if counted is None:
        counted = {}
        for office_id, year in pairs:
            with tenant_context(office_id):
                counted[(office_id, year)] = sources.section_counts(family, office_id, year)
    replace_counts_bulk(family, "year", {(o, dt.date(y, 1, 1)): counts for (o, y), counts in counted.items()})
    checkpoint("year")
    _mark_many(run_id, family, pairs, PeriodState.done)
    with cross_office():
        _delete_markers(sorted({mid for *_, ids in items for mid in ids}))
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
    """Rebuild many (office, contacts, year) periods at once: STARTED, days + months (+ years), DONE.

    ``items``: (office, year, days to recount or None for the whole year, markers consumed).

    - a whole year (a backfill, a crashed period): its days, months and the year are stored by one
      INSERT … SELECT per batch of offices (one pass over the contacts: days counted from the raw rows,
      months and the year summed from them; :func:`sources.contact_count_inserts`), one row per office
      and period holding all its counts; on PostgreSQL the batches run on ``BACKFILL_CONNECTIONS``
      connections at once, each in its own transaction;
    - changed days: those days, and every month that holds one, are counted anew the same way (the index
      on (tenant_id, day) makes that a month's contacts, not the office's history; the other days' rows
      stay untouched), and the year is summed anew from its stored months (twelve small rows per office).

    Each statement replaces its rows (delete, then insert, in one transaction), so a rerun replaces and never
    adds; a crash before DONE leaves the period STARTED and the next run redoes all of it. Runs in the
    worker's cross-office block. The work grows with the changed days, not with the stored history.
    """
    pairs = [(office_id, year) for office_id, year, _, _ in items]
    _mark_many(run_id, CONTACTS, pairs, PeriodState.started)
    db.session.commit()
    checkpoint("started")

    scopes: dict[tuple[tuple[tuple[dt.date, dt.date], ...], tuple[str, ...]], set[int]] = defaultdict(set)
    partial: list[tuple[int, int]] = []
    for office_id, year, days, _ in items:
        if days is None:
            scopes[(((dt.date(year, 1, 1), dt.date(year, 12, 31)),), ("day", "month", "year"))].add(office_id)
        else:
            if days:
                months = tuple((m, _month_end(m)) for m in sorted({d.replace(day=1) for d in days}))
                scopes[(_merge(tuple((d, d) for d in sorted(days))), ("day",))].add(office_id)
                scopes[(_merge(months), ("month",))].add(office_id)
            partial.append((office_id, year))

    jobs = [
        (spans, levels, ids[chunk : chunk + CONTACT_BATCH])
        for (spans, levels), office_ids in scopes.items()
        for ids in [sorted(office_ids)]
        for chunk in range(0, len(ids), CONTACT_BATCH)
    ]
    with cross_office():
        conn = db.session.connection()  # inside the block: on PostgreSQL the aggregation's own connection
        if conn.dialect.name == "postgresql" and len(jobs) > 1 and BACKFILL_CONNECTIONS > 1:
            # Several statements (a backfill's years; a nightly run's days and months): they run on a few
            # connections at once, each in its own transaction. A crash leaves the periods STARTED, and the
            # next run replaces their rows.
            engine = conn.engine
            with ThreadPoolExecutor(max_workers=BACKFILL_CONNECTIONS) as pool:
                for done in [pool.submit(_count_contacts_on, engine, *job) for job in jobs]:
                    done.result()
        else:
            for spans, levels, batch in jobs:
                _count_contacts(conn, spans, levels, batch)
    db.session.commit()
    checkpoint("day")
    checkpoint("month")
    _sum_years(sorted(set(partial)))
    _mark_many(run_id, CONTACTS, pairs, PeriodState.done)
    with cross_office():
        _delete_markers(sorted({mid for *_, ids in items for mid in ids}))
    db.session.commit()


def _count_contacts(
    conn: Connection, spans: tuple[tuple[dt.date, dt.date], ...], levels: tuple[str, ...], office_ids: list[int]
) -> None:
    """Replace the contact rows of these offices, levels and spans by a fresh count."""
    for level in levels:
        _delete_counts(conn, level, office_ids, spans)
    for statement, params in sources.contact_count_inserts(conn.dialect.name, levels, office_ids, spans):
        conn.execute(statement, params)


def _count_contacts_on(
    engine: Engine, spans: tuple[tuple[dt.date, dt.date], ...], levels: tuple[str, ...], office_ids: list[int]
) -> None:
    """:func:`_count_contacts` on a connection of its own (the aggregation's engine), committed at once."""
    with engine.begin() as conn:
        _count_contacts(conn, spans, levels, office_ids)


def _merge(spans: tuple[tuple[dt.date, dt.date], ...]) -> tuple[tuple[dt.date, dt.date], ...]:
    """Adjacent spans joined: ((1 Jan, 31 Jan), (1 Feb, 28 Feb)) → ((1 Jan, 28 Feb),)."""
    out: list[tuple[dt.date, dt.date]] = []
    for first, last in spans:
        if out and first - out[-1][1] == dt.timedelta(days=1):
            out[-1] = (out[-1][0], last)
        else:
            out.append((first, last))
    return tuple(out)


def _sum_years(pairs: list[tuple[int, int]]) -> None:
    """Replace the contact year rows of these (office, year) pairs by the sums of their stored months."""
    table = table_of(AggregateCount)
    by_year: dict[int, list[int]] = defaultdict(list)
    for office_id, year in pairs:
        by_year[year].append(office_id)
    years: dict[tuple[int, dt.date], Counter[tuple[str, str]]] = {}
    conn = db.session.connection()
    for year, office_ids in sorted(by_year.items()):
        for chunk in range(0, len(office_ids), 500):
            ids = office_ids[chunk : chunk + 500]
            for office_id in ids:
                years[(office_id, dt.date(year, 1, 1))] = Counter()
            for office_id, cells in conn.execute(
                select(table.c.office_id, table.c.counts).where(
                    table.c.office_id.in_(ids),
                    table.c.family == CONTACTS,
                    table.c.granularity == "month",
                    table.c.period_start.between(dt.date(year, 1, 1), dt.date(year, 12, 1)),
                )
            ):
                years[(office_id, dt.date(year, 1, 1))].update(as_counter(cells))
    replace_counts_bulk(CONTACTS, "year", years)


def _delete_counts(conn: Connection, granularity: str, office_ids: list[int], spans: Iterable[tuple]) -> None:
    """Delete the contact rows of these offices whose period starts within ``spans``."""
    table = table_of(AggregateCount)
    conn.execute(
        delete(table).where(
            table.c.office_id.in_(office_ids),
            table.c.family == CONTACTS,
            table.c.granularity == granularity,
            or_(*(table.c.period_start.between(start, end) for start, end in spans)),
        )
    )


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
    """Make the stored counts of these (office, period start) pairs equal the given ones: delete their
    rows, then insert one row per period that has a non-zero count (a rerun replaces, never adds)."""
    if not periods:
        return
    conn = db.session.connection()
    table = table_of(AggregateCount)
    by_start: dict[dt.date, list[int]] = defaultdict(list)
    for office_id, start in periods:
        by_start[start].append(office_id)
    for start, office_ids in sorted(by_start.items()):
        for chunk in range(0, len(office_ids), 500):
            conn.execute(
                delete(table).where(
                    table.c.office_id.in_(sorted(office_ids)[chunk : chunk + 500]),
                    table.c.family == family,
                    table.c.granularity == granularity,
                    table.c.period_start == start,
                )
            )
    rows = [
        {"office_id": oid, "family": family, "granularity": granularity, "period_start": start, "counts": cells}
        for (oid, start), counts in sorted(periods.items())
        if (cells := as_cells(counts))
    ]
    for chunk in range(0, len(rows), 5000):
        conn.execute(table.insert(), rows[chunk : chunk + 5000])  # one cached statement, executemany


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
    "Members",
    "Plan",
    "apply_plan",
    "checkpoint",
    "create_run",
    "read_members",
    "read_plan",
    "rebuild_period",
    "replace_counts",
]
