"""Writes about subscribers: double opt-in, consent proof, unsubscribe, erasure, import, bounces.

Flush, never commit (views and CLI commit). Mails are queued to go out after the commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import delete, select

from saas.core.csvio import CSVError, ImportRefused, RowErrors, read_rows
from saas.core.errors import DomainError
from saas.core.timeutil import now
from saas.extensions import db, rowcount
from saas.newsletter import mails
from saas.newsletter.models import (
    Bounce,
    ConsentSource,
    ConsentText,
    NewsletterSettings,
    Subscriber,
    SubscriberStatus,
    Suppression,
    SuppressionReason,
    email_hash,
)
from tenants.models import Tenant

CONFIRM_MAX_AGE = 7 * 24 * 3600
UNCONFIRMED_DAYS = 7
RESEND_AFTER = dt.timedelta(minutes=10)  # at most one confirmation mail per address and 10 minutes
MAX_CONSENT_TEXT = 5000

DEFAULT_CONSENT = (
    "Ich möchte den Newsletter der {office} per E-Mail erhalten (etwa sechs Ausgaben im Jahr). "
    "Meine E-Mail-Adresse und – falls angegeben – mein Name werden nur dafür gespeichert und nicht weitergegeben. "
    "Ich kann den Newsletter jederzeit mit einem Klick abbestellen."
)
DEFAULT_WELCOME_SUBJECT = "Willkommen beim Newsletter der {office}"
DEFAULT_WELCOME_BODY = (
    "## Herzlich willkommen!\n\n"
    "Vielen Dank für Ihre Bestätigung. Ab jetzt erhalten Sie unseren Newsletter mit Neuigkeiten aus der "
    "Selbsthilfe: neue Gruppen, Gruppen im Aufbau und Veranstaltungen.\n\n"
    "Sie können den Newsletter jederzeit über den Link am Ende jeder E-Mail abbestellen."
)


class NewsletterError(DomainError):
    """A request that cannot be carried out; the message is German and shown to the user."""


def normalise_email(raw: str) -> str:
    """Lower-cased address with an ASCII domain; raises NewsletterError for anything else."""
    try:
        result = validate_email((raw or "").strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise NewsletterError("Bitte geben Sie eine gültige E-Mail-Adresse an.") from exc
    address = result.ascii_email
    if not address or len(address) > 254:
        raise NewsletterError("Bitte geben Sie eine E-Mail-Adresse ohne Sonderzeichen vor dem @ an.")
    return address.lower()


def get_settings(tenant: Tenant) -> NewsletterSettings:
    settings = db.session.scalar(select(NewsletterSettings))
    if settings is None:
        settings = NewsletterSettings(
            tenant_id=tenant.id,
            consent_text=DEFAULT_CONSENT.format(office=tenant.name),
            welcome_subject=DEFAULT_WELCOME_SUBJECT.format(office=tenant.name)[:200],
            welcome_body=DEFAULT_WELCOME_BODY,
            rate_per_second=float(current_app.config.get("NEWSLETTER_DEFAULT_RATE", 20)),
        )
        db.session.add(settings)
        db.session.flush()
    return settings


def consent_text(body: str) -> ConsentText:
    body = body.strip()
    digest = hashlib.sha256(body.encode()).hexdigest()
    text = db.session.scalar(select(ConsentText).where(ConsentText.digest == digest))
    if text is None:
        text = ConsentText(digest=digest, body=body)
        db.session.add(text)
        db.session.flush()
    return text


def find_subscriber(email: str) -> Subscriber | None:
    return db.session.scalar(select(Subscriber).where(Subscriber.email == email))


def is_suppressed(email: str) -> bool:
    return db.session.scalar(select(Suppression.id).where(Suppression.email_hash == email_hash(email))) is not None


# --- double opt-in ---------------------------------------------------------------------------------


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="lotse-newsletter-confirm")


def confirm_link(tenant: Tenant, subscriber: Subscriber) -> str:
    token = _serializer().dumps([tenant.id, subscriber.id, subscriber.token[:12]])
    return f"{mails.base_url()}/{tenant.slug}/newsletter/bestaetigen/{token}"


def subscriber_for_confirm_token(tenant: Tenant, token: str) -> Subscriber | None:
    """The person a confirmation link names, if the link is genuine, fresh and still applies."""
    try:
        data = _serializer().loads(token, max_age=CONFIRM_MAX_AGE)
    except (BadSignature, SignatureExpired):
        return None
    if not (isinstance(data, list) and len(data) == 3 and data[0] == tenant.id):
        return None
    subscriber = db.session.get(Subscriber, data[1])
    if subscriber is None or subscriber.email is None or subscriber.token[:12] != data[2]:
        return None
    return subscriber


def _send_confirmation(tenant: Tenant, subscriber: Subscriber, settings: NewsletterSettings) -> None:
    last = subscriber.confirmation_sent_at
    if last is not None and last.replace(tzinfo=last.tzinfo or dt.UTC) > now() - RESEND_AFTER:
        return
    subscriber.confirmation_sent_at = now()
    body = subscriber.consent_text.body if subscriber.consent_text else settings.consent_text
    mails.send_confirmation(tenant, subscriber, confirm_link(tenant, subscriber), body)


def subscribe(
    tenant: Tenant, raw_email: str, name: str, shown_consent: str, *, source: ConsentSource = ConsentSource.form
) -> None:
    """A sign-up from the public form. Whatever the address's state, the caller shows the same page."""
    email = normalise_email(raw_email)
    settings = get_settings(tenant)
    subscriber = find_subscriber(email)
    if subscriber is None:
        subscriber = Subscriber(
            tenant_id=tenant.id,
            email=email,
            name=name.strip()[:200],
            status=SubscriberStatus.pending,
            token=secrets.token_urlsafe(24),
            source=source,
            consent_text=consent_text(shown_consent),
            consented_at=now(),
        )
        db.session.add(subscriber)
        db.session.flush()
        _send_confirmation(tenant, subscriber, settings)
    elif subscriber.status == SubscriberStatus.confirmed:
        last = subscriber.confirmation_sent_at
        if last is None or last.replace(tzinfo=last.tzinfo or dt.UTC) <= now() - RESEND_AFTER:
            subscriber.confirmation_sent_at = now()
            mails.send_already_subscribed(tenant, subscriber)
    else:  # pending or disabled: a fresh consent, confirmed by the link as before
        subscriber.consent_text = consent_text(shown_consent)
        subscriber.consented_at = now()
        subscriber.source = source
        if name.strip():
            subscriber.name = name.strip()[:200]
        _send_confirmation(tenant, subscriber, settings)


def confirm(tenant: Tenant, subscriber: Subscriber) -> bool:
    """The click on the confirmation link. Returns False if the person was already confirmed."""
    if subscriber.status == SubscriberStatus.confirmed:
        return False
    subscriber.status = SubscriberStatus.confirmed
    subscriber.confirmed_at = now()
    subscriber.ended_at = None
    subscriber.disabled_reason = ""
    if subscriber.consented_at is None:
        subscriber.consented_at = subscriber.confirmed_at
    if subscriber.consent_text_id is None and subscriber.consent_text is None:
        subscriber.consent_text = consent_text(get_settings(tenant).consent_text)
    db.session.execute(delete(Bounce).where(Bounce.subscriber_id == subscriber.id))
    # A person who left once may come back: their confirmation lifts the suppression.
    db.session.execute(delete(Suppression).where(Suppression.email_hash == email_hash(subscriber.email or "")))
    db.session.flush()
    mails.send_welcome(tenant, subscriber, get_settings(tenant))
    return True


# --- leaving ---------------------------------------------------------------------------------------


def suppress(email: str, reason: SuppressionReason) -> None:
    digest = email_hash(email)
    if db.session.scalar(select(Suppression).where(Suppression.email_hash == digest)) is None:
        db.session.add(Suppression(email_hash=digest, reason=reason))
        db.session.flush()


def _anonymise(subscriber: Subscriber, status: SubscriberStatus) -> None:
    subscriber.email = None
    subscriber.name = ""
    subscriber.consent_text_id = None
    subscriber.consented_at = None
    subscriber.disabled_reason = ""
    subscriber.status = status
    subscriber.ended_at = subscriber.ended_at if status == SubscriberStatus.erased and subscriber.ended_at else now()
    db.session.execute(delete(Bounce).where(Bounce.subscriber_id == subscriber.id))
    db.session.flush()


def unsubscribe(subscriber: Subscriber) -> bool:
    """One-click unsubscribe: the address becomes a suppression hash. False if nothing was left to do."""
    if subscriber.email is None:
        return False
    if subscriber.status == SubscriberStatus.pending:
        # Never confirmed: the sign-up is simply discarded ("Anmeldung verwerfen"), nothing to remember.
        db.session.delete(subscriber)
        db.session.flush()
        return True
    suppress(subscriber.email, SuppressionReason.unsubscribed)
    _anonymise(subscriber, SubscriberStatus.unsubscribed)
    return True


@dataclass
class ErasureResult:
    subscriber_erased: bool
    suppression_removed: bool


def erase(raw_email: str, *, keep_suppression: bool) -> ErasureResult:
    """Art. 17 DSGVO: remove a person's data. With ``keep_suppression`` the address stays blocked (as a hash)."""
    email = normalise_email(raw_email)
    subscriber = find_subscriber(email)
    erased = False
    if subscriber is not None:
        if subscriber.status == SubscriberStatus.pending:
            db.session.delete(subscriber)
            db.session.flush()
        else:
            _anonymise(subscriber, SubscriberStatus.erased)
        erased = True
    removed = False
    if keep_suppression:
        if erased:
            suppress(email, SuppressionReason.erased)
    else:
        removed = bool(
            rowcount(db.session.execute(delete(Suppression).where(Suppression.email_hash == email_hash(email))))
        )
    return ErasureResult(erased, removed)


def disable(subscriber: Subscriber, reason: str) -> None:
    if subscriber.status in (SubscriberStatus.unsubscribed, SubscriberStatus.erased):
        return
    subscriber.status = SubscriberStatus.disabled
    subscriber.disabled_reason = reason[:300]
    subscriber.ended_at = now()
    db.session.flush()


def cleanup_unconfirmed(at: dt.datetime | None = None) -> int:
    """Delete sign-ups not confirmed in time (7 days unless the office set otherwise; office bound)."""
    from saas.privacy.retention import retention_days

    cutoff = (at or now()) - dt.timedelta(days=retention_days("newsletter_unconfirmed"))
    result = db.session.execute(
        delete(Subscriber).where(Subscriber.status == SubscriberStatus.pending, Subscriber.created_at < cutoff)
    )
    return rowcount(result) or 0


def purge_inbound_fingerprints() -> None:
    """Forget processed bounce mails after 90 days (platform-wide; they only guard against a crash between
    commit and deletion)."""
    from saas.newsletter.models import InboundMail

    db.session.execute(delete(InboundMail).where(InboundMail.processed_at < now() - dt.timedelta(days=90)))


# --- import / export -------------------------------------------------------------------------------

IMPORT_COLUMNS = {"email", "name", "consented_at", "consent_text"}


class ImportRowsError(NewsletterError, ImportRefused):
    """The subscriber import stored nothing; ``errors`` lists every reason."""

    def __init__(self, errors: list[str]) -> None:
        ImportRefused.__init__(self, errors)


@dataclass
class ImportResult:
    confirmed: int = 0
    invited: int = 0
    skipped_existing: int = 0
    skipped_suppressed: int = 0
    notes: list[str] = field(default_factory=list)


def _parse_consented_at(value: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError("consented_at must be YYYY-MM-DD or an ISO date-time") from exc
    if parsed.tzinfo is None:
        from saas.core.timeutil import OFFICE_TZ

        parsed = parsed.replace(tzinfo=OFFICE_TZ)
    parsed = parsed.astimezone(dt.UTC)
    if parsed > now() + dt.timedelta(minutes=5):
        raise ValueError("consented_at lies in the future")
    return parsed


def import_subscribers(tenant: Tenant, data: bytes) -> ImportResult:
    """CSV ``email,name,consented_at,consent_text``; all-or-nothing. Rows with consent are subscribed,
    rows without get the double-opt-in mail (and nothing else until they confirm)."""
    errors = RowErrors()
    rows: list[tuple[str, str, dt.datetime | None, str]] = []
    seen: dict[str, int] = {}
    try:
        for line, row in read_rows(data, required={"email"}, known=IMPORT_COLUMNS):
            if "__error__" in row:
                errors.add(line, row["__error__"])
                continue
            try:
                email = normalise_email(row.get("email", ""))
            except NewsletterError:
                errors.add(line, f"invalid e-mail address {row.get('email', '')[:80]!r}")
                continue
            if email in seen:
                errors.add(line, f"e-mail address appears twice (also line {seen[email]})")
                continue
            seen[email] = line
            name = row.get("name", "")
            if len(name) > 200:
                errors.add(line, "name longer than 200 characters")
                continue
            consented_at = None
            text = row.get("consent_text", "")
            if row.get("consented_at"):
                try:
                    consented_at = _parse_consented_at(row["consented_at"])
                except ValueError as exc:
                    errors.add(line, str(exc))
                    continue
                if not text:
                    errors.add(line, "consent_text is required when consented_at is given (proof of consent)")
                    continue
            if len(text) > MAX_CONSENT_TEXT:
                errors.add(line, f"consent_text longer than {MAX_CONSENT_TEXT} characters")
                continue
            rows.append((email, name, consented_at, text))
    except CSVError as exc:
        raise ImportRowsError([str(exc)]) from exc
    if errors:
        raise ImportRowsError(errors.errors)
    if not rows:
        raise ImportRowsError(["the file has no data rows"])
    return _apply_import(tenant, rows)


def _apply_import(tenant: Tenant, rows: list[tuple[str, str, dt.datetime | None, str]]) -> ImportResult:
    settings = get_settings(tenant)
    result = ImportResult()
    existing = set(db.session.scalars(select(Subscriber.email).where(Subscriber.email.is_not(None))))
    suppressed = set(db.session.scalars(select(Suppression.email_hash)))
    texts: dict[str, ConsentText] = {}
    for email, name, consented_at, text in rows:
        if email in existing:
            result.skipped_existing += 1
            continue
        if email_hash(email) in suppressed:
            result.skipped_suppressed += 1  # they left: an old consent does not bring them back
            continue
        subscriber = Subscriber(
            tenant_id=tenant.id,
            email=email,
            name=name[:200],
            token=secrets.token_urlsafe(24),
            source=ConsentSource.import_,
        )
        if consented_at is not None:
            if text not in texts:
                texts[text] = consent_text(text)
            subscriber.consent_text = texts[text]
            subscriber.consented_at = consented_at
            subscriber.confirmed_at = consented_at
            subscriber.status = SubscriberStatus.confirmed
            result.confirmed += 1
        else:
            subscriber.status = SubscriberStatus.pending
            result.invited += 1
        db.session.add(subscriber)
        if subscriber.status == SubscriberStatus.pending:
            db.session.flush()
            _send_confirmation(tenant, subscriber, settings)
    db.session.flush()
    return result


EXPORT_COLUMNS = ["email", "name", "consented_at", "consent_text", "status", "confirmed_at", "source"]


def export_rows() -> list[list[str]]:
    """Every person with an address (anonymised rows have none), in the import's column order first."""
    stmt = select(Subscriber).where(Subscriber.email.is_not(None)).order_by(Subscriber.email)
    out = []
    for s in db.session.scalars(stmt):
        out.append(
            [
                s.email or "",
                s.name,
                _iso(s.consented_at),
                s.consent_text.body if s.consent_text else "",
                s.status.value,
                _iso(s.confirmed_at),
                s.source.value,
            ]
        )
    return out


def _iso(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat(timespec="seconds")


def set_bounce_token(settings: NewsletterSettings) -> str:
    """A new secret for the bounce endpoint; only its hash is stored, the caller shows it once."""
    token = secrets.token_urlsafe(32)
    settings.bounce_token_hash = hashlib.sha256(token.encode()).hexdigest()
    db.session.flush()
    return token


def bounce_token_valid(settings: NewsletterSettings | None, token: str) -> bool:
    if settings is None or not settings.bounce_token_hash or not token:
        return False
    return secrets.compare_digest(settings.bounce_token_hash, hashlib.sha256(token.encode()).hexdigest())


def update_settings(settings: NewsletterSettings, **values: object) -> None:
    for key, value in values.items():
        setattr(settings, key, value)
    db.session.flush()
