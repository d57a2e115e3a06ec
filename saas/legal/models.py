"""What an office publishes about itself by law, and every version of its privacy notice."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, DateTime, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from saas.extensions import Model
from tenants.models import utcnow
from tenants.scoping import TenantScoped

# § 5 DDG: the fields without which the Impressum is incomplete (and the office is not live).
IMPRESSUM_REQUIRED = (
    "operator_name",
    "legal_form",
    "street",
    "postcode",
    "city",
    "representatives",
    "email",
    "phone",
    "register_entry",
    "content_responsible",
)


class OfficeLegal(TenantScoped, Model):
    """One row per office: Impressum data, additions to the privacy notice, accessibility statement, Leichte
    Sprache. Kept apart from ``tenants`` so the office profile (what the home page shows) and the legal
    publisher (often the Träger, not the office) can differ."""

    __tablename__ = "office_legal"
    __table_args__ = (UniqueConstraint("tenant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Impressum (§ 5 DDG, § 18 Abs. 2 MStV)
    operator_name: Mapped[str] = mapped_column(String(200), default="")
    legal_form: Mapped[str] = mapped_column(String(100), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    representatives: Mapped[str] = mapped_column(String(500), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    register_entry: Mapped[str] = mapped_column(String(300), default="")
    vat_id: Mapped[str] = mapped_column(String(30), default="")
    supervisory_authority: Mapped[str] = mapped_column(String(300), default="")
    content_responsible: Mapped[str] = mapped_column(String(300), default="")
    # Datenschutz
    dpo_contact: Mapped[str] = mapped_column(String(500), default="")
    privacy_authority: Mapped[str] = mapped_column(String(500), default="")
    privacy_extra: Mapped[str] = mapped_column(Text, default="")
    # Barrierefreiheit
    a11y_status: Mapped[str] = mapped_column(String(20), default="partial")
    a11y_gaps: Mapped[str] = mapped_column(Text, default="")
    a11y_reviewed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # Leichte Sprache (empty: the default text)
    easy_language: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    @property
    def missing(self) -> list[str]:
        return [name for name in IMPRESSUM_REQUIRED if not (getattr(self, name) or "").strip()]

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def address_line(self) -> str:
        return ", ".join(p for p in (self.street, f"{self.postcode} {self.city}".strip()) if p)


class PrivacyNoticeVersion(TenantScoped, Model):
    """One published version of an office's privacy notice, kept with its date (Art. 5 (2) DSGVO: the
    office must be able to show what it told people when)."""

    __tablename__ = "privacy_notice_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    sections: Mapped[list] = mapped_column(JSON, default=list)  # [{"heading": str, "paragraphs": [str]}]
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
