"""The office's directory (Beratungsdatei): topics, groups, their lifecycle history and inquiries.

Other features reference these models: the contact log counts referrals (``GroupInquiry.forwarded_at``),
events and rooms point at ``groups.id``. ``TOPIC_AREAS`` is the one list of topic-area codes.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from saas.directory import ddl
from saas.extensions import Model, db
from tenants.models import Site, utcnow
from tenants.scoping import TenantNotBound, TenantScoped, current_tenant_id

# Topic areas (Themenbereiche): code → German label, in the order the annual report prints them.
TOPIC_AREAS: dict[str, str] = {
    "addiction": "Sucht",
    "chronic_illness": "Chronische Erkrankungen",
    "mental_health": "Psychische Erkrankungen und Belastungen",
    "disability": "Behinderungen",
    "social": "Soziale Selbsthilfe",
}

GROUP_STATUSES: dict[str, str] = {
    "founding": "im Aufbau",
    "active": "aktiv",
    "paused": "pausiert",
    "dissolved": "aufgelöst",
    "abandoned": "Aufbau abgebrochen",
}
# Which status may follow which (the lifecycle of issue #3). Staff may also correct a mistaken status
# back to a live state; the history keeps every step.
STATUS_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "founding": ("active", "abandoned", "paused"),
    "active": ("paused", "dissolved"),
    "paused": ("active", "dissolved"),
    "dissolved": ("active",),
    "abandoned": ("founding",),
}
PUBLIC_STATUSES = ("founding", "active")  # what citizens are offered
LIVE_STATUSES = ("founding", "active", "paused")  # the group exists (counted, bookable, linkable)

VISIBILITIES: dict[str, str] = {"public": "öffentlich", "protected": "geschützt (nur über die Kontaktstelle)"}

AUDIENCES: dict[str, str] = {
    "affected": "Betroffene",
    "relatives": "Angehörige",
    "parents": "Eltern",
    "both": "Betroffene und Angehörige",
}

RHYTHMS: dict[str, str] = {
    "weekly": "wöchentlich",
    "biweekly": "alle 2 Wochen",
    "monthly": "monatlich",
    "irregular": "unregelmäßig",
}
MEETING_MODES: dict[str, str] = {"in_person": "vor Ort", "online": "online", "hybrid": "hybrid"}

INQUIRY_STATES: dict[str, str] = {"open": "offen", "forwarded": "weitergeleitet", "closed": "abgeschlossen"}


def _bound_office() -> int:
    """Rows of the link table belong to the office that writes them (relationship inserts fill this)."""
    tenant_id = current_tenant_id()
    if tenant_id is None:
        raise TenantNotBound("group_topics written without a bound office")
    return tenant_id


group_topics = Table(
    "group_topics",
    db.metadata,
    Column("group_id", ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True),
    # Office-owned like every row that says which group has which topic: Row-Level Security applies.
    Column(
        "tenant_id", ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False, index=True, default=_bound_office
    ),
)


class Topic(TenantScoped, Model):
    """A topic of the office's list (Thema), with synonyms and search words (Stichworte)."""

    __tablename__ = "topics"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    topic_area: Mapped[str | None] = mapped_column(String(30), nullable=True)
    # Comma-separated words people type for this topic: "Alkohol, Trinken" → Alkoholabhängigkeit.
    search_words: Mapped[str] = mapped_column(Text, default="")
    # The seed's asterisk: "… und / oder Angehörige- bzw. Elterngruppe".
    relatives: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    groups: Mapped[list[Group]] = relationship(secondary=group_topics, back_populates="topics", viewonly=True)

    @property
    def synonyms(self) -> list[str]:
        return [w.strip() for w in self.search_words.split(",") if w.strip()]

    @property
    def area_label(self) -> str:
        return TOPIC_AREAS.get(self.topic_area or "", "")

    def __repr__(self) -> str:
        return f"<Topic {self.id}>"


class Group(TenantScoped, Model):
    """A self-help group of the office's directory."""

    __tablename__ = "groups"
    __table_args__ = (
        CheckConstraint("status IN ('founding','active','paused','dissolved','abandoned')", name="status_known"),
        CheckConstraint("visibility IN ('public','protected')", name="visibility_known"),
        CheckConstraint(
            "topic_area IN ('addiction','chronic_illness','mental_health','disability','social')", name="area_known"
        ),
        Index("ix_groups_tenant_status", "tenant_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    topic_area: Mapped[str] = mapped_column(String(30))
    audience: Mapped[str] = mapped_column(String(20), default="affected")
    age_focus: Mapped[str] = mapped_column(String(100), default="")  # e.g. "Junge Selbsthilfe 18–35"
    languages: Mapped[str] = mapped_column(String(200), default="Deutsch")
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"), nullable=True, index=True)

    # Meeting rhythm as structured data; ``meets_note`` keeps what people wrote (CSV import, extras).
    rhythm: Mapped[str | None] = mapped_column(String(20), nullable=True)
    weekday: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 0 = Monday
    nth_weekday: Mapped[int | None] = mapped_column(Integer, nullable=True)  # monthly: 1..4, 5 = last
    time_start: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    time_end: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    meeting_mode: Mapped[str] = mapped_column(String(20), default="in_person")
    meets_note: Mapped[str] = mapped_column(String(300), default="")
    # Step-free access of the meeting place when it is not one of the office's rooms (None: unknown);
    # a group meeting in the office's rooms has the room's accessibility (queries.step_free_condition).
    step_free: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    young: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")  # Junge Selbsthilfe 18–35

    welcomes_new_members: Mapped[bool] = mapped_column(Boolean, default=True)
    visibility: Mapped[str] = mapped_column(String(20), default="public")
    status: Mapped[str] = mapped_column(String(20), default="active")
    status_since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")  # staff only

    # Yearly confirmation by the contact person.
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    confirmation_sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    correction_request: Mapped[str] = mapped_column(Text, default="")

    # Folded (lower case, umlauts folded) search documents, kept by operations.refresh_search();
    # never holds contact data or meeting places.
    search_name: Mapped[str] = mapped_column(Text, default="")
    search_topics: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    site: Mapped[Site | None] = relationship()
    topics: Mapped[list[Topic]] = relationship(secondary=group_topics, order_by="Topic.name")
    contacts: Mapped[list[GroupContactPerson]] = relationship(
        back_populates="group",
        order_by="GroupContactPerson.position, GroupContactPerson.id",
        cascade="all, delete-orphan",
    )
    history: Mapped[list[GroupStatusChange]] = relationship(
        back_populates="group",
        order_by="GroupStatusChange.changed_on.desc(), GroupStatusChange.id.desc()",
        cascade="all, delete-orphan",
    )
    profile_history: Mapped[list[GroupProfileChange]] = relationship(
        back_populates="group",
        order_by="GroupProfileChange.since, GroupProfileChange.id",
        cascade="all, delete-orphan",
    )

    @property
    def is_protected(self) -> bool:
        return self.visibility == "protected"

    @property
    def is_public_listed(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def area_label(self) -> str:
        return TOPIC_AREAS.get(self.topic_area, self.topic_area)

    @property
    def status_label(self) -> str:
        return GROUP_STATUSES.get(self.status, self.status)

    @property
    def audience_label(self) -> str:
        return AUDIENCES.get(self.audience, self.audience)

    def __repr__(self) -> str:
        return f"<Group {self.id}>"


class GroupContactPerson(TenantScoped, Model):
    """A contact person of a group. Personal data: shown publicly only with a recorded consent."""

    __tablename__ = "group_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    public_consent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    group: Mapped[Group] = relationship(back_populates="contacts")

    @property
    def may_be_published(self) -> bool:
        return self.public_consent_at is not None


class GroupStatusChange(TenantScoped, Model):
    """One step of a group's lifecycle: from → to on a date, by whom. The annual figures come from here."""

    __tablename__ = "group_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20), nullable=True)  # None: entry created
    to_status: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    note: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    group: Mapped[Group] = relationship(back_populates="history")

    @property
    def to_label(self) -> str:
        return GROUP_STATUSES.get(self.to_status, self.to_status)

    @property
    def from_label(self) -> str:
        return GROUP_STATUSES.get(self.from_status or "", "")


# Entry fields whose value on a past day the annual report needs (meeting modes and Junge Selbsthilfe
# as of 31 December); every change is kept in :class:`GroupProfileChange`.
PROFILE_FIELDS = ("meeting_mode", "young")


class GroupProfileChange(TenantScoped, Model):
    """The value one profile field of a group has had since a day (one row per field and day; a second
    change on the same day replaces the value). Values are stored as text: ``young`` as "1"/"0"."""

    __tablename__ = "group_profile_changes"
    __table_args__ = (UniqueConstraint("group_id", "field", "since"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(30))
    value: Mapped[str] = mapped_column(String(100), default="")
    since: Mapped[dt.date] = mapped_column(Date, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    group: Mapped[Group] = relationship(back_populates="profile_history")


class GroupInquiry(TenantScoped, Model):
    """A citizen's request to be put in touch with a (protected) group. Deleted 90 days after closing.

    A forward to the group's contact person is a referral (Vermittlung): ``forwarded_at`` and
    ``forwarded_group_id`` are what the contact log counts.
    """

    __tablename__ = "group_inquiries"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("groups.id", ondelete="SET NULL"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(200))  # name or pseudonym
    reach: Mapped[str] = mapped_column(String(300))  # how to reach me
    message: Mapped[str] = mapped_column(Text, default="")
    consent_text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="open")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    forwarded_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    forwarded_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("groups.id", ondelete="SET NULL"), nullable=True, index=True
    )
    forwarded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True, index=True)

    group: Mapped[Group | None] = relationship(foreign_keys=[group_id])
    forwarded_group: Mapped[Group | None] = relationship(foreign_keys=[forwarded_group_id])

    @property
    def state_label(self) -> str:
        return INQUIRY_STATES.get(self.state, self.state)


class SearchRules(Model):
    """The rules the stored search documents were built with (one row, platform-wide, no personal data): a
    fingerprint from ``cli.document_rules``. ``lotse db upgrade`` rebuilds every office's documents when the
    installed code's rules differ, so a change of the search never needs a migration of its own."""

    __tablename__ = "directory_search_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    rules: Mapped[str] = mapped_column(String(64))
    built_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SearchWord(TenantScoped, Model):
    """A word of the office's public search documents: the vocabulary for typo correction."""

    __tablename__ = "directory_search_words"
    __table_args__ = (
        UniqueConstraint("tenant_id", "word"),
        Index("ix_directory_search_words_len", "tenant_id", "length"),
        Index("ix_directory_search_words_word", "word"),  # across all offices: which words any office knows
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(80))
    length: Mapped[int] = mapped_column(Integer)


class GroupInterest(TenantScoped, Model):
    """ "Ich würde bei einer Gruppe zu … mitmachen": a person's interest in a group that does not exist yet.

    Demand for the office: an open founding process on the topic takes the person onto its list at once
    (``founding_id``; the contact data move there), else the founding overview offers the topic as a new
    process (saas/founding/wegweiser.py). Personal data, given with consent; deleted after the office's
    retention period ``wegweiser_interests``.
    """

    __tablename__ = "group_interests"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200), default="", server_default="")  # name or pseudonym
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    consent_text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    handled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    founding_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # a later founding process


class SearchMiss(TenantScoped, Model):
    """How often a search term found nothing. No person, address, cookie or time of day is kept."""

    __tablename__ = "directory_search_misses"
    __table_args__ = (UniqueConstraint("tenant_id", "term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(100))
    count: Mapped[int] = mapped_column(Integer, default=0)
    last_on: Mapped[dt.date] = mapped_column(Date)


class GroupsImport(TenantScoped, Model):
    """A groups CSV file that was imported (its fingerprint), so a re-import is refused."""

    __tablename__ = "groups_imports"
    __table_args__ = (UniqueConstraint("tenant_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# create_all() (tests, demo) builds the search DDL with the table; migrations call ddl.install_ddl themselves.
event.listen(Group.__table__, "after_create", ddl.after_create)
