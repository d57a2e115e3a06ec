"""Rooms of an office's sites, their opening hours, bookings (one-off and recurring) and exceptions.

Times are wall-clock times in the booking's zone (Europe/Berlin): a booking stores its first local
date, its last local date, its local start and end time and the zone name, never an instant, so a
weekly 19.00 booking is 19.00 on both sides of a DST change (see ``saas.core.recurrence``).
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from saas.core.recurrence import DEFAULT_TZ, Pattern, Recurrence
from saas.directory.models import Group
from saas.extensions import Model
from tenants.models import Site, format_office_hours, utcnow
from tenants.scoping import TenantScoped


class Room(TenantScoped, Model):
    """A room at one of the office's sites that groups and events can use."""

    __tablename__ = "rooms"
    __table_args__ = (
        UniqueConstraint("tenant_id", "site_id", "name"),
        CheckConstraint("capacity >= 0", name="capacity_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    capacity: Mapped[int] = mapped_column(Integer, default=0)
    wheelchair_accessible: Mapped[bool] = mapped_column(Boolean, default=False)
    accessibility_note: Mapped[str] = mapped_column(String(300), default="")
    equipment: Mapped[str] = mapped_column(String(500), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    site: Mapped[Site] = relationship()
    opening: Mapped[list[RoomOpening]] = relationship(
        back_populates="room",
        order_by="RoomOpening.weekday, RoomOpening.opens",
        cascade="all, delete-orphan",
    )

    @property
    def opening_lines(self) -> list[str]:
        return format_office_hours(self.opening)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.site.name})"


class RoomOpening(TenantScoped, Model):
    """A weekly opening slot of a room (weekday 0 = Monday), local wall-clock time."""

    __tablename__ = "room_opening_hours"
    __table_args__ = (CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    opens: Mapped[dt.time] = mapped_column(Time)
    closes: Mapped[dt.time] = mapped_column(Time)

    room: Mapped[Room] = relationship(back_populates="opening")


class BookingKind(enum.StrEnum):
    group = "group"
    event = "event"
    other = "other"

    @property
    def label(self) -> str:
        return {"group": "Gruppe", "event": "Veranstaltung", "other": "Sonstiges"}[self.value]


class BookingStatus(enum.StrEnum):
    active = "active"
    cancelled = "cancelled"  # withdrawn before it started (or a one-off called off)


class Booking(TenantScoped, Model):
    """A room booked once or on a rhythm, for a group, an event or something else."""

    __tablename__ = "room_bookings"
    __table_args__ = (
        CheckConstraint("end_time > start_time", name="ends_after_start"),
        CheckConstraint("until_date IS NULL OR until_date >= start_date", name="until_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    kind: Mapped[BookingKind] = mapped_column(
        Enum(BookingKind, native_enum=False, length=20), default=BookingKind.group
    )
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("groups.id", ondelete="SET NULL"), index=True, nullable=True
    )
    title: Mapped[str] = mapped_column(String(200), default="")
    pattern: Mapped[Pattern] = mapped_column(Enum(Pattern, native_enum=False, length=20), default=Pattern.weekly)
    start_date: Mapped[dt.date] = mapped_column(Date, index=True)
    until_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    nth: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    tz: Mapped[str] = mapped_column(String(40), default=DEFAULT_TZ)
    status: Mapped[BookingStatus] = mapped_column(
        Enum(BookingStatus, native_enum=False, length=20), default=BookingStatus.active
    )
    note: Mapped[str] = mapped_column(Text, default="")
    ended_reason: Mapped[str] = mapped_column(String(200), default="")
    renewal_notice_sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    room: Mapped[Room] = relationship()
    group: Mapped[Group | None] = relationship(foreign_keys=[group_id])
    exceptions: Mapped[list[BookingException]] = relationship(
        back_populates="booking", order_by="BookingException.day", cascade="all, delete-orphan"
    )

    @property
    def last_date(self) -> dt.date:
        return self.start_date if self.pattern == Pattern.once else (self.until_date or self.start_date)

    def recurrence(self, extra_skip: frozenset[dt.date] = frozenset()) -> Recurrence:
        skip = frozenset(e.day for e in self.exceptions) | extra_skip
        return Recurrence(self.pattern, self.start_date, self.until_date, self.nth, skip)

    @property
    def rhythm(self) -> str:
        return Recurrence(self.pattern, self.start_date, self.until_date, self.nth).describe()

    @property
    def label(self) -> str:
        """What the booking is for, as staff see it."""
        if self.title:
            return self.title
        if self.group is not None:
            return self.group.name
        return BookingKind(self.kind).label

    @property
    def door_label(self) -> str:
        """The name on the printed door sign: a protected group is not named where anyone can read it."""
        if self.group is not None and self.group.is_protected and not self.title:
            return "Selbsthilfegruppe"
        return self.label


class BookingException(TenantScoped, Model):
    """A date on which a recurring booking does not take place (cancelled by the group, or a holiday)."""

    __tablename__ = "room_booking_exceptions"
    __table_args__ = (UniqueConstraint("booking_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("room_bookings.id", ondelete="CASCADE"), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    booking: Mapped[Booking] = relationship(back_populates="exceptions")


class Closure(TenantScoped, Model):
    """Days on which the rooms are closed (public holidays, Christmas break): for one site or all."""

    __tablename__ = "room_closures"
    __table_args__ = (CheckConstraint("last_day >= first_day", name="last_after_first"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True, nullable=True)
    first_day: Mapped[dt.date] = mapped_column(Date, index=True)
    last_day: Mapped[dt.date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(200))

    site: Mapped[Site | None] = relationship()
