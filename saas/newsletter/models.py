"""Newsletter data: subscribers with their consent proof, the suppression list, issues, the delivery
ledger, the send jobs (transactional outbox) and bounce reports.

Timestamps are UTC. Lease and pacing times of the sending machinery are epoch seconds (floats): they
are compared across processes and must not depend on how a database stores time zones.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib

from sqlalchemy import (
    JSON,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from saas.extensions import Model
from tenants.models import utcnow
from tenants.scoping import TenantScoped


def email_hash(email: str) -> str:
    """The suppression key: SHA-256 of the normalised address (the address itself is not kept)."""
    return hashlib.sha256(("lotse-newsletter:" + email.strip().lower()).encode()).hexdigest()


class SubscriberStatus(enum.StrEnum):
    pending = "pending"  # signed up, confirmation link not yet clicked
    confirmed = "confirmed"  # receives the newsletter
    disabled = "disabled"  # bounced: kept with the reason, never mailed
    unsubscribed = "unsubscribed"  # anonymised; only the suppression entry remembers the address
    erased = "erased"  # anonymised on request (Art. 17 DSGVO)

    @property
    def label(self) -> str:
        return {
            "pending": "Bestätigung ausstehend",
            "confirmed": "Angemeldet",
            "disabled": "Gesperrt (Unzustellbar)",
            "unsubscribed": "Abgemeldet",
            "erased": "Gelöscht",
        }[self.value]


class ConsentSource(enum.StrEnum):
    form = "form"
    import_ = "import"
    demo = "demo"

    @property
    def label(self) -> str:
        return {"form": "Anmeldeformular", "import": "Import", "demo": "Demo-Daten"}[self.value]


class ConsentText(TenantScoped, Model):
    """A version of the consent text exactly as a person saw it (stored once per office and wording)."""

    __tablename__ = "newsletter_consent_texts"
    __table_args__ = (UniqueConstraint("tenant_id", "digest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Subscriber(TenantScoped, Model):
    """One address on an office's list, with the proof of consent (when, which text, confirmed when, source).

    When a person leaves (unsubscribe, Art. 17) the row is anonymised: address, name and consent data are
    cleared; the dates stay for the yearly figures. The address survives only as a hash in Suppression.
    """

    __tablename__ = "newsletter_subscribers"
    __table_args__ = (
        UniqueConstraint("tenant_id", "email"),
        UniqueConstraint("token"),
        Index("ix_newsletter_subscribers_tenant_status", "tenant_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[SubscriberStatus] = mapped_column(
        Enum(SubscriberStatus, native_enum=False, length=20), default=SubscriberStatus.pending
    )
    token: Mapped[str] = mapped_column(String(64))  # random; identifies the person in unsubscribe links
    source: Mapped[ConsentSource] = mapped_column(Enum(ConsentSource, native_enum=False, length=20))
    consent_text_id: Mapped[int | None] = mapped_column(
        ForeignKey("newsletter_consent_texts.id", ondelete="SET NULL"), nullable=True
    )
    consented_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    confirmation_sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    disabled_reason: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    consent_text: Mapped[ConsentText | None] = relationship()


class SuppressionReason(enum.StrEnum):
    unsubscribed = "unsubscribed"
    hard_bounce = "hard_bounce"
    erased = "erased"

    @property
    def label(self) -> str:
        return {"unsubscribed": "Abgemeldet", "hard_bounce": "Unzustellbar", "erased": "Gelöscht (Art. 17)"}[self.value]


class Suppression(TenantScoped, Model):
    """An address that must never be mailed again, kept only as a hash."""

    __tablename__ = "newsletter_suppressions"
    __table_args__ = (UniqueConstraint("tenant_id", "email_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email_hash: Mapped[str] = mapped_column(String(64))
    reason: Mapped[SuppressionReason] = mapped_column(Enum(SuppressionReason, native_enum=False, length=20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class NewsletterSettings(TenantScoped, Model):
    """Per office: consent text, welcome mail, sending rate, bounce token; and the shared pacing cursor."""

    __tablename__ = "newsletter_settings"
    __table_args__ = (UniqueConstraint("tenant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consent_text: Mapped[str] = mapped_column(Text)
    welcome_subject: Mapped[str] = mapped_column(String(200))
    welcome_body: Mapped[str] = mapped_column(Text)
    rate_per_second: Mapped[float] = mapped_column(Float, default=20.0)  # 0 = no limit
    bounce_token_hash: Mapped[str] = mapped_column(String(64), default="")
    # Epoch second up to which sending slots are handed out (shared by all workers of this office).
    rate_cursor: Mapped[float] = mapped_column(Float, default=0.0)


class IssueStatus(enum.StrEnum):
    draft = "draft"
    scheduled = "scheduled"
    queued = "queued"  # handed to the workers, recipients not yet fixed
    sending = "sending"
    sent = "sent"

    @property
    def label(self) -> str:
        return {
            "draft": "Entwurf",
            "scheduled": "Geplant",
            "queued": "In der Warteschlange",
            "sending": "Wird versendet",
            "sent": "Versendet",
        }[self.value]


class Issue(TenantScoped, Model):
    """One newsletter issue. ``html``/``text`` are the rendered body, fixed when sending starts."""

    __tablename__ = "newsletter_issues"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(200))
    body_md: Mapped[str] = mapped_column(Text, default="")
    blocks: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[IssueStatus] = mapped_column(
        Enum(IssueStatus, native_enum=False, length=20), default=IssueStatus.draft
    )
    scheduled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    recipients: Mapped[int] = mapped_column(Integer, default=0)
    html: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class JobKind(enum.StrEnum):
    plan = "plan"  # fix the recipients, write the ledger rows and the batch jobs
    batch = "batch"  # send the deliveries of one batch


class JobState(enum.StrEnum):
    pending = "pending"  # written in the business transaction; not yet handed to the broker
    queued = "queued"  # handed to the broker at dispatched_at
    running = "running"  # a worker holds the lease
    done = "done"


class SendJob(TenantScoped, Model):
    """The transactional outbox of the sending machinery (see workers/newsletter.py for the reasoning).

    A job row is committed together with the business change that needs it; the broker message is only
    a doorbell. The sweeper (beat) re-rings for jobs that are pending, lost in the broker, or whose
    worker died (lease expired).
    """

    __tablename__ = "newsletter_send_jobs"
    __table_args__ = (Index("ix_newsletter_send_jobs_tenant_state", "tenant_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("newsletter_issues.id", ondelete="CASCADE"), index=True)
    kind: Mapped[JobKind] = mapped_column(Enum(JobKind, native_enum=False, length=10))
    state: Mapped[JobState] = mapped_column(Enum(JobState, native_enum=False, length=10), default=JobState.pending)
    not_before: Mapped[float] = mapped_column(Float, default=0.0)
    dispatched_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    holder: Mapped[str | None] = mapped_column(String(64), nullable=True)
    lease_until: Mapped[float | None] = mapped_column(Float, nullable=True)
    claims: Mapped[int] = mapped_column(Integer, default=0)
    retries: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DeliveryStatus(enum.StrEnum):
    pending = "pending"
    sending = "sending"  # handed (or about to be handed) to SMTP; outcome unknown until marked
    deferred = "deferred"  # temporary refusal; retried with back-off
    sent = "sent"
    failed = "failed"
    skipped = "skipped"  # the subscriber left or was disabled before their turn

    @property
    def label(self) -> str:
        return {
            "pending": "Wartet",
            "sending": "Wird gesendet",
            "deferred": "Verschoben",
            "sent": "Gesendet",
            "failed": "Fehlgeschlagen",
            "skipped": "Übersprungen",
        }[self.value]


FINAL_DELIVERY = (DeliveryStatus.sent, DeliveryStatus.failed, DeliveryStatus.skipped)


class Delivery(TenantScoped, Model):
    """The delivery ledger: one row per (issue, subscriber), written before the mail goes to SMTP."""

    __tablename__ = "newsletter_deliveries"
    __table_args__ = (
        UniqueConstraint("issue_id", "subscriber_id"),
        Index("ix_newsletter_deliveries_issue_status", "issue_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("newsletter_issues.id", ondelete="CASCADE"))
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("newsletter_subscribers.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("newsletter_send_jobs.id", ondelete="CASCADE"), index=True)
    status: Mapped[DeliveryStatus] = mapped_column(
        Enum(DeliveryStatus, native_enum=False, length=10), default=DeliveryStatus.pending
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(String(500), default="")
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class BounceKind(enum.StrEnum):
    hard = "hard"
    soft = "soft"


class Bounce(TenantScoped, Model):
    """A bounce report scored against a subscriber (deleted with the person on erasure)."""

    __tablename__ = "newsletter_bounces"

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("newsletter_subscribers.id", ondelete="CASCADE"), index=True)
    kind: Mapped[BounceKind] = mapped_column(Enum(BounceKind, native_enum=False, length=10))
    status_code: Mapped[str] = mapped_column(String(20), default="")
    diagnostic: Mapped[str] = mapped_column(String(300), default="")
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("newsletter_issues.id", ondelete="SET NULL"), nullable=True)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class InboundMail(Model):
    """A mail taken from the bounce mailbox and acted on, by fingerprint (SHA-256 of its bytes).

    Stored in the same transaction as the mail's effects, so a mail left in the mailbox by a crash before
    its deletion is recognised and not counted twice (saas.newsletter.mailbox). Platform-wide: the mail
    may concern several offices; it holds no personal data. Kept 90 days.
    """

    __tablename__ = "newsletter_inbound_mails"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    processed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
