"""The contact log: anonymous counted contacts, their referrals, precomputed daily counts, imports,
the annual report's narrative chapters and PDF renderings.

A contact row holds codes only (kind, channel, topic area, concern, site, date, counts) and never a
name, phone number, e-mail address or note: there is no column for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from saas.directory.models import TOPIC_AREAS  # also registers the topics and groups tables we point to
from saas.extensions import Model
from saas.founding import models as _founding  # noqa: F401 - registers founding_processes, which contacts point to
from tenants.models import utcnow
from tenants.scoping import TenantScoped

# Codes as in CONTRACTS.md *Contacts CSV*, with their German labels (msgids for _()).
KINDS: dict[str, str] = {
    "citizen": "Bürger*innen",
    "relative": "Angehörige",
    "group": "Selbsthilfegruppen",
    "professional": "Professionelle",
}
CHANNELS: dict[str, str] = {"phone": "Telefonisch", "written": "Schriftlich / E-Mail", "in_person": "Persönlich"}
CONCERNS: dict[str, str] = {
    "seeking_group": "Sucht eine Gruppe",
    "founding_group": "Möchte eine Gruppe gründen",
    "information": "Information",
    "group_support": "Gruppenunterstützung",
    "networking": "Vernetzung",
    "other": "Sonstiges",
}
# How a written contact reached the office (CONTRACTS.md *Contacts CSV* ``medium``): NAKOS asks for e-mail apart.
MEDIA: dict[str, str] = {"email": "E-Mail", "letter": "Brief", "form": "Online-Formular"}
DURATION_MAX = 7 * 24 * 60  # minutes per contact; a larger number is a typing error
DURATION_STEP = 5  # the entry form offers 5-minute steps; imports may carry any whole number
# Kinds whose topic areas make up "inquiries of citizens" (CONTRACTS.md citizen_topic_area_pct).
CITIZEN_KINDS = ("citizen", "relative")
# The citizens' row of an office that counts relatives among them (Dortmund's reports do).
CITIZENS_WITH_RELATIVES = "Bürger*innen (mit Angehörigen)"


def relatives_apart(settings: Mapping[str, Any] | None) -> bool:
    """Whether an office counts relatives apart from the citizens (its ``Tenant.settings["contacts"]
    ["relatives_apart"]``, yes unless it said no). An office that counts them among the citizens shows no
    row of relatives: a 0 there would say that no relative ever called."""
    value = ((settings or {}).get("contacts") or {}).get("relatives_apart", True)
    return value is not False


def counted_kinds(apart: bool) -> dict[str, str]:
    """The kinds of contact an office counts, with their labels (msgids): all of :data:`KINDS`, or without
    the relatives, whose contacts are then part of the citizens' row."""
    if apart:
        return KINDS
    return {k: (CITIZENS_WITH_RELATIVES if k == "citizen" else label) for k, label in KINDS.items() if k != "relative"}


def fold_kinds(by_kind: Mapping[str, int], apart: bool) -> dict[str, int]:
    """Counts by kind as the office counts them (:func:`counted_kinds`): relatives added to the citizens
    unless they are counted apart (contacts recorded as relatives before the office chose so stay counted)."""
    if apart:
        return dict(by_kind)
    return {k: by_kind[k] + (by_kind["relative"] if k == "citizen" else 0) for k in counted_kinds(False)}


TOPIC_TEXT_MAX = 100
REFERRALS_MAX = 1000  # per contact; a larger number is a typing error, not a referral count


def _codes(values: dict[str, str]) -> str:
    return ", ".join(f"'{code}'" for code in values)


class Contact(TenantScoped, Model):
    """One counted inquiry (Kontakt)."""

    __tablename__ = "contacts"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_codes(KINDS)})", name="kind_code"),
        CheckConstraint(f"channel IN ({_codes(CHANNELS)})", name="channel_code"),
        CheckConstraint(f"topic_area IN ({_codes(TOPIC_AREAS)})", name="topic_area_code"),
        CheckConstraint(f"concern IN ({_codes(CONCERNS)})", name="concern_code"),
        CheckConstraint(
            f"referrals_to_groups >= 0 AND referrals_to_groups <= {REFERRALS_MAX}", name="referrals_to_groups_range"
        ),
        CheckConstraint(
            f"referrals_to_professionals >= 0 AND referrals_to_professionals <= {REFERRALS_MAX}",
            name="referrals_to_professionals_range",
        ),
        CheckConstraint(f"medium IS NULL OR medium IN ({_codes(MEDIA)})", name="medium_code"),
        CheckConstraint("medium IS NULL OR channel = 'written'", name="medium_only_written"),
        CheckConstraint(
            f"duration_minutes IS NULL OR (duration_minutes >= 0 AND duration_minutes <= {DURATION_MAX})",
            name="duration_range",
        ),
        Index("ix_contacts_tenant_day", "tenant_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    topic_area: Mapped[str] = mapped_column(String(20))
    # The office's topic when the keyword matched one; the label keeps the name as counted, so the
    # statistics stay the same when a topic is renamed or removed later.
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id", ondelete="SET NULL"), index=True)
    topic_label: Mapped[str] = mapped_column(String(TOPIC_TEXT_MAX), default="")
    topic_unmatched: Mapped[bool] = mapped_column(default=False)  # free text from an import, to be reviewed
    concern: Mapped[str] = mapped_column(String(20), default="other")
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), index=True)
    referrals_to_groups: Mapped[int] = mapped_column(Integer, default=0)
    referrals_to_professionals: Mapped[int] = mapped_column(Integer, default=0)
    medium: Mapped[str | None] = mapped_column(String(10), nullable=True)  # written contacts only
    duration_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The effort a contact belongs to: a founding process or a group being supported (no person, no text).
    founding_process_id: Mapped[int | None] = mapped_column(
        ForeignKey("founding_processes.id", ondelete="SET NULL"), index=True, nullable=True
    )
    supported_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("groups.id", ondelete="SET NULL"), index=True, nullable=True
    )
    import_id: Mapped[int | None] = mapped_column(ForeignKey("contact_imports.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    referrals: Mapped[list[ContactReferral]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", passive_deletes=True
    )


class ContactReferral(TenantScoped, Model):
    """A referral of a contact to one group of the directory (Vermittlung)."""

    __tablename__ = "contact_referrals"
    __table_args__ = (
        UniqueConstraint("contact_id", "group_id"),
        Index("ix_contact_referrals_tenant_group_day", "tenant_id", "group_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    # SET NULL: a group removed from the directory keeps its referrals counted.
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    day: Mapped[dt.date] = mapped_column(Date)  # the contact's day, so "referrals of group X in a year" is one index

    contact: Mapped[Contact] = relationship(back_populates="referrals")


class ContactDailyCount(TenantScoped, Model):
    """Precomputed counts per office, day, site and figure: what the statistics and the report read.

    ``dim``/``key`` name the figure (``kind``/``citizen``, ``kind_area``/``citizen:addiction``,
    ``ref``/``to_groups``, …); ``site`` is the site id or 0. Kept exactly in sync by the operations
    (one upsert per contact change); ``queries.recount`` rebuilds it from the raw rows.
    """

    __tablename__ = "contact_daily_counts"
    __table_args__ = (UniqueConstraint("tenant_id", "day", "site", "dim", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date)
    site: Mapped[int] = mapped_column(Integer, default=0)
    dim: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(TOPIC_TEXT_MAX + 20))
    count: Mapped[int] = mapped_column(Integer, default=0)


class ContactImport(TenantScoped, Model):
    """A contacts CSV file that was imported; the fingerprint refuses the same file twice."""

    __tablename__ = "contact_imports"
    __table_args__ = (Index("ix_contact_imports_tenant_fingerprint", "tenant_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255), default="")
    rows: Mapped[int] = mapped_column(Integer, default=0)
    forced: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


PLACEMENTS: dict[str, str] = {"intro": "vor den Zahlen", "closing": "nach den Zahlen"}


class ReportChapter(TenantScoped, Model):
    """A narrative chapter of the annual report, written by staff, kept per year."""

    __tablename__ = "report_chapters"
    __table_args__ = (CheckConstraint("placement IN ('intro', 'closing')", name="placement_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    placement: Mapped[str] = mapped_column(String(10), default="intro")
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


RENDER_STATES = ("queued", "running", "done", "failed")


class ReportRender(TenantScoped, Model):
    """A PDF of the annual report rendered by the worker; the page polls its state and progress."""

    __tablename__ = "report_renders"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10), default="queued")
    progress: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(String(300), default="")
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
