"""After the periods are rebuilt: what each association may see of its members, and its reports.

Reads only the aggregate tables and the members (:func:`~saas.association.operations.read_members`);
writes :class:`AssociationOffice`, :class:`AssociationRelease` and :class:`AssociationReport`.

A release calendar, as official statistics keep one: each table an analyst can open (1 January to the end
of March, June, September; the whole year) is released on the first run at least
``ASSOCIATION_RELEASE_DAYS`` (14) days after its period ended, a settling time for late entries, and is
then frozen: its numbers and signs never change, so no two downloads of it differ. The later tables of the
year are suppressed together with it held fixed. Contacts entered later into a released period appear in
the next table released (the year's table counts the whole year as it stands at its release). The
served report of a year (:class:`AssociationReport`) is assembled from its releases; nothing is served
that is not released (no preview computed from the aggregates of the day: it would be a second version).

Published tables are never revised, not even for the two events that used to release a year anew
(an analyst who kept the old download could subtract the new one and get one office's figures, its
hidden small cells included):

- **Withdrawn consent.** An office that stops sharing a family (or leaves the association) is no longer
  shown in the tables released before: its rows of that family are taken out of their payloads. The
  association totals stay as released, so the two versions differ only by rows the old one showed and
  nothing can be subtracted. The table says so (``payload["withdrawn"]``: family → offices whose figures
  remain in the totals but are no longer shown; the dashboard, CSV and XLSX print it). The true counts
  stored with the release keep the office's figures, as a statistical office keeps what it published:
  the later tables of the year are suppressed together with the released ones (which contain them), and
  the audit needs them. Tables released later no longer contain the office.
- **A changed suppression threshold** applies from the next year whose first table is not released yet.
  A year's tables are suppressed together as one system with one meaning of ``"<5"``: a count that the
  old threshold published cannot be taken back, and a table with a new threshold next to the year's
  released ones would have to hide as small what the old ones show. The threshold of each table is in its
  payload, and the legend follows it.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import defer

from saas.association import report
from saas.association.models import (
    AggregateCount,
    AssociationOffice,
    AssociationRelease,
    AssociationReport,
    as_counter,
)
from saas.association.suppression import Suppression
from saas.core import timeutil
from saas.extensions import db
from tenants.models import Association, utcnow

if TYPE_CHECKING:
    from saas.association.operations import Members


def _snapshot_values(plan: Members, office_id: int, families: list[str]) -> dict:
    info = plan.offices.get(office_id)
    shares = bool(families)
    return {
        "slug": info.slug if info else "",
        "name": info.name if info else "",
        "families": list(families),
        "population": info.population if info and shares else None,
        "staff_fte": info.staff_fte if info and shares else None,
        "sites": info.sites if info and shares else None,
        # whether its relatives are counted apart: said only while it shares (True, the default, otherwise)
        "relatives_apart": info.relatives_apart if info and shares else True,
    }


def refresh_snapshot(plan: Members, association_id: int) -> bool:
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
            "relatives_apart": row.relatives_apart is not False,
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
            r.relatives_apart is not False,
        )
        for r in rows
    ]


def available_years(members: list[report.Member], last_year: int) -> set[int]:
    """The years an analyst can see (the dashboard offers a year whose report has data,
    :func:`queries.has_data`): with an office sharing contacts, the years with contacts; otherwise the
    years with any figure. A year-level family reaching back further (groups founded in 1985) makes no
    report of its own: that year's report would show no contacts, and nobody could choose it."""
    pairs = [(m.office_id, f) for m in members for f in m.families]
    if not pairs:
        return set()
    if any(f == "contacts" for _, f in pairs):
        pairs = [(oid, f) for oid, f in pairs if f == "contacts"]
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


# Families an office keeps records of only from the day it starts using them in Lotse (core.reports.recorded):
# before that it has no founding processes or support cases, and a year before its first record is unknown
# there, not 0. Contacts, groups, events and newsletters come with their history (imports, the directory's
# founding dates).
RECORDED_FROM_FIRST_USE = ("founding", "support")


def recorded_members(members: list[report.Member], year: int) -> list[report.Member]:
    """The members as ``year``'s tables show them: without a family of :data:`RECORDED_FROM_FIRST_USE` in a
    year before the office's first record of it (its first year with counts), so that the association's
    table shows "–" (not shared or not computable) for that office, as the office's own report says "no
    figures" (contacts.report), instead of zeros that state nobody was counselled."""
    ids = sorted({m.office_id for m in members if set(m.families) & set(RECORDED_FROM_FIRST_USE)})
    if not ids:
        return members
    first = {
        (oid, family): start.year
        for oid, family, start in db.session.execute(
            select(AggregateCount.office_id, AggregateCount.family, func.min(AggregateCount.period_start))
            .where(
                AggregateCount.office_id.in_(ids),
                AggregateCount.family.in_(RECORDED_FROM_FIRST_USE),
                AggregateCount.granularity == "year",
            )
            .group_by(AggregateCount.office_id, AggregateCount.family)
        )
    }
    out = []
    for m in members:
        keep = tuple(
            f for f in m.families if f not in RECORDED_FROM_FIRST_USE or first.get((m.office_id, f), year + 1) <= year
        )
        out.append(m if keep == m.families else replace(m, families=keep))
    return out


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


def month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


# --- the release calendar -------------------------------------------------------------------------------

TABLES: tuple[Any, ...] = (*(("C", m) for m in report.QUARTER_ENDS), report.YEAR)  # in the order of their ends
DEFAULT_RELEASE_DAYS = 14


def release_days() -> int:
    """Settling days between a period's end and its table's release (``ASSOCIATION_RELEASE_DAYS``)."""
    from flask import current_app, has_app_context

    if has_app_context():
        return max(0, int(current_app.config.get("ASSOCIATION_RELEASE_DAYS", DEFAULT_RELEASE_DAYS)))
    return DEFAULT_RELEASE_DAYS


def period_end(year: int, table: Any) -> dt.date:
    """The last day a table counts: 31 March, 30 June, 30 September (year to date) or 31 December."""
    return dt.date(year, 12, 31) if table == report.YEAR else month_end(year, table[1])


def table_of_end(end: dt.date) -> Any:
    return report.YEAR if (end.month, end.day) == (12, 31) else ("C", end.month)


def release_day(year: int, table: Any) -> dt.date:
    """The first day a table may be released: its period's end plus the settling days."""
    return period_end(year, table) + dt.timedelta(days=release_days())


def next_release(now: dt.date) -> tuple[int, Any, dt.date]:
    """(year, table, day) of the next table to be released after ``now``."""
    for year in (now.year - 1, now.year, now.year + 1):
        for table in TABLES:
            if release_day(year, table) > now:
                return year, table, release_day(year, table)
    raise AssertionError("unreachable")  # pragma: no cover


def last_released_end(now: dt.date) -> dt.date:
    """The end of the latest period whose table is due by ``now`` (its release day has come)."""
    best = dt.date(now.year - 2, 12, 31)
    for year in (now.year - 1, now.year):
        for table in TABLES:
            if release_day(year, table) <= now:
                best = max(best, period_end(year, table))
    return best


def due_tables(year: int, now: dt.date) -> list[Any]:
    """The tables of ``year`` whose release day has come by ``now``, in order."""
    return [t for t in TABLES if release_day(year, t) <= now]


def releasable(year: int, now: dt.date, members: list[report.Member]) -> list[Any]:
    """The tables of ``year`` due by ``now`` that the members' sharing makes: the year-to-date tables when
    an office shares contacts, the year's table when an office shares anything."""
    shares = any(m.families for m in members)
    shares_contacts = any("contacts" in m.families for m in members)
    return [t for t in due_tables(year, now) if (shares_contacts if t != report.YEAR else shares)]


def _plain(part: object) -> object:
    return list(part) if isinstance(part, tuple) else part


def cell_of(stored: Iterable[object]) -> tuple:
    """A cell key from its JSON form ([table, office, family, name]; a table ["C", 3] is a tuple again)."""
    return tuple(tuple(v) if isinstance(v, list) else v for v in stored)


def _cell_key(table: Any, cell: Iterable[object]) -> tuple:
    oid, family, name = cell
    return (table, int(oid), str(family), str(name))  # type: ignore[call-overload]


def truth_from_json(stored: dict) -> report.Truth:
    return {family: {int(oid): dict(cells) for oid, cells in offices.items()} for family, offices in stored.items()}


def truth_to_json(truth: report.Truth) -> dict:
    return {family: {str(oid): cells for oid, cells in offices.items()} for family, offices in truth.items()}


@dataclass
class Release:
    """One table as released (stored as :class:`AssociationRelease`)."""

    year: int
    table: Any
    threshold: int
    released_on: dt.date
    truth: report.Truth
    hidden: list  # [office, family, name] of every hidden cell ("<5" or "."), the association total's as office 0
    payload: dict
    # small counts the suppression could not protect whatever it hid (tiny tables), as [table, office,
    # family, name]: what the audit may still find, said openly
    unprotected: list = field(default_factory=list)

    @classmethod
    def of(cls, row: AssociationRelease, payload: bool = True) -> Release:
        """``payload`` False: the payload is not read (left empty; see :func:`load_releases`)."""
        return cls(
            row.year,
            table_of_end(row.period_end),
            row.threshold,
            row.released_on,
            truth_from_json(row.truth),
            [list(c) for c in row.hidden],
            row.payload if payload else {},
            [list(c) for c in row.unprotected or []],
        )

    def published(self) -> report.Published:
        """The table's cells as published (its numbers and signs), rebuilt from what is stored."""
        values, sharing = report.table_values(self.table, self.truth)
        hidden = {_cell_key(self.table, c) for c in self.hidden}
        small = {c for c in hidden if 0 < values.get(c, 0) < self.threshold}
        signs = Suppression(self.threshold, small, hidden - small, set())
        out = report.Published({}, sharing)
        for cell, value in values.items():
            if cell[0] == self.table:
                out.values[cell[1:]] = signs.sign(cell, value)
        return out


def load_releases(
    association_id: int, years: Iterable[int] | None = None, payloads: bool = True
) -> dict[int, dict[Any, Release]]:
    """The stored releases of an association (of ``years`` only, if given): year → table → release.
    ``payloads`` False: their payloads are not read (left empty): for the year before a release, of which
    only the true counts and the signs are needed (:meth:`Release.published`, for the changes)."""
    stmt = select(AssociationRelease).where(AssociationRelease.association_id == association_id)
    if years is not None:
        stmt = stmt.where(AssociationRelease.year.in_(sorted(set(years))))
    if not payloads:
        stmt = stmt.options(defer(AssociationRelease.payload))
    out: dict[int, dict[Any, Release]] = defaultdict(dict)
    for row in db.session.scalars(stmt):
        release = Release.of(row, payloads)
        out[row.year][release.table] = release
    return out


def year_threshold(association: Association, have: dict[Any, Release]) -> int:
    """The threshold of a year's tables: the one its first table was released with; for a year with no
    table released yet, the association's threshold now (a change applies from the next such year)."""
    if have:
        return min(have.values(), key=lambda r: (r.released_on, repr(r.table))).threshold
    return association.suppression_threshold or 5


def _contact_members(members: list[report.Member]) -> list[report.Member]:
    return [replace(m, families=("contacts",) if "contacts" in m.families else ()) for m in members]


def release_tables(
    association: Association,
    year: int,
    members: list[report.Member],
    now: dt.date,
    have: dict[Any, Release],
    previous: dict[Any, Release],
) -> list[Release]:
    """Release the tables of ``year`` that are due by ``now`` and not released yet (``have``: those that
    are). They are suppressed together with the released ones held fixed (their values are the stored true
    counts, their signs may not change, none of their cells may be hidden now): so the new tables and
    the old ones never difference into a small count, whatever was entered or deleted since. Built from
    the aggregates as they are now: a released table never changes, and contacts entered late into its
    period appear in the next table released. ``previous``: the year before's releases (for the changes).
    The threshold is the year's (:func:`year_threshold`)."""
    threshold = year_threshold(association, have)
    shared = {m.slug: set(m.families) for m in members}
    members = recorded_members(members, year)
    not_recorded = {
        m.slug: sorted(shared[m.slug] - set(m.families)) for m in members if shared[m.slug] != set(m.families)
    }
    wanted = [t for t in releasable(year, now, members) if t not in have]
    if not wanted:
        return []
    facts = load_facts(members, year) if report.YEAR in wanted else None
    months = load_month_facts(members, year) if any(t != report.YEAR for t in wanted) else {}
    ends = [t[1] for t in (*have, *wanted) if t != report.YEAR]
    also = [_cell_key(t, c) for t, r in have.items() for c in r.hidden]
    system, sharing = report.build_system(members, facts, months, ends, released={t: r.truth for t, r in have.items()})
    tables, result = report.publish_system(system, sharing, threshold, also)
    out = []
    for table in wanted:
        if table not in tables:
            continue
        before = previous.get(table)
        prev = before.published() if before is not None else None
        if table == report.YEAR:
            payload = report.build(association.slug, association.name, year, threshold, members, tables[table], prev)
        else:
            payload = report.build(
                association.slug,
                association.name,
                year,
                threshold,
                _contact_members(members),
                tables[table],
                prev,
            )
            payload["period"] = {"from": dt.date(year, 1, 1).isoformat(), "to": period_end(year, table).isoformat()}
        payload["released"] = now.isoformat()
        for entry in payload["offices"]:  # shared, but the office kept no records of it that year (added key)
            if entry["tenant"] in not_recorded and (table == report.YEAR):
                entry["not_recorded"] = not_recorded[entry["tenant"]]
        hidden = sorted(([c[1], c[2], c[3]] for c in result.hidden if c[0] == table), key=repr)
        unprotected = sorted(([_plain(c[0]), *c[1:]] for c in result.unprotected), key=repr)
        out.append(Release(year, table, threshold, now, report.truth_of(system, table), hidden, payload, unprotected))
    return out


def store_release(association_id: int, release: Release) -> None:
    db.session.add(
        AssociationRelease(
            association_id=association_id,
            year=release.year,
            period_end=period_end(release.year, release.table),
            threshold=release.threshold,
            released_on=release.released_on,
            truth=truth_to_json(release.truth),
            hidden=release.hidden,
            payload=release.payload,
            unprotected=release.unprotected,
        )
    )


def assemble(association: Association, year: int, releases: dict[Any, Release]) -> tuple[dict, dict] | None:
    """The served report of a year from its released tables: the payload (the year's table once released,
    else the latest year to date) and ``periods`` (the year-to-date payloads, the release days)."""
    if not releases:
        return None
    ytd = {str(t[1]): r.payload for t, r in sorted(releases.items(), key=lambda i: repr(i[0])) if t != report.YEAR}
    ends = sorted(int(m) for m in ytd)
    main = releases[report.YEAR].payload if report.YEAR in releases else ytd[str(ends[-1])]
    released = {("12" if t == report.YEAR else str(t[1])): r.released_on.isoformat() for t, r in releases.items()}
    periods = {"ytd": ytd, "complete": report.YEAR in releases, "ends": ends, "released": released}
    return main, periods


def build_payloads(association: Association, year: int, members: list[report.Member]) -> tuple[dict, dict] | None:
    """The year's payload and periods, assembled from its stored releases (nothing is computed that the
    release calendar has not released); for members that share nothing at all, their names and no figures."""
    built = assemble(association, year, load_releases(association.id, [year]).get(year, {}))
    if built is None and members and not any(m.families for m in members):
        threshold = association.suppression_threshold or 5
        empty = report.build(
            association.slug, association.name, year, threshold, members, report.Published({}, {}), None
        )
        return empty, {"ytd": {}, "complete": False, "ends": [], "released": {}}
    return built


def build_report(association: Association, year: int, threshold: int, members: list[report.Member]) -> dict | None:
    """The year's report as it would be stored now (not stored)."""
    built = build_payloads(association, year, members)
    return built[0] if built is not None else None


def withhold(payload: dict, shared: dict[str, set[str]]) -> bool:
    """Take the rows of offices that no longer share a family with the association out of a released
    payload (``shared``: slug → families shared now; an office no longer a member is not in it); the
    totals stay as released and ``payload["withdrawn"]`` says how many offices they still contain but no
    longer show, per family. True if the payload changed."""
    changed = False
    offices = []
    for entry in payload.get("offices", []):
        families = shared.get(entry["tenant"])
        for family in report.FAMILIES:
            if family in entry and (families is None or family not in families):
                del entry[family]
                changed = True
        if families is None:
            changed = True  # no longer a member: not listed at all
            continue
        kept = [f for f in entry.get("not_recorded", []) if f in families]
        if kept != entry.get("not_recorded", kept):
            if kept:
                entry["not_recorded"] = kept
            else:
                del entry["not_recorded"]
            changed = True
        if not any(f in entry for f in report.FAMILIES):
            for key in ("population", "staff_fte", "sites", "relatives_apart"):
                changed |= entry.pop(key, None) is not None
        offices.append(entry)
    payload["offices"] = offices
    withdrawn = {}
    for family, section in (payload.get("total") or {}).items():
        shown = sum(1 for entry in offices if family in entry)
        if isinstance(section, dict) and section.get("offices", 0) > shown:
            withdrawn[family] = section["offices"] - shown
    if withdrawn != payload.get("withdrawn", {}):
        payload["withdrawn"] = withdrawn
        changed = True
    return changed


def _withhold_released(association_id: int, members: list[report.Member]) -> set[int]:
    """Apply :func:`withhold` to every stored release of the association; the years it changed."""
    shared = {m.slug: set(m.families) for m in members}
    years = set()
    for row in db.session.scalars(
        select(AssociationRelease).where(AssociationRelease.association_id == association_id)
    ):
        payload = copy.deepcopy(row.payload)
        if withhold(payload, shared):
            row.payload = payload  # a new object: the JSON column sees the change
            years.add(row.year)
    db.session.flush()
    return years


def refresh_association(plan: Members, association_id: int) -> list[int]:
    """Refresh the members' view, release the tables whose day has come, and serve the years whose releases
    changed; returns those years.

    Released tables are frozen: contacts entered or deleted later change nothing published (they appear in
    the next table released), so a nightly run without a release day reads no counts and solves nothing.
    Nothing releases a table anew (see the module docstring): withdrawn consent takes the office's rows
    out of the released tables, totals unchanged; a changed threshold applies from the next year."""
    association = db.session.get(Association, association_id)
    if association is None:
        return []
    changed = refresh_snapshot(plan, association_id)
    members = members_of(association_id)
    now = timeutil.today()
    meta = db.session.execute(
        select(AssociationRelease.year, AssociationRelease.period_end).where(
            AssociationRelease.association_id == association_id
        )
    ).all()
    released_years = {year for year, _ in meta}
    withheld = _withhold_released(association_id, members) if changed and released_years else set()
    available = available_years(members, now.year)
    have_tables: dict[int, set[Any]] = defaultdict(set)
    for year, end in meta:
        have_tables[year].add(table_of_end(end))
    due = {year for year in available if set(releasable(year, now, members)) - have_tables[year]}
    stored_rows = set(
        db.session.scalars(select(AssociationReport.year).where(AssociationReport.association_id == association_id))
    )
    years = due | withheld | (released_years - stored_rows)
    if not years and not (stored_rows - available - released_years):
        db.session.commit()
        return []
    releases = load_releases(association_id, years)
    before = {year - 1 for year in years} - years  # only compared with: no payloads read
    if before:
        releases.update(load_releases(association_id, before, payloads=False))
    rebuilt = []
    for year in sorted(years):
        have = releases.get(year, {})
        if year in available:
            new = release_tables(association, year, members, now, have, releases.get(year - 1, {}))
            for release in new:
                store_release(association_id, release)
                have[release.table] = release
            releases[year] = have
        built = assemble(association, year, have)
        row = db.session.scalar(
            select(AssociationReport)
            .where(AssociationReport.association_id == association_id, AssociationReport.year == year)
            # replaced whole below: the old payloads need not be read
            .options(defer(AssociationReport.payload), defer(AssociationReport.periods))
        )
        if built is None:
            if row is not None:
                db.session.delete(row)
            continue
        if row is None:
            row = AssociationReport(association_id=association_id, year=year)
            db.session.add(row)
        row.threshold, (row.payload, row.periods), row.computed_at = built[0]["threshold"], built, utcnow()
        rebuilt.append(year)
        db.session.flush()
    gone = stored_rows - available - {y for y, t in releases.items() if t} - released_years
    if gone:
        db.session.execute(
            delete(AssociationReport).where(
                AssociationReport.association_id == association_id, AssociationReport.year.in_(sorted(gone))
            )
        )
    db.session.commit()
    return rebuilt


def audit_year(association: Association, year: int) -> list:
    """The disclosure audit of every table of ``year`` an analyst can download, in every version served:
    each released table as released (rebuilt from its stored truth and signs: what an analyst who kept
    it knows, an office that withdrew since included) and as served now (:func:`audit.audit_versions`)."""
    from saas.association.audit import audit_versions, published_cells

    releases = load_releases(association.id, [year]).get(year, {})
    if not releases:
        return []
    threshold = next(iter(releases.values())).threshold
    ends = [t[1] for t in releases if t != report.YEAR]
    system, _sharing = report.build_system([], None, {}, ends, released={t: r.truth for t, r in releases.items()})
    members = members_of(association.id)
    by_slug = {m.slug: m.office_id for m in members}
    # relatives counted among the citizens: now, or when a table was released (its payload says so)
    folding = {m.office_id for m in members if not m.relatives_apart}
    versions: list[dict] = []
    for table, release in releases.items():
        versions.append({(table, *cell): value for cell, value in release.published().values.items()})
        versions.append(published_cells(release.payload, table, members))
        folding |= {
            by_slug[o["tenant"]]
            for o in release.payload.get("offices", [])
            if o.get("relatives_apart") is False and o["tenant"] in by_slug
        }
    return audit_versions(system, versions, threshold, folding)
