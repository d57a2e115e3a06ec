"""What the aggregation reads from one office (the office bound, never across offices).

Contacts are counted from the raw rows per day (grouped statements run inside the database); the
year-level families (groups, events, newsletter) come from the same annual-report sections the
office's own report uses, so the association sees exactly the office's published figures.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select

from saas.extensions import db, table_of

# (dimension, value) → count
Counts = Counter[tuple[str, str]]


def _contact_model() -> Any:
    from saas.contacts.models import Contact

    return Contact


def contact_day_inserts(office_ids: list[int], day_filter: Any) -> list[Any]:
    """INSERT … SELECT statements that store per (office, day) the counts of these offices' contacts.

    One grouped statement per dimension, computed inside the database: nothing of the raw rows travels
    to the worker. ``day_filter(column)`` restricts the days (a range or a list). Reads several offices
    at once, so the caller runs the statements inside the aggregation's cross-office block. Only
    non-zero counts are written (a day with no contacts has no rows).
    """
    from sqlalchemy import literal

    from saas.association.models import AggregateCount

    contact = _contact_model()
    where = (contact.tenant_id.in_(office_ids), day_filter(contact.day))
    target = table_of(AggregateCount)
    columns = ["office_id", "family", "granularity", "period_start", "dimension", "value", "count"]

    def statement(dimension: str, value: Any, count: Any, *extra_group: Any) -> Any:
        select_ = (
            select(
                contact.tenant_id,
                literal("contacts"),
                literal("day"),
                contact.day,
                literal(dimension),
                value,
                count,
            )
            .where(*where)
            .group_by(contact.tenant_id, contact.day, *extra_group)
        )
        if extra_group == ():
            select_ = select_.having(count > 0)
        return target.insert().from_select(columns, select_)

    statements = [
        statement("total", literal(""), func.count()),
        statement("referrals", literal("to_groups"), func.coalesce(func.sum(contact.referrals_to_groups), 0)),
        statement(
            "referrals",
            literal("to_professionals"),
            func.coalesce(func.sum(contact.referrals_to_professionals), 0),
        ),
    ]
    for dimension, column in (("kind", contact.kind), ("channel", contact.channel), ("concern", contact.concern)):
        statements.append(statement(dimension, column, func.count(), column))
    area = contact.kind + literal(":") + contact.topic_area
    statements.append(statement("kind_area", area, func.count(), contact.kind, contact.topic_area))
    return statements


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
