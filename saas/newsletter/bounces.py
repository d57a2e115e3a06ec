"""Bounce reports (DSN, RFC 3464) and unsubscribe mails arriving at the office's inbound endpoint.

Scoring: a hard bounce (the address does not exist or is closed) disables the subscriber at once; soft
bounces (mailbox full, temporary refusal, policy) disable after 3 within 30 days. A disabled subscriber
is never mailed and the staff list shows why.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import hashlib
import hmac
import re
from dataclasses import dataclass
from email.message import EmailMessage, Message

from flask import current_app
from sqlalchemy import func, select

from saas.core.mail import redact_addresses
from saas.extensions import db
from saas.newsletter import operations as ops
from saas.newsletter.models import Bounce, BounceKind, Subscriber, SubscriberStatus
from tenants.models import Tenant

SOFT_LIMIT = 3
SOFT_WINDOW = dt.timedelta(days=30)
# Permanent failures that say the mailbox is gone (RFC 3463): bad address, mailbox disabled, no route.
HARD_DETAILS = re.compile(r"^5\.(1\.\d+|2\.1|4\.4|4\.1)$")
STATUS_RE = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")
MSGID_RE = re.compile(r"<nl\.(\d+)\.(\d+)\.(\d+)\.([0-9a-f]{16})@[^>]+>")
# The token is URL-safe base64 (secrets.token_urlsafe), which may begin or end with "-": a word boundary
# (\b) would cut a final "-" off, so the token is delimited by what cannot be part of it.
UNSUBSCRIBE_RE = re.compile(r"\b(?:abmelden|unsubscribe)\s+([A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])", re.IGNORECASE)


@dataclass
class RecipientReport:
    recipient: str
    action: str  # failed, delayed, delivered, relayed, expanded
    status: str  # e.g. 5.1.1
    diagnostic: str
    message_id: str = ""

    @property
    def kind(self) -> BounceKind | None:
        if self.action not in ("failed", "delayed"):
            return None
        if self.action == "delayed":
            return None  # the remote server is still trying: not a bounce yet
        if self.status.startswith("5.") and (HARD_DETAILS.match(self.status) or _says_unknown(self.diagnostic)):
            return BounceKind.hard
        return BounceKind.soft


def _says_unknown(diagnostic: str) -> bool:
    text = diagnostic.lower()
    return any(
        s in text
        for s in (
            "user unknown",
            "no such user",
            "does not exist",
            "unknown user",
            "mailbox unavailable",
            "recipient address rejected",
        )
    )


def _address(value: str) -> str:
    # "rfc822; name@example.org" → name@example.org
    value = value.split(";", 1)[-1].strip().strip("<>").strip()
    return value.lower()


def _original_message_id(msg: Message) -> str:
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else payload
            if isinstance(inner, Message) and inner.get("Message-ID"):
                return str(inner["Message-ID"]).strip()
        if ctype == "text/rfc822-headers":
            payload = part.get_payload(decode=True)  # bytes for a single part
            headers = email.message_from_string(
                payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
            )
            if headers.get("Message-ID"):
                return str(headers["Message-ID"]).strip()
    return ""


def parse_dsn(raw: bytes) -> list[RecipientReport]:
    """The per-recipient reports of a delivery status notification; [] if the mail is not a DSN."""
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    reports: list[RecipientReport] = []
    message_id = _original_message_id(msg)
    for part in msg.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        if not isinstance(blocks, list):  # unparsed body: split the header blocks ourselves
            text = blocks if isinstance(blocks, str) else ""
            blocks = [email.message_from_string(b.strip() + "\n") for b in re.split(r"\r?\n\r?\n", text) if b.strip()]
        for block in blocks[1:] if len(blocks) > 1 else blocks:
            if not isinstance(block, Message):  # a parsed delivery-status body is a list of header blocks
                continue
            recipient = block.get("Final-Recipient") or block.get("Original-Recipient")
            if not recipient:
                continue
            status_match = STATUS_RE.search(str(block.get("Status", "")))
            reports.append(
                RecipientReport(
                    recipient=_address(str(recipient)),
                    action=str(block.get("Action", "")).strip().lower(),
                    status=status_match.group(1) if status_match else "",
                    diagnostic=redact_addresses(" ".join(str(block.get("Diagnostic-Code", "")).split()))[:300],
                    message_id=message_id,
                )
            )
    return reports


def _subscriber_from_message_id(tenant: Tenant, message_id: str) -> tuple[Subscriber | None, int | None]:
    match = MSGID_RE.search(message_id or "")
    if not match or int(match.group(1)) != tenant.id:
        return None, None
    ident = f"nl.{match.group(1)}.{match.group(2)}.{match.group(3)}"
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(), ident.encode(), hashlib.sha256).hexdigest()[:16]
    if not hmac.compare_digest(digest, match.group(4)):
        return None, None
    return db.session.get(Subscriber, int(match.group(3))), int(match.group(2))


@dataclass
class BounceOutcome:
    recipient_known: bool
    kind: str  # hard, soft, ignored
    disabled: bool


def record(tenant: Tenant, report: RecipientReport) -> BounceOutcome:
    """Score one report against the office's subscriber (office bound)."""
    kind = report.kind
    subscriber, issue_id = _subscriber_from_message_id(tenant, report.message_id)
    if subscriber is None and report.recipient:
        subscriber = ops.find_subscriber(report.recipient.lower())
    if subscriber is None or subscriber.email is None:
        return BounceOutcome(False, kind.value if kind else "ignored", False)
    if kind is None:
        return BounceOutcome(True, "ignored", False)
    db.session.add(
        Bounce(
            subscriber_id=subscriber.id,
            kind=kind,
            status_code=report.status,
            diagnostic=report.diagnostic[:300],
            issue_id=issue_id,
        )
    )
    db.session.flush()
    disabled = False
    if subscriber.status in (SubscriberStatus.confirmed, SubscriberStatus.pending):
        if kind == BounceKind.hard:
            ops.disable(subscriber, f"Unzustellbar (harter Bounce {report.status}): {report.diagnostic}".strip())
            disabled = True
        else:
            since = ops.now() - SOFT_WINDOW
            count = db.session.scalar(
                select(func.count(Bounce.id)).where(
                    Bounce.subscriber_id == subscriber.id, Bounce.kind == BounceKind.soft, Bounce.received_at >= since
                )
            )
            if (count or 0) >= SOFT_LIMIT:
                ops.disable(
                    subscriber, f"{SOFT_LIMIT} vorübergehende Zustellfehler in 30 Tagen (zuletzt {report.status})"
                )
                disabled = True
    return BounceOutcome(True, kind.value, disabled)


def record_smtp_refusal(subscriber_id: int, code: int, message: str, issue_id: int) -> None:
    """A 5xx for the recipient at sending time (RCPT refused) is a hard bounce reported synchronously."""
    subscriber = db.session.get(Subscriber, subscriber_id)
    if subscriber is None or subscriber.email is None:
        return
    db.session.add(
        Bounce(
            subscriber_id=subscriber.id,
            kind=BounceKind.hard,
            status_code=str(code),
            diagnostic=redact_addresses(message)[:300],
            issue_id=issue_id,
        )
    )
    ops.disable(subscriber, f"Unzustellbar (vom Mailserver abgewiesen {code}): {message}"[:300])


@dataclass
class InboundResult:
    kind: str  # dsn, unsubscribe, ignored
    reports: int = 0
    hard: int = 0
    soft: int = 0
    disabled: int = 0
    unsubscribed: bool = False

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def handle_inbound(tenant: Tenant, raw: bytes) -> InboundResult:
    """A mail for the office: a bounce report, an unsubscribe request (``mailto:`` of List-Unsubscribe), or noise."""
    reports = parse_dsn(raw)
    if reports:
        result = InboundResult("dsn", reports=len(reports))
        for report in reports:
            outcome = record(tenant, report)
            result.hard += outcome.kind == "hard"
            result.soft += outcome.kind == "soft"
            result.disabled += outcome.disabled
        return result
    msg: EmailMessage = email.message_from_bytes(raw, policy=email.policy.default)
    match = UNSUBSCRIBE_RE.search(str(msg.get("Subject", "")))
    if match:
        subscriber = db.session.scalar(select(Subscriber).where(Subscriber.token == match.group(1)))
        if subscriber is not None:
            return InboundResult("unsubscribe", unsubscribed=ops.unsubscribe(subscriber))
        return InboundResult("unsubscribe")
    return InboundResult("ignored")
