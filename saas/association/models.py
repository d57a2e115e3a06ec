"""Aggregate tables for umbrella associations, and the bookkeeping that keeps them correct.

Only the aggregation task (``workers/association.py``) writes these tables; the association pages read
nothing else. Rows here are published figures about an office, not the office's own records, so they
carry ``office_id`` (not the tenancy guard's ``tenant_id``): an analyst reads them with no office bound.
The one office-owned table is :class:`DirtyDay`, the change marker the office's own writes leave.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections import Counter

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from saas.extensions import Model
from tenants.models import FIGURE_FAMILIES, utcnow
from tenants.scoping import TenantScoped

__all__ = [
    "FIGURE_FAMILIES",
    "AggregateCount",
    "AggregationRun",
    "AssociationOffice",
    "AssociationRelease",
    "AssociationReport",
    "DirtyDay",
    "Period",
    "PeriodState",
    "RunStatus",
    "as_cells",
    "as_counter",
]


class PeriodState(enum.StrEnum):
    started = "STARTED"
    done = "DONE"


class RunStatus(enum.StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    skipped = "skipped"  # another run held the lock
    failed = "failed"


class DirtyDay(TenantScoped, Model):
    """A day whose source data (contacts, groups, …) changed since the last aggregation.

    Written in the same transaction as the change (see :mod:`saas.association.changes`), consumed by
    the aggregation only when the period it belongs to is DONE — a crash leaves it in place.
    """

    __tablename__ = "association_dirty_days"
    __table_args__ = (Index("ix_association_dirty_days_tenant_family", "tenant_id", "family"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family: Mapped[str] = mapped_column(String(20))
    day: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Period(Model):
    """One office's figures of one family for one calendar year: STARTED while being rebuilt, then DONE.

    A period found STARTED by a later run was interrupted and is rebuilt from scratch (Zulip
    ``analytics/lib/counts.py``: FillState).
    """

    __tablename__ = "association_periods"
    __table_args__ = (
        UniqueConstraint("office_id", "family", "year"),
        CheckConstraint("state IN ('STARTED', 'DONE')", name="state_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    family: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("association_runs.id", ondelete="SET NULL"), nullable=True)


class AggregateCount(Model):
    """All counts of one office, family and period (a day, month or year) in one row.

    ``counts`` holds only the non-zero cells, by dimension and value, e.g. for (Dortmund, contacts, year,
    2023-01-01): ``{"total": {"": 2214}, "kind": {"citizen": 1078, "professional": 495, …}, …}``. A day
    with no contacts has no row. One row per office and day instead of one per cell keeps the days of 400
    offices × 10 years at about 1.5 million rows (29 million before), and JSON works on PostgreSQL and
    SQLite alike. Read and written through :func:`as_counter` and :func:`as_cells`. Replaced under the
    unique key, so a rerun replaces and never adds.
    """

    __tablename__ = "association_counts"
    __table_args__ = (
        UniqueConstraint("office_id", "family", "granularity", "period_start"),
        CheckConstraint("granularity IN ('day', 'month', 'year')", name="granularity_known"),
        # No other index: every read and delete names the office and family, and the unique key starts
        # with them.
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    family: Mapped[str] = mapped_column(String(20))
    granularity: Mapped[str] = mapped_column(String(5))
    period_start: Mapped[dt.date] = mapped_column(Date)
    counts: Mapped[dict] = mapped_column(JSON)


def as_counter(cells: dict | str | None) -> Counter[tuple[str, str]]:
    """A stored ``counts`` value as (dimension, value) → count (PostgreSQL's json comes back decoded,
    SQLite's text built in SQL may not)."""
    decoded: dict = json.loads(cells) if isinstance(cells, str) else (cells or {})
    out: Counter[tuple[str, str]] = Counter()
    for dimension, values in decoded.items():
        for value, n in values.items():
            if n:
                out[(dimension, value)] = int(n)
    return out


def as_cells(counts: Counter[tuple[str, str]] | dict[tuple[str, str], int]) -> dict[str, dict[str, int]]:
    """(dimension, value) → count as the stored ``counts`` value: non-zero cells only, sorted."""
    out: dict[str, dict[str, int]] = {}
    for (dimension, value), n in sorted(counts.items()):
        if n:
            out.setdefault(dimension, {})[value] = int(n)
    return out


class AssociationOffice(Model):
    """What an association may know about a member office, as of the last aggregation run.

    Name and slug always (membership is not secret); the shared families, catchment population,
    staff posts and number of sites only while the office shares at least one family. So is whether it
    counts relatives apart from the citizens (``relatives_apart``; yes unless it says no, see
    :func:`saas.contacts.models.relatives_apart`): its report then signs the relatives ``"x"``.
    """

    __tablename__ = "association_offices"
    __table_args__ = (UniqueConstraint("association_id", "office_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(63))
    name: Mapped[str] = mapped_column(String(200))
    families: Mapped[list] = mapped_column(JSON, default=list)
    population: Mapped[int | None] = mapped_column(Integer, nullable=True)
    staff_fte: Mapped[float | None] = mapped_column(Numeric(5, 2), nullable=True)
    sites: Mapped[int | None] = mapped_column(Integer, nullable=True)
    relatives_apart: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AssociationReport(Model):
    """The suppressed report of one association and year, ready to serve (CONTRACTS.md shape)."""

    __tablename__ = "association_reports"
    __table_args__ = (UniqueConstraint("association_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    threshold: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict] = mapped_column(JSON)
    # {"hidden": [cell keys hidden in any table], "ytd": {"M": payload of 1 January … end of month M}}:
    # the year-to-date tables, suppressed together with the year so that no two downloads difference
    # into a small count.
    periods: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    computed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AssociationRelease(Model):
    """One released table of an association: frozen from its release on (a release calendar, as official
    statistics keep one). ``period_end``: 31 March, 30 June, 30 September (the year to date to that day,
    contacts only) or 31 December (the whole year). Stored with it: the true counts it was built from
    (``truth``: family → office → cell → count; aggregate counts, no personal data), its hidden cells and the
    payload as served. A later table of the same year is suppressed together with it held fixed, so the two
    never difference into a small count; contacts entered later into its period change nothing published
    and appear in the next table released. Deleted (and released again) only when an office's consent is
    withdrawn or the threshold changes."""

    __tablename__ = "association_releases"
    __table_args__ = (UniqueConstraint("association_id", "year", "period_end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    period_end: Mapped[dt.date] = mapped_column(Date)
    threshold: Mapped[int] = mapped_column(Integer)
    released_on: Mapped[dt.date] = mapped_column(Date)
    truth: Mapped[dict] = mapped_column(JSON)
    hidden: Mapped[list] = mapped_column(JSON)
    payload: Mapped[dict] = mapped_column(JSON)
    unprotected: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AggregationRun(Model):
    """One run of the aggregation (nightly, on demand, CLI): when, what it did, how it ended."""

    __tablename__ = "association_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int | None] = mapped_column(
        ForeignKey("associations.id", ondelete="CASCADE"), nullable=True, index=True
    )
    trigger: Mapped[str] = mapped_column(String(20), default="nightly")
    status: Mapped[str] = mapped_column(String(10), default=RunStatus.queued.value)
    requested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    periods: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")
