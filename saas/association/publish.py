"""After the periods are rebuilt: what each association may see of its members, and its reports.

Reads only the aggregate tables and the run's plan; writes :class:`AssociationOffice` and
:class:`AssociationReport`. A report is rebuilt when figures of a year (or of the year before, which
feeds the changes) were touched, and every report of an association is rebuilt when its members,
their consent or their normalisation figures changed, or when its threshold did.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from saas.association import report
from saas.association.models import AggregateCount, AssociationOffice, AssociationReport, as_counter
from saas.core import timeutil
from saas.extensions import db
from tenants.models import Association, utcnow

if TYPE_CHECKING:
    from saas.association.operations import Plan


def _snapshot_values(plan: Plan, office_id: int, families: list[str]) -> dict:
    info = plan.offices.get(office_id)
    shares = bool(families)
    return {
        "slug": info.slug if info else "",
        "name": info.name if info else "",
        "families": list(families),
        "population": info.population if info and shares else None,
        "staff_fte": info.staff_fte if info and shares else None,
        "sites": info.sites if info and shares else None,
    }


def refresh_snapshot(plan: Plan, association_id: int) -> bool:
    """Make the association's view of its members current; True if anything changed."""
    members = plan.members.get(association_id, {})
    existing = {
        row.office_id: row
        for row in db.session.scalars(
            select(AssociationOffice).where(AssociationOffice.association_id == association_id)
        )
    }
    changed = False
    for office_id, families in sorted(members.items()):
        values = _snapshot_values(plan, office_id, families)
        row = existing.pop(office_id, None)
        if row is None:
            db.session.add(AssociationOffice(association_id=association_id, office_id=office_id, **values))
            changed = True
            continue
        current = {
            "slug": row.slug,
            "name": row.name,
            "families": list(row.families or []),
            "population": row.population,
            "staff_fte": float(row.staff_fte) if row.staff_fte is not None else None,
            "sites": row.sites,
        }
        if current != values:
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = utcnow()
            changed = True
    for row in existing.values():  # no longer a member
        db.session.delete(row)
        changed = True
    db.session.flush()
    return changed


def members_of(association_id: int) -> list[report.Member]:
    rows = db.session.scalars(select(AssociationOffice).where(AssociationOffice.association_id == association_id))
    return [
        report.Member(
            r.office_id,
            r.slug,
            r.name,
            tuple(r.families or ()),
            r.population,
            float(r.staff_fte) if r.staff_fte is not None else None,
            r.sites,
        )
        for r in rows
    ]


def available_years(members: list[report.Member], last_year: int) -> set[int]:
    pairs = [(m.office_id, f) for m in members for f in m.families]
    if not pairs:
        return set()
    office_ids = sorted({oid for oid, _ in pairs})
    families = sorted({f for _, f in pairs})
    rows = db.session.execute(
        select(AggregateCount.office_id, AggregateCount.family, AggregateCount.period_start).where(
            # office, family, granularity: the unique key's leading columns, so the index skips the days
            AggregateCount.office_id.in_(office_ids),
            AggregateCount.family.in_(families),
            AggregateCount.granularity == "year",
        )
    )
    wanted = set(pairs)
    return {start.year for oid, family, start in rows if (oid, family) in wanted and start.year <= last_year}


def load_facts(members: list[report.Member], year: int) -> report.Facts:
    shared = {m.office_id: set(m.families) for m in members if m.families}
    facts: report.Facts = defaultdict(dict)
    if not shared:
        return facts
    rows = db.session.execute(
        select(AggregateCount.office_id, AggregateCount.family, AggregateCount.counts).where(
            AggregateCount.office_id.in_(sorted(shared)),
            AggregateCount.family.in_(sorted(set().union(*shared.values()))),
            AggregateCount.granularity == "year",
            AggregateCount.period_start == dt.date(year, 1, 1),
        )
    )
    for oid, family, cells in rows:
        if family in shared[oid]:
            facts[oid][family] = as_counter(cells)
    return facts


def load_month_facts(members: list[report.Member], year: int) -> dict[int, report.Facts]:
    """Contact facts of each month of ``year`` (month → facts of that month alone), from the stored months."""
    shared = sorted(m.office_id for m in members if "contacts" in m.families)
    out: dict[int, report.Facts] = defaultdict(dict)
    if not shared:
        return out
    rows = db.session.execute(
        select(AggregateCount.office_id, AggregateCount.period_start, AggregateCount.counts).where(
            AggregateCount.office_id.in_(shared),
            AggregateCount.family == "contacts",
            AggregateCount.granularity == "month",
            AggregateCount.period_start.between(dt.date(year, 1, 1), dt.date(year, 12, 1)),
        )
    )
    for oid, start, cells in rows:
        out[start.month].setdefault(oid, {})["contacts"] = as_counter(cells)
    return out


def last_complete_month(day: dt.date) -> tuple[int, int]:
    """(year, month) of the last month that has ended before ``day``."""
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


def month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


@dataclass
class YearTables:
    """The published tables of one year: the whole year (None while it is not over) and the year-to-date
    tables to the end of each quarter that is over (``ends``: 3, 6, 9), all suppressed together."""

    year: int
    tables: dict
    ends: list
    hidden: list


def year_tables(association: Association, year: int, members: list[report.Member], now: dt.date) -> YearTables | None:
    """Suppress a year's tables together. A year not over yet has only its year-to-date tables, to the end
    of the last complete month (so that downloads on two days never differ by one day's contacts). Cells
    hidden in what was published before for this year stay hidden (downloads of different days never
    combine two suppression patterns)."""
    threshold = association.suppression_threshold or 5
    shape = expected_shape(year, now)
    if shape is None:
        return None
    complete, ends = shape["complete"], shape["ends"]
    facts = load_facts(members, year) if complete else None
    months = load_month_facts(members, year) if ends else {}
    row = db.session.scalar(
        select(AssociationReport).where(
            AssociationReport.association_id == association.id, AssociationReport.year == year
        )
    )
    before = []
    if row is not None and row.threshold == threshold and row.periods:
        before = [_key(k) for k in row.periods.get("hidden", [])]
    tables, result = report.publish_tables(members, facts, threshold, months, ends, also=before)
    hidden = sorted(([_plain(t) for t in k] for k in result.hidden), key=repr)
    return YearTables(year, tables, ends, hidden)


def _plain(part: object) -> object:
    return list(part) if isinstance(part, tuple) else part


def _key(value: Iterable[object]) -> tuple[object, ...]:
    return tuple(tuple(v) if isinstance(v, list) else v for v in value)


def payloads(
    association: Association, members: list[report.Member], cur: YearTables, prev: YearTables | None
) -> tuple[dict, dict]:
    """The stored payload (the year's report, or for a year not over yet its year to date) and the
    ``periods`` column (year-to-date payloads and the hidden cells)."""
    threshold = association.suppression_threshold or 5
    contact_members = [
        report.Member(
            m.office_id,
            m.slug,
            m.name,
            ("contacts",) if "contacts" in m.families else (),
            m.population,
            m.staff_fte,
            m.sites,
        )
        for m in members
    ]

    def prev_table(key: object) -> report.Published | None:
        return prev.tables.get(key) if prev is not None else None

    ytd = {}
    for month in cur.ends:
        key = ("C", month)
        if key not in cur.tables:
            continue
        payload = report.build(
            association.slug, association.name, cur.year, threshold, contact_members, cur.tables[key], prev_table(key)
        )
        payload["period"] = {"from": dt.date(cur.year, 1, 1).isoformat(), "to": month_end(cur.year, month).isoformat()}
        ytd[str(month)] = payload
    if report.YEAR in cur.tables:
        main = report.build(
            association.slug,
            association.name,
            cur.year,
            threshold,
            members,
            cur.tables[report.YEAR],
            prev_table(report.YEAR),
        )
    elif ytd:
        main = ytd[str(cur.ends[-1])]
    else:
        main = report.build(
            association.slug, association.name, cur.year, threshold, contact_members, report.Published({}, {}), None
        )
    meta = {"complete": report.YEAR in cur.tables, "ends": cur.ends}
    return main, {"hidden": cur.hidden, "ytd": ytd, **meta}


def expected_shape(year: int, now: dt.date) -> dict | None:
    """What a year's stored tables cover today: the whole year (once it is over) and the year-to-date
    tables to the end of each quarter that is over; None: nothing of the year is over yet."""
    if year < now.year:
        return {"complete": True, "ends": list(report.QUARTER_ENDS)}
    if year > now.year:
        return None
    _lc_year, lc_month = last_complete_month(now)
    ends = [e for e in report.QUARTER_ENDS if e <= lc_month] if _lc_year == year else []
    return {"complete": False, "ends": ends} if ends else None


def build_payloads(association: Association, year: int, members: list[report.Member]) -> tuple[dict, dict] | None:
    """The year's payload and periods as they would be stored now (not stored)."""
    now = timeutil.today()
    cur = year_tables(association, year, members, now)
    if cur is None:
        return None
    return payloads(association, members, cur, year_tables(association, year - 1, members, now))


def build_report(association: Association, year: int, threshold: int, members: list[report.Member]) -> dict | None:
    """The year's report as it would be stored now (not stored)."""
    built = build_payloads(association, year, members)
    return built[0] if built is not None else None


def refresh_association(plan: Plan, association_id: int) -> list[int]:
    """Refresh the members' view and the reports that changed; returns the years rebuilt."""
    association = db.session.get(Association, association_id)
    if association is None:
        return []
    threshold = plan.thresholds[association_id]
    changed = refresh_snapshot(plan, association_id)
    members = members_of(association_id)
    available = available_years(members, timeutil.today().year)
    stored = dict(
        db.session.execute(
            select(AssociationReport.year, AssociationReport.threshold).where(
                AssociationReport.association_id == association_id
            )
        ).all()
    )
    now = timeutil.today()
    available = {y for y in available if expected_shape(y, now) is not None}
    if changed or any(t != threshold for t in stored.values()):
        years = set(available)
    else:
        years = {y for y in available if y not in stored}
        for m in members:
            for family, year in plan.touched.get(m.office_id, ()):
                if family in m.families or year == 0:
                    years |= set(available) if year == 0 else {year, year + 1}
        years &= available
    # A month has ended, or the year: the year's tables cover more now.
    for year, periods in db.session.execute(
        select(AssociationReport.year, AssociationReport.periods).where(
            AssociationReport.association_id == association_id, AssociationReport.year >= now.year - 1
        )
    ):
        shape = expected_shape(year, now)
        if shape is not None and {k: (periods or {}).get(k) for k in shape} != shape:
            years.add(year)
    cache: dict[int, YearTables | None] = {}

    def tables(y: int) -> YearTables | None:
        if y not in cache:
            cache[y] = year_tables(association, y, members, now)
        return cache[y]

    for year in sorted(years):
        cur = tables(year)
        if cur is None:
            continue
        payload, periods = payloads(association, members, cur, tables(year - 1))
        row = db.session.scalar(
            select(AssociationReport).where(
                AssociationReport.association_id == association_id, AssociationReport.year == year
            )
        )
        if row is None:
            row = AssociationReport(association_id=association_id, year=year)
            db.session.add(row)
        row.threshold, row.payload, row.periods, row.computed_at = threshold, payload, periods, utcnow()
        db.session.flush()
    gone = [y for y in stored if y not in available]
    if gone:
        db.session.execute(
            delete(AssociationReport).where(
                AssociationReport.association_id == association_id, AssociationReport.year.in_(gone)
            )
        )
    db.session.commit()
    return sorted(years)
