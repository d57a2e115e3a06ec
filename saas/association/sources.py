"""What the aggregation reads from one office (the office bound, never across offices).

Contacts are counted from the raw rows per day (grouped statements run inside the database); the
year-level families (groups, events, newsletter) come from the same annual-report sections the
office's own report uses, so the association sees exactly the office's published figures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from sqlalchemy import func, select, text

from saas.extensions import db

# (dimension, value) → count
Counts = Counter[tuple[str, str]]


def _contact_model() -> Any:
    from saas.contacts.models import Contact

    return Contact


_PERIOD = {
    "postgresql": {"day": "day", "month": "CAST(date_trunc('month', day) AS date)"},
    "sqlite": {"day": "day", "month": "date(day, 'start of month')"},
}
_CODE = re.compile(r"^[a-z_]+$")


def contact_cells() -> list[tuple[str, str, str]]:
    """Every cell a contact period can have: (dimension, value, SQL of its count over a group of contacts).

    Built from the code lists that the contacts table's CHECK constraints enforce, so no contact falls
    outside them (the kinds add up to the total)."""
    from saas.contacts.models import CHANNELS, CONCERNS, KINDS, MEDIA
    from saas.directory.models import TOPIC_AREAS

    for code in (*KINDS, *CHANNELS, *CONCERNS, *TOPIC_AREAS, *MEDIA):
        if not _CODE.match(code):
            raise ValueError(f"code {code!r} cannot be written into SQL")  # never: they are constants

    def count(condition: str) -> str:
        return f"sum(CASE WHEN {condition} THEN 1 ELSE 0 END)"

    cells = [
        ("total", "", "count(*)"),
        ("referrals", "to_groups", "coalesce(sum(referrals_to_groups), 0)"),
        ("referrals", "to_professionals", "coalesce(sum(referrals_to_professionals), 0)"),
    ]
    cells += [("kind", k, count(f"kind = '{k}'")) for k in KINDS]
    cells += [("channel", k, count(f"channel = '{k}'")) for k in CHANNELS]
    cells += [("concern", k, count(f"concern = '{k}'")) for k in CONCERNS]
    cells += [
        ("kind_area", f"{k}:{a}", count(f"kind = '{k}' AND topic_area = '{a}'")) for k in KINDS for a in TOPIC_AREAS
    ]
    # written contacts by medium (CONTRACTS.md ``written_by_medium``; no medium recorded: "unknown")
    cells += [("medium", m, count(f"channel = 'written' AND medium = '{m}'")) for m in MEDIA]
    cells += [("medium", "unknown", count("channel = 'written' AND medium IS NULL"))]
    return cells


def contact_count_insert(
    dialect: str, granularity: str, office_ids: list[int], spans: tuple[tuple[dt.date, dt.date], ...]
) -> tuple[Any, dict[str, Any]]:
    """One INSERT … SELECT that stores, per office and day (or month) within ``spans``, all counts of these
    offices' contacts as one row (:class:`AggregateCount`; non-zero cells only, days without contacts have
    no row).

    Computed inside the database in one pass: the contacts of the spans are grouped once by office and
    period, every cell is a conditional count of that group, and the non-zero ones are written as a
    compact JSON object (``{"kind":{"citizen":3,"group":1},…}``) by plain string concatenation, the same
    on PostgreSQL and SQLite. Nothing of the raw rows travels to the worker. Reads several offices at
    once, so the caller runs it inside the aggregation's cross-office block.
    """
    period = _PERIOD[dialect][granularity]
    params: dict[str, Any] = {"granularity": granularity}
    within = []
    for i, (first, last) in enumerate(spans):
        within.append(f"day BETWEEN :s{i} AND :e{i}")
        params[f"s{i}"], params[f"e{i}"] = first, last
    offices = ", ".join(str(int(o)) for o in office_ids)  # integers only: safe to inline, keeps plans simple
    cells = contact_cells()
    columns = ", ".join(f"{sql} AS c{i}" for i, (_, _, sql) in enumerate(cells))
    by_dimension: dict[str, list[tuple[int, str]]] = {}
    for i, (dimension, value, _) in enumerate(cells):
        by_dimension.setdefault(dimension, []).append((i, value))
    text_of = "CAST({} AS text)" if dialect == "postgresql" else "{}"
    parts = []
    for dimension, members in by_dimension.items():
        pieces = " || ".join(
            f"""CASE WHEN c{i} > 0 THEN ',"{value}":' || {text_of.format(f"c{i}")} ELSE '' END"""
            for i, value in members
        )
        any_ = " OR ".join(f"c{i} > 0" for i, _ in members)
        parts.append(f"""CASE WHEN {any_} THEN ',"{dimension}":{{' || substr({pieces}, 2) || '}}' ELSE '' END""")
    document = "'{' || substr(" + " || ".join(parts) + ", 2) || '}'"
    if dialect == "postgresql":
        document = f"CAST({document} AS json)"
    sql = f"""
        INSERT INTO association_counts (office_id, family, granularity, period_start, counts)
        SELECT o, 'contacts', :granularity, p, {document}
        FROM (
            SELECT tenant_id AS o, {period} AS p, {columns}
            FROM contacts WHERE tenant_id IN ({offices}) AND ({" OR ".join(within)})
            GROUP BY tenant_id, {period}
        ) AS grouped
    """  # noqa: S608 - every interpolated piece is a constant code of this application or an integer
    return text(sql), params


def contact_years() -> list[int]:
    """The years in which the bound office has contacts (a backfill's extent)."""
    contact = _contact_model()
    first, last = db.session.execute(select(func.min(contact.day), func.max(contact.day))).one()
    if first is None:
        return []
    return list(range(first.year, last.year + 1))


def first_year(family: str) -> int | None:
    """The first year with data of a year-level family in the bound office (None: no data or no feature)."""
    try:
        if family == "groups":
            from saas.directory.models import GroupStatusChange

            columns: tuple[Any, ...] = (GroupStatusChange.changed_on,)
        elif family == "events":
            from saas.events.models import Event

            columns = (Event.start_date,)
        elif family == "newsletter":
            from saas.newsletter.models import Subscriber

            columns = (Subscriber.created_at, Subscriber.consented_at)
        elif family == "founding":
            from saas.founding.models import FoundingMilestone, FoundingProcess

            columns = (FoundingProcess.started_on, FoundingMilestone.on)
        elif family == "support":
            from saas.contacts.models import Contact
            from saas.founding.models import SupportSession

            columns = (SupportSession.day, Contact.day)
        elif family == "profile":
            from saas.directory.models import GroupStatusChange

            columns = (GroupStatusChange.changed_on,)
        else:
            raise ValueError(family)
    except ImportError:
        return None
    years = [value.year for value in (db.session.scalar(select(func.min(c))) for c in columns) if value is not None]
    return min(years) if years else None


def section_counts(family: str, tenant_id: int, year: int) -> Counts:
    """A year-level family from the office's annual-report section, as (dimension, value) counts."""
    from saas.core.reports import annual_section

    counts: Counts = Counter()
    for key, value in annual_section(family, tenant_id, year).items():
        if isinstance(value, dict):
            for sub, n in value.items():
                if isinstance(n, int) and not isinstance(n, bool):
                    counts[(key, str(sub))] = n
        elif isinstance(value, int) and not isinstance(value, bool):
            counts[("figure", key)] = value
    return counts
