"""Tenant (office), Site, office hours, Association and the office's membership in associations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import groupby
from typing import Protocol

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from saas.core import timeutil
from saas.extensions import Model
from tenants.scoping import TenantScoped

WEEKDAYS_SHORT = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
WEEKDAYS_LONG = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]


utcnow = timeutil.now  # the models' name for it (column defaults); one clock, saas.core.timeutil


class Tenant(Model):
    """A self-help contact office (Kontaktstelle). Not itself scoped: it is the scope."""

    __tablename__ = "tenants"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    legal_body: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    about: Mapped[str] = mapped_column(Text, default="")
    population: Mapped[int | None] = mapped_column(Integer, nullable=True)  # catchment area inhabitants
    staff_fte: Mapped[float | None] = mapped_column(Numeric(5, 2), nullable=True)  # full-time staff posts
    settings: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Bumped with every change that public directory pages show; cached pages of an older version are stale.
    directory_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    sites: Mapped[list[Site]] = relationship(
        back_populates="tenant", order_by="Site.position, Site.id", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Tenant {self.slug}>"

    @property
    def address_line(self) -> str:
        return ", ".join(p for p in (self.street, f"{self.postcode} {self.city}".strip()) if p)


class Site(TenantScoped, Model):
    """A location of an office (Standort), e.g. Unna, Lünen, Schwerte."""

    __tablename__ = "sites"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    tenant: Mapped[Tenant] = relationship(back_populates="sites")
    hours: Mapped[list[OfficeHoursSlot]] = relationship(
        back_populates="site", order_by="OfficeHoursSlot.weekday, OfficeHoursSlot.opens", cascade="all, delete-orphan"
    )

    @property
    def address_line(self) -> str:
        return ", ".join(p for p in (self.street, f"{self.postcode} {self.city}".strip()) if p)

    @property
    def hours_lines(self) -> list[str]:
        return format_office_hours(self.hours)


class OfficeHoursSlot(TenantScoped, Model):
    """One weekly opening slot of a site (Sprechzeit): weekday 0=Monday, from–to, wall-clock time."""

    __tablename__ = "office_hours"
    __table_args__ = (
        CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday_range"),
        CheckConstraint("closes > opens", name="closes_after_opens"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    opens: Mapped[dt.time] = mapped_column(Time)
    closes: Mapped[dt.time] = mapped_column(Time)
    note: Mapped[str] = mapped_column(String(100), default="")

    site: Mapped[Site] = relationship(back_populates="hours")


class WeeklySlot(Protocol):
    """A weekly opening slot: an office's hours (``OfficeHoursSlot``) or a room's (``RoomOpening``)."""

    weekday: int
    opens: dt.time
    closes: dt.time


def format_time(t: dt.time) -> str:
    return f"{t.hour:02d}.{t.minute:02d}"


def format_office_hours(slots: Sequence[WeeklySlot]) -> list[str]:
    """German office hours, one line per time range: ``Mo, Mi, Fr 09.00 – 13.00 Uhr``.

    Days that share a time range are listed together; ranges are ordered by their start time.
    """
    by_range = sorted(slots, key=lambda s: (s.opens, s.closes, s.weekday))
    lines = []
    for (opens, closes), group in groupby(by_range, key=lambda s: (s.opens, s.closes)):
        days = sorted({s.weekday for s in group})
        lines.append(f"{_day_list(days)} {format_time(opens)} – {format_time(closes)} Uhr")
    return lines


def _day_list(days: list[int]) -> str:
    # Three or more consecutive days read better as a range: "Mo – Fr".
    if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
        return f"{WEEKDAYS_SHORT[days[0]]} – {WEEKDAYS_SHORT[days[-1]]}"
    return ", ".join(WEEKDAYS_SHORT[d] for d in days)


class Association(Model):
    """An umbrella association (Verband) that compares its member offices through aggregates."""

    __tablename__ = "associations"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    suppression_threshold: Mapped[int] = mapped_column(Integer, default=5)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


FIGURE_FAMILIES = ("contacts", "groups", "events", "newsletter", "founding", "support", "profile")


class AssociationMember(TenantScoped, Model):
    """An office's membership in an association, with the figure families it agrees to share.

    Office-owned (the consent is the office's decision), so it is tenant-scoped; the association side
    reads it only inside the aggregation's cross-office block.
    """

    __tablename__ = "association_members"
    __table_args__ = (UniqueConstraint("association_id", "tenant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    shared_families: Mapped[list] = mapped_column(JSON, default=list)
    # The office's public groups appear in the association's regional finder (/verband/<slug>/gruppen).
    regional_finder: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    consent_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    association: Mapped[Association] = relationship()
    tenant: Mapped[Tenant] = relationship()


class OfficeLogo(TenantScoped, Model):
    """The office's logo (uploaded by its admin), drawn on the annual report's cover. Stored as a PNG
    of at most 800 px, checked and re-encoded on upload (never served as the uploaded bytes)."""

    __tablename__ = "office_logos"
    __table_args__ = (UniqueConstraint("tenant_id", name="uq_office_logos_tenant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
