"""Events of an office (Gesamttreffen, Themenabend, Seminar …) and the people registered for them.

Date and times are local wall-clock values in the event's zone (Europe/Berlin). Registrations hold
personal data (name, e-mail, accessibility needs) only until 30 days after the event; then a beat
task blanks them and the rows stay as anonymous counts.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, Enum, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from saas.core.recurrence import DEFAULT_TZ, local_datetime
from saas.directory.models import Group
from saas.extensions import Model
from tenants.models import utcnow
from tenants.scoping import TenantScoped


class EventKind(enum.StrEnum):
    gesamttreffen = "gesamttreffen"
    themenabend = "themenabend"
    erfahrungsaustausch = "erfahrungsaustausch"
    seminar = "seminar"
    fortbildung = "fortbildung"
    other = "other"

    @property
    def label(self) -> str:
        return {
            "gesamttreffen": "Gesamttreffen",
            "themenabend": "Themenabend",
            "erfahrungsaustausch": "Erfahrungsaustausch",
            "seminar": "Seminar",
            "fortbildung": "Fortbildung",
            "other": "Veranstaltung",
        }[self.value]


class EventStatus(enum.StrEnum):
    draft = "draft"
    published = "published"
    cancelled = "cancelled"

    @property
    def label(self) -> str:
        return {"draft": "Entwurf", "published": "veröffentlicht", "cancelled": "abgesagt"}[self.value]


class CancelReason(enum.StrEnum):
    too_few = "too_few"  # minimum not reached at the decision date
    staff = "staff"  # the office called it off (speaker ill, room lost …)
    other = "other"

    @property
    def label(self) -> str:
        return {
            "too_few": "zu wenige Anmeldungen",
            "staff": "von der Kontaktstelle abgesagt",
            "other": "anderer Grund",
        }[self.value]


class PlaceKind(enum.StrEnum):
    room = "room"
    address = "address"
    online = "online"

    @property
    def label(self) -> str:
        return {"room": "Raum der Kontaktstelle", "address": "andere Adresse", "online": "online"}[self.value]


class Audience(enum.StrEnum):
    members = "members"
    contacts = "contacts"
    public = "public"

    @property
    def label(self) -> str:
        return {
            "members": "Mitglieder aller Selbsthilfegruppen",
            "contacts": "nur Ansprechpersonen der Gruppen",
            "public": "alle Interessierten (öffentlich)",
        }[self.value]


class Event(TenantScoped, Model):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("end_time IS NULL OR end_time > start_time", name="ends_after_start"),
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity_positive"),
        CheckConstraint("min_participants IS NULL OR min_participants > 0", name="minimum_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[EventKind] = mapped_column(Enum(EventKind, native_enum=False, length=30))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    speakers: Mapped[str] = mapped_column(String(300), default="")
    start_date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    tz: Mapped[str] = mapped_column(String(40), default=DEFAULT_TZ)
    place_kind: Mapped[PlaceKind] = mapped_column(Enum(PlaceKind, native_enum=False, length=20))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="SET NULL"), nullable=True)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("room_bookings.id", ondelete="SET NULL"), nullable=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")  # sent only to registered people
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    min_participants: Mapped[int | None] = mapped_column(Integer, nullable=True)
    decision_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    registration_deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    registration_required: Mapped[bool] = mapped_column(Boolean, default=True)
    audience: Mapped[Audience] = mapped_column(Enum(Audience, native_enum=False, length=20), default=Audience.members)
    cost_note: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[EventStatus] = mapped_column(
        Enum(EventStatus, native_enum=False, length=20), default=EventStatus.draft, index=True
    )
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    cancel_reason: Mapped[CancelReason | None] = mapped_column(
        Enum(CancelReason, native_enum=False, length=20), nullable=True
    )
    cancel_note: Mapped[str] = mapped_column(String(500), default="")
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # The minimum check at the decision date: done once; "pending" waits for staff (office setting).
    decision_checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    decision_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    kept_despite_minimum: Mapped[bool] = mapped_column(Boolean, default=False)
    reminder_sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    attendance_recorded_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    personal_data_deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    room = relationship("Room", foreign_keys=[room_id])
    booking = relationship("Booking", foreign_keys=[booking_id])
    registrations: Mapped[list[Registration]] = relationship(
        back_populates="event", order_by="Registration.created_at, Registration.id", cascade="all, delete-orphan"
    )

    @property
    def starts_at(self) -> dt.datetime:
        return local_datetime(self.start_date, self.start_time, self.tz)

    @property
    def ends_at(self) -> dt.datetime:
        if self.end_time is None:
            return self.starts_at + dt.timedelta(hours=2)
        return local_datetime(self.start_date, self.end_time, self.tz)

    @property
    def is_public(self) -> bool:
        return self.status in (EventStatus.published, EventStatus.cancelled) and self.published_at is not None

    @property
    def place_line(self) -> str:
        """Where it happens, as the public sees it (never the online link)."""
        if self.place_kind == PlaceKind.online:
            return "online (den Zugangslink erhalten angemeldete Personen per E-Mail)"
        if self.place_kind == PlaceKind.room and self.room is not None:
            site = self.room.site
            address = site.address_line or (site.tenant.address_line if site.tenant else "")
            return ", ".join(p for p in (self.room.name, site.name, address) if p)
        return self.address


class RegistrationStatus(enum.StrEnum):
    confirmed = "confirmed"
    waitlisted = "waitlisted"
    offered = "offered"  # a place became free; held until ``offered_until``
    cancelled = "cancelled"
    expired = "expired"  # an offer that was not accepted in time

    @property
    def label(self) -> str:
        return {
            "confirmed": "angemeldet",
            "waitlisted": "Warteliste",
            "offered": "Platz angeboten",
            "cancelled": "abgemeldet",
            "expired": "Angebot verfallen",
        }[self.value]


HOLDING = (RegistrationStatus.confirmed, RegistrationStatus.offered)  # statuses that take places
ACTIVE = (RegistrationStatus.confirmed, RegistrationStatus.offered, RegistrationStatus.waitlisted)


class Registration(TenantScoped, Model):
    __tablename__ = "event_registrations"
    __table_args__ = (CheckConstraint("persons >= 1", name="persons_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    status: Mapped[RegistrationStatus] = mapped_column(Enum(RegistrationStatus, native_enum=False, length=20))
    persons: Mapped[int] = mapped_column(Integer, default=1)
    # Personal data: blanked 30 days after the event (``anonymized_at``).
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    accessibility_needs: Mapped[str] = mapped_column(Text, default="")
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"), nullable=True)
    token_nonce: Mapped[str] = mapped_column(String(32), default="")
    offered_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    attended_persons: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(String(10), default="web")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    anonymized_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    event: Mapped[Event] = relationship(back_populates="registrations")
    group: Mapped[Group | None] = relationship(foreign_keys=[group_id])
