"""After the periods are rebuilt: what each association may see of its members, and its reports.

Reads only the aggregate tables and the run's plan; writes :class:`AssociationOffice` and
:class:`AssociationReport`. A report is rebuilt when figures of a year (or of the year before, which
feeds the changes) were touched, and every report of an association is rebuilt when its members,
their consent or their normalisation figures changed, or when its threshold did.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import delete, func, select

from saas.association import report
from saas.association.models import AggregateCount, AssociationOffice, AssociationReport
from saas.core import timeutil
from saas.extensions import db
from tenants.models import Association, utcnow


def _snapshot_values(plan, office_id: int, families: list[str]) -> dict:  # type: ignore[no-untyped-def]
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


def refresh_snapshot(plan, association_id: int) -> bool:  # type: ignore[no-untyped-def]
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
        select(AggregateCount.office_id, AggregateCount.family, AggregateCount.period_start)
        .where(
            # office, family, granularity: the unique key's leading columns, so the index skips the days
            AggregateCount.office_id.in_(office_ids),
            AggregateCount.family.in_(families),
            AggregateCount.granularity == "year",
        )
        .distinct()
    )
    wanted = set(pairs)
    return {start.year for oid, family, start in rows if (oid, family) in wanted and start.year <= last_year}


def load_facts(members: list[report.Member], year: int) -> report.Facts:
    shared = {m.office_id: set(m.families) for m in members if m.families}
    facts: report.Facts = defaultdict(dict)
    if not shared:
        return facts
    rows = db.session.execute(
        select(
            AggregateCount.office_id,
            AggregateCount.family,
            AggregateCount.dimension,
            AggregateCount.value,
            AggregateCount.count,
        ).where(
            AggregateCount.office_id.in_(sorted(shared)),
            AggregateCount.family.in_(sorted(set().union(*shared.values()))),
            AggregateCount.granularity == "year",
            AggregateCount.period_start == dt.date(year, 1, 1),
        )
    )
    for oid, family, dim, value, n in rows:
        if family in shared[oid]:
            facts[oid].setdefault(family, Counter())[(dim, value)] = int(n)
    return facts


def load_day_facts(members: list[report.Member], start: dt.date, end: dt.date) -> report.Facts:
    """Contact facts of the days ``start``…``end`` (``start`` the first of a month) of the offices sharing
    contacts: whole months from the stored months, the days of a month begun from the stored days."""
    from sqlalchemy import and_, or_

    shared = sorted(m.office_id for m in members if "contacts" in m.families)
    facts: report.Facts = defaultdict(dict)
    if not shared:
        return facts
    next_day = end + dt.timedelta(days=1)
    partial = end.replace(day=1) if next_day.day != 1 else next_day  # first day not covered by whole months
    spans = []
    if partial > start:
        months = (AggregateCount.period_start >= start, AggregateCount.period_start < partial)
        spans.append(and_(AggregateCount.granularity == "month", *months))
    if partial <= end:
        spans.append(and_(AggregateCount.granularity == "day", AggregateCount.period_start.between(partial, end)))
    rows = db.session.execute(
        select(
            AggregateCount.office_id,
            AggregateCount.dimension,
            AggregateCount.value,
            func.sum(AggregateCount.count),
        )
        .where(AggregateCount.family == "contacts", AggregateCount.office_id.in_(shared), or_(*spans))
        .group_by(AggregateCount.office_id, AggregateCount.dimension, AggregateCount.value)
    )
    for oid, dim, value, n in rows:
        facts[oid].setdefault("contacts", Counter())[(dim, value)] = int(n)
    return facts


def same_day_in(year: int, day: dt.date) -> dt.date:
    """``day``'s day and month in ``year`` (29 February becomes the 28th in a common year)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


def _complement_small(
    association: Association, members: list[report.Member], facts: report.Facts, year: int, end: dt.date
) -> set[tuple]:
    """Cells of the period 1 January…``end`` whose rest of the year would be a small count.

    The year's own report publishes the whole year; a reader who subtracts the period from it gets the
    rest of the year, so a period cell is hidden when that difference is below the threshold. Days after
    today hold no contacts yet (the difference is a structural zero, not a disclosure) and are skipped.
    """
    if end >= min(dt.date(year, 12, 31), timeutil.today()):
        return set()
    row = db.session.scalar(
        select(AssociationReport).where(
            AssociationReport.association_id == association.id, AssociationReport.year == year
        )
    )
    if row is None:
        return set()
    threshold = association.suppression_threshold or 5
    published = report.published_contact_cells(row.payload, members)
    hide = set()
    for cell, value in report.contact_cell_values(members, facts).items():
        whole = published.get(cell)
        if isinstance(whole, int) and whole - value < threshold:
            hide.add(cell)
    return hide


def build_period_report(
    association: Association, year: int, until: dt.date, members: list[report.Member], compare: bool = True
) -> dict:
    """Contacts from 1 January to ``until``'s day and month, in ``year`` and (``compare``) in the year before
    (from the stored days), suppressed like the year's report and against it."""
    threshold = association.suppression_threshold or 5
    members = [
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
    end, previous_end = same_day_in(year, until), same_day_in(year - 1, until)
    facts = load_day_facts(members, dt.date(year, 1, 1), end)
    previous = load_day_facts(members, dt.date(year - 1, 1, 1), previous_end) if compare else None
    payload = report.build(
        association.slug,
        association.name,
        year,
        threshold,
        members,
        facts,
        previous,
        hide=_complement_small(association, members, facts, year, end),
        hide_previous=_complement_small(association, members, previous, year - 1, previous_end) if compare else (),  # type: ignore[arg-type]
    )
    payload["period"] = {"from": dt.date(year, 1, 1).isoformat(), "to": end.isoformat()}
    return payload


def build_report(association: Association, year: int, threshold: int, members: list[report.Member]) -> dict:
    return report.build(
        association.slug,
        association.name,
        year,
        threshold,
        members,
        load_facts(members, year),
        load_facts(members, year - 1),
    )


def refresh_association(plan, association_id: int) -> list[int]:  # type: ignore[no-untyped-def]
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
    if changed or any(t != threshold for t in stored.values()):
        years = set(available)
    else:
        years = {y for y in available if y not in stored}
        for m in members:
            for family, year in plan.touched.get(m.office_id, ()):
                if family in m.families or year == 0:
                    years |= set(available) if year == 0 else {year, year + 1}
        years &= available
    for year in sorted(years):
        payload = build_report(association, year, threshold, members)
        row = db.session.scalar(
            select(AssociationReport).where(
                AssociationReport.association_id == association_id, AssociationReport.year == year
            )
        )
        if row is None:
            row = AssociationReport(association_id=association_id, year=year)
            db.session.add(row)
        row.threshold, row.payload, row.computed_at = threshold, payload, utcnow()
    gone = [y for y in stored if y not in available]
    if gone:
        db.session.execute(
            delete(AssociationReport).where(
                AssociationReport.association_id == association_id, AssociationReport.year.in_(gone)
            )
        )
    db.session.commit()
    return sorted(years)
