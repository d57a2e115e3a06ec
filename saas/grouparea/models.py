"""The group area (Gruppenbereich): what a group's contact person does through a magic link.

Everything a group proposes waits for staff: changes of its directory entry, events, newsletter items
and room requests are stored here with a state and go live only when staff approve them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from saas.directory.models import Group
from saas.extensions import Model
from tenants.models import utcnow
from tenants.scoping import TenantScoped

# What a proposal, submission or request can be in.
STATES: dict[str, str] = {"pending": "wartet auf Freigabe", "approved": "freigegeben", "rejected": "abgelehnt"}
_STATE_CHECK = "state IN ('pending','approved','rejected')"


class GroupSignInToken(TenantScoped, Model):
    """A sign-in link: only the SHA-256 of the token is stored; it works a few times, for minutes."""

    __tablename__ = "group_sign_in_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The contact address the link went to: the session ends when staff remove it from the group.
    email: Mapped[str] = mapped_column(String(254), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)  # first use
    uses: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    group: Mapped[Group] = relationship()


class _Pending:
    """State and decision columns shared by everything that waits for staff."""

    state: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    decision_note: Mapped[str] = mapped_column(String(500), default="")

    @property
    def state_label(self) -> str:
        return STATES.get(self.state, self.state)


class _Editable(_Pending):
    """A submission staff may edit before approving: the group's own values stay in their columns, what
    staff published goes to ``published_json``, so the history shows both."""

    # JSON {field: value} as published (form text: dates "2026-12-03", times "19:00"); None until approved.
    published_json: Mapped[str | None] = mapped_column(Text, nullable=True)

    @property
    def published(self) -> dict[str, Any]:
        return json.loads(self.published_json) if self.published_json else {}

    def submitted_values(self) -> dict[str, Any]:
        """What the group sent, in the shape of :attr:`published`."""
        raise NotImplementedError

    @property
    def edited_fields(self) -> list[str]:
        """The fields staff changed before publishing (empty when published as sent or not yet decided)."""
        published, sent = self.published, self.submitted_values()
        return [field for field, value in published.items() if sent.get(field) != value]


class GroupChangeProposal(_Editable, TenantScoped, Model):
    """Changes of its directory entry a group proposes: only the fields it changed, old and new."""

    __tablename__ = "group_change_proposals"
    __table_args__ = (CheckConstraint(_STATE_CHECK, name="state_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    # JSON {field: {"old": value, "new": value}}, values as form text (times "19:00", booleans true/false).
    changes_json: Mapped[str] = mapped_column(Text, default="{}")

    group: Mapped[Group] = relationship()

    @property
    def changes(self) -> dict[str, dict[str, Any]]:
        return json.loads(self.changes_json or "{}")

    @property
    def published_changes(self) -> dict[str, dict[str, Any]]:
        """What went live, in the shape of :attr:`changes` ({field: {"old", "new"}}): staff may have changed
        a value the group proposed, or one it left as it was."""
        return json.loads(self.published_json) if self.published_json else {}

    @property
    def published(self) -> dict[str, Any]:
        return {field: change["new"] for field, change in self.published_changes.items()}

    def submitted_values(self) -> dict[str, Any]:
        """The group's value of each field it proposed, and of each field staff changed (there: as it was)."""
        sent = {field: change["new"] for field, change in self.changes.items()}
        for field, change in self.published_changes.items():
            sent.setdefault(field, change["old"])
        return sent


class GroupEventSubmission(_Editable, TenantScoped, Model):
    """An event a group submits; approving it creates a published event of the office."""

    __tablename__ = "group_event_submissions"
    __table_args__ = (CheckConstraint(_STATE_CHECK, name="state_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), nullable=True)

    group: Mapped[Group] = relationship()

    def submitted_values(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "start_date": self.start_date.isoformat(),
            "start_time": self.start_time.strftime("%H:%M"),
            "end_time": self.end_time.strftime("%H:%M") if self.end_time else None,
            "address": self.address,
            "description": self.description,
        }


class GroupNewsItem(_Editable, TenantScoped, Model):
    """A contribution for the office's newsletter; staff pick it (approved) into the next issue."""

    __tablename__ = "group_news_items"
    __table_args__ = (CheckConstraint(_STATE_CHECK, name="state_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("newsletter_issues.id", ondelete="SET NULL"), nullable=True)

    group: Mapped[Group] = relationship()

    def submitted_values(self) -> dict[str, Any]:
        return {"title": self.title, "body": self.body}

    @property
    def published_title(self) -> str:
        return str(self.published.get("title", self.title))

    @property
    def published_body(self) -> str:
        return str(self.published.get("body", self.body))


class GroupRoomRequest(_Pending, TenantScoped, Model):
    """A group asks for a room once or recurring; approving it books the room (conflicts refused)."""

    __tablename__ = "group_room_requests"
    __table_args__ = (CheckConstraint(_STATE_CHECK, name="state_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    pattern: Mapped[str] = mapped_column(String(20))  # saas.core.recurrence.Pattern
    start_date: Mapped[dt.date] = mapped_column(Date)
    until_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    note: Mapped[str] = mapped_column(String(500), default="")
    terms_accepted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    terms_text: Mapped[str] = mapped_column(Text)  # the terms as the group accepted them
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("room_bookings.id", ondelete="SET NULL"), nullable=True)

    group: Mapped[Group] = relationship()


# --- funding (§ 20h SGB V and others) -------------------------------------------------------------------

FUNDING_STREAMS: dict[str, str] = {
    "gkv_pauschal": "GKV-Pauschalförderung (§ 20h SGB V)",
    "project": "Projektförderung",
    "municipal": "kommunale Förderung",
}
FUNDING_STATUSES: dict[str, str] = {
    "planned": "geplant",
    "applied": "beantragt",
    "granted": "bewilligt",
    "refused": "abgelehnt",
    "proof_submitted": "Verwendungsnachweis eingereicht",
}
DEADLINE_KINDS: dict[str, str] = {"application": "Antrag", "proof": "Verwendungsnachweis"}


class FundingDeadline(TenantScoped, Model):
    """A deadline the office sets per stream and year: the application, or the proof of spending."""

    __tablename__ = "funding_deadlines"
    __table_args__ = (
        UniqueConstraint("tenant_id", "year", "stream", "kind"),
        CheckConstraint("kind IN ('application','proof')", name="kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    stream: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(20))
    due_on: Mapped[dt.date] = mapped_column(Date, index=True)


class GroupFunding(TenantScoped, Model):
    """One funding stream of one group in one year: amounts applied and granted, status."""

    __tablename__ = "group_fundings"
    __table_args__ = (UniqueConstraint("tenant_id", "group_id", "year", "stream"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    stream: Mapped[str] = mapped_column(String(30))
    amount_applied: Mapped[float | None] = mapped_column(Numeric(10, 2), nullable=True)
    amount_granted: Mapped[float | None] = mapped_column(Numeric(10, 2), nullable=True)
    amount_paid: Mapped[float | None] = mapped_column(Numeric(10, 2), nullable=True)  # paid out so far
    status: Mapped[str] = mapped_column(String(20), default="applied")
    proof_submitted: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    group: Mapped[Group] = relationship()

    @property
    def stream_label(self) -> str:
        return FUNDING_STREAMS.get(self.stream, self.stream)

    @property
    def status_label(self) -> str:
        return FUNDING_STATUSES.get(self.status, self.status)


class FundingReminder(TenantScoped, Model):
    """A reminder that went out (funding × deadline × lead time): the database keeps it from repeating."""

    __tablename__ = "funding_reminders"
    __table_args__ = (UniqueConstraint("funding_id", "deadline_id", "lead_days"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    funding_id: Mapped[int] = mapped_column(ForeignKey("group_fundings.id", ondelete="CASCADE"), index=True)
    deadline_id: Mapped[int] = mapped_column(ForeignKey("funding_deadlines.id", ondelete="CASCADE"), index=True)
    lead_days: Mapped[int] = mapped_column(Integer)  # 28 or 7
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class GroupAreaProfile(TenantScoped, Model):
    """What the group chose in its area: the language of the mails it gets (German or English)."""

    __tablename__ = "group_area_profiles"
    __table_args__ = (UniqueConstraint("group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(5), default="de")
