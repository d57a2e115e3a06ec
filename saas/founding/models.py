"""Founding support (Gründungsbegleitung) and effort cases (Gruppenbegleitung, Konfliktberatung).

A founding process is one planned group: its topic and site, the people interested in it, and its
milestones up to the founded group (a directory entry with its life-cycle history) or the abandoned
plan. Interested people are the only personal data here: name, how to reach them and their consent,
kept until the process ends and then for the office's retention period (``founding_interests``).

A support case is the effort behind one group's support or conflict counselling: sessions with their
minutes. It names the group, never a person.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from saas.directory.models import Group
from saas.extensions import Model
from saas.rooms.models import Booking
from tenants.models import Site, utcnow
from tenants.scoping import TenantScoped

PROCESS_STATES: dict[str, str] = {"open": "läuft", "founded": "gegründet", "abandoned": "abgebrochen"}
MILESTONES: dict[str, str] = {
    "first_talk": "Erstgespräch",
    "press_notice": "Pressenotiz",
    "first_meeting": "Erstes Treffen im Raum gebucht",
    "invitations_sent": "Einladungen verschickt",
    "founded": "Gruppe gegründet",
    "abandoned": "Aufbau abgebrochen",
}
# Milestones staff record by hand; the others are steps with their own action.
SIMPLE_MILESTONES = ("first_talk", "press_notice")
INTEREST_SOURCES: dict[str, str] = {
    "inquiry": "Anfrage",
    "contact": "Kontakt (Telefon, Sprechstunde)",
    "form": "Wegweiser-Formular",
    "staff": "von der Kontaktstelle eingetragen",
}
INTEREST_STATES: dict[str, str] = {
    "waiting": "wartet",
    "invited": "eingeladen",
    "joined": "in der Gruppe",
    "withdrawn": "zurückgezogen",
}
WAITING_STATES = ("waiting", "invited")
CASE_KINDS: dict[str, str] = {"group_support": "Gruppenbegleitung", "conflict": "Konfliktberatung"}
SESSION_MINUTES_MAX = 24 * 60
DEFAULT_THRESHOLD = 5


def _codes(values: dict[str, str]) -> str:
    return ", ".join(f"'{code}'" for code in values)


class FoundingProcess(TenantScoped, Model):
    """One planned group, from the first interest to the founded group or the abandoned plan."""

    __tablename__ = "founding_processes"
    __table_args__ = (
        CheckConstraint(f"state IN ({_codes(PROCESS_STATES)})", name="state_code"),
        Index("ix_founding_processes_tenant_state", "tenant_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_name: Mapped[str] = mapped_column(String(120))
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id", ondelete="SET NULL"), nullable=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"), nullable=True)
    state: Mapped[str] = mapped_column(String(20), default="open")
    started_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    abandoned_reason: Mapped[str] = mapped_column(String(300), default="")
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("groups.id", ondelete="SET NULL"), nullable=True, index=True
    )
    first_booking_id: Mapped[int | None] = mapped_column(
        ForeignKey("room_bookings.id", ondelete="SET NULL"), nullable=True
    )
    # People ever put on the list: a count that survives the deletion of their data after the retention period.
    interested_count: Mapped[int] = mapped_column(Integer, default=0)
    threshold_reached_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    site: Mapped[Site | None] = relationship()
    group: Mapped[Group | None] = relationship()
    first_booking: Mapped[Booking | None] = relationship()
    milestones: Mapped[list[FoundingMilestone]] = relationship(
        back_populates="process", order_by="FoundingMilestone.on, FoundingMilestone.id", cascade="all, delete-orphan"
    )
    interests: Mapped[list[FoundingInterest]] = relationship(
        back_populates="process", order_by="FoundingInterest.id", cascade="all, delete-orphan"
    )

    @property
    def title(self) -> str:
        return f"{self.topic_name} – {self.site.name}" if self.site is not None else self.topic_name

    def milestone(self, kind: str) -> FoundingMilestone | None:
        return next((m for m in self.milestones if m.kind == kind), None)

    @property
    def waiting(self) -> int:
        return sum(1 for i in self.interests if i.state in WAITING_STATES)


class FoundingMilestone(TenantScoped, Model):
    __tablename__ = "founding_milestones"
    __table_args__ = (CheckConstraint(f"kind IN ({_codes(MILESTONES)})", name="kind_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("founding_processes.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    process: Mapped[FoundingProcess] = relationship(back_populates="milestones")


class FoundingInterest(TenantScoped, Model):
    """A person interested in a planned group, with consent; deleted after the retention period."""

    __tablename__ = "founding_interests"
    __table_args__ = (
        CheckConstraint(f"source IN ({_codes(INTEREST_SOURCES)})", name="source_code"),
        CheckConstraint(f"state IN ({_codes(INTEREST_STATES)})", name="state_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("founding_processes.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))  # name or pseudonym
    reach: Mapped[str] = mapped_column(String(300))  # phone or e-mail, as the person gave it
    consent_text: Mapped[str] = mapped_column(Text)
    consented_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    source: Mapped[str] = mapped_column(String(20), default="staff")
    state: Mapped[str] = mapped_column(String(20), default="waiting")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # From when the retention period runs: the process ended or the person withdrew.
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True, index=True)

    process: Mapped[FoundingProcess] = relationship(back_populates="interests")


class SupportCase(TenantScoped, Model):
    """Group support or conflict counselling for one group, counted in sessions and minutes."""

    __tablename__ = "support_cases"
    __table_args__ = (CheckConstraint(f"kind IN ({_codes(CASE_KINDS)})", name="kind_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("groups.id", ondelete="SET NULL"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="group_support")
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    group: Mapped[Group | None] = relationship()
    sessions: Mapped[list[SupportSession]] = relationship(
        back_populates="case", order_by="SupportSession.day, SupportSession.id", cascade="all, delete-orphan"
    )

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.sessions)


class SupportSession(TenantScoped, Model):
    __tablename__ = "support_sessions"
    __table_args__ = (
        CheckConstraint(f"minutes >= 0 AND minutes <= {SESSION_MINUTES_MAX}", name="minutes_range"),
        Index("ix_support_sessions_tenant_day", "tenant_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("support_cases.id", ondelete="CASCADE"), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)

    case: Mapped[SupportCase] = relationship(back_populates="sessions")
