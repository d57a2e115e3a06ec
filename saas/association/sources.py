"""What the aggregation reads from one office (the office bound, never across offices).

Contacts are counted from the raw rows, a month at a time (a GROUP BY over the office's days); the
year-level families (groups, events, newsletter) come from the same annual-report sections the
office's own report uses, so the association sees exactly the office's published figures.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import func, select

from saas.extensions import db

# (dimension, value) → count
Counts = Counter[tuple[str, str]]


def _contact_model() -> Any:
    from saas.contacts.models import Contact

    return Contact


def contacts_by_office_month(office_ids: list[int], start: dt.date, end: dt.date) -> dict[tuple[int, dt.date], Counts]:
    """Counts per (office, first day of month) of these offices' contacts in [start, end].

    A handful of grouped statements whatever the number of offices; reads several offices at once, so
    the caller runs it inside the aggregation's cross-office block.
    """
    contact = _contact_model()
    year, month = func.extract("year", contact.day), func.extract("month", contact.day)
    where = (contact.tenant_id.in_(office_ids), contact.day >= start, contact.day <= end)
    out: dict[tuple[int, dt.date], Counts] = {}

    def bucket(tid: int, y: object, m: object) -> Counts:
        return out.setdefault((tid, dt.date(int(y), int(m), 1)), Counter())  # type: ignore[call-overload]

    totals = (
        select(
            contact.tenant_id,
            year,
            month,
            func.count(),
            func.coalesce(func.sum(contact.referrals_to_groups), 0),
            func.coalesce(func.sum(contact.referrals_to_professionals), 0),
        )
        .where(*where)
        .group_by(contact.tenant_id, year, month)
    )
    for tid, y, m, n, to_groups, to_prof in db.session.execute(totals):
        counts = bucket(tid, y, m)
        counts[("total", "")] += int(n)
        counts[("referrals", "to_groups")] += int(to_groups)
        counts[("referrals", "to_professionals")] += int(to_prof)
    for dim, column in (("kind", contact.kind), ("channel", contact.channel), ("concern", contact.concern)):
        stmt = select(contact.tenant_id, year, month, column, func.count()).where(*where)
        for tid, y, m, value, n in db.session.execute(stmt.group_by(contact.tenant_id, year, month, column)):
            bucket(tid, y, m)[(dim, value)] += int(n)
    stmt = select(contact.tenant_id, year, month, contact.kind, contact.topic_area, func.count()).where(*where)
    for tid, y, m, kind, area, n in db.session.execute(
        stmt.group_by(contact.tenant_id, year, month, contact.kind, contact.topic_area)
    ):
        bucket(tid, y, m)[("kind_area", f"{kind}:{area}")] += int(n)
    for counts in out.values():
        for key in [k for k, n in counts.items() if not n]:
            del counts[key]
    return out


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
