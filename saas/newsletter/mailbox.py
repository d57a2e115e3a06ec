"""The bounce mailbox reader: fetch bounce reports and unsubscribe mails from the platform's IMAP mailbox.

Newsletters go out with the platform's envelope sender (``MAIL_FROM``) and, unless ``NEWSLETTER_MAILTO``
names another, the ``mailto:`` of List-Unsubscribe points there too; so bounces and unsubscribe mails of
every office arrive in one mailbox. ``BOUNCE_MAILBOX_URL`` names it::

    imaps://bounces%40example.org:PASSWORD@mail.example.org/INBOX     (TLS)
    imap://user:PASSWORD@mail.example.org:143/INBOX                   (STARTTLS when the server offers it)

Each unread mail is routed to its office — by the signed ``Message-ID`` of the newsletter it reports on,
by the unsubscribe token in the subject, or by the bounced address — and handed to
:func:`saas.newsletter.bounces.handle_inbound`, the same code the inbound endpoint runs.

Exactly once: the mail's fingerprint (SHA-256 of its bytes) is stored in the same transaction as its
effects; only after that commit is the mail deleted from the mailbox. A crash in between leaves the mail
there, and the next poll finds its fingerprint and only deletes it: a bounce is never counted twice.
Mails that are neither bounce reports nor unsubscribe requests (out-of-office replies, spam) are left in
the mailbox, marked read, for a person to look at; reports about no known subscriber are deleted.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import hashlib
import imaplib
import logging
import re
import ssl
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from flask import current_app
from sqlalchemy import select

from saas.extensions import db
from saas.newsletter.bounces import MSGID_RE, UNSUBSCRIBE_RE, handle_inbound, parse_dsn
from saas.newsletter.models import InboundMail, Subscriber
from tenants.models import Tenant
from tenants.scoping import cross_tenant, tenant_context

log = logging.getLogger(__name__)

MAX_MAIL_BYTES = 2 * 1024 * 1024  # as the inbound endpoint
BATCH = 200  # mails per poll; the next poll takes the rest
_SIZE_RE = re.compile(rb"RFC822\.SIZE (\d+)")


class MailboxError(Exception):
    """The mailbox cannot be reached or read (wrong address, login refused, network)."""


@dataclass(frozen=True)
class MailboxAddress:
    host: str
    port: int
    user: str
    password: str
    folder: str
    tls: bool  # imaps: TLS from the start; imap: STARTTLS when offered

    @classmethod
    def parse(cls, url: str) -> MailboxAddress:
        parts = urlsplit(url)
        if parts.scheme not in ("imap", "imaps") or not parts.hostname or not parts.username:
            raise MailboxError("BOUNCE_MAILBOX_URL must look like imaps://user:password@host/INBOX")
        return cls(
            host=parts.hostname,
            port=parts.port or (993 if parts.scheme == "imaps" else 143),
            user=unquote(parts.username),
            password=unquote(parts.password or ""),
            folder=unquote(parts.path.lstrip("/")) or "INBOX",
            tls=parts.scheme == "imaps",
        )


@dataclass
class PollResult:
    fetched: int = 0
    processed: int = 0  # bounce reports and unsubscribe mails, acted on and deleted
    duplicates: int = 0  # already processed before (a crash between commit and delete): deleted only
    ignored: int = 0  # neither: left in the mailbox, marked read
    too_large: int = 0
    disabled: int = 0
    unsubscribed: int = 0
    offices: set[int] = field(default_factory=set)

    def summary(self) -> str:
        return (
            f"fetched {self.fetched}, processed {self.processed}, already processed {self.duplicates}, "
            f"left for a person {self.ignored + self.too_large}, disabled {self.disabled}, "
            f"unsubscribed {self.unsubscribed}"
        )


def _connect(address: MailboxAddress, timeout: float) -> imaplib.IMAP4:
    try:
        if address.tls:
            client: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                address.host, address.port, ssl_context=ssl.create_default_context(), timeout=timeout
            )
        else:
            client = imaplib.IMAP4(address.host, address.port, timeout=timeout)
            if "STARTTLS" in client.capabilities:
                client.starttls(ssl.create_default_context())
        client.login(address.user, address.password)
        typ, _ = client.select(_quoted(address.folder))
        if typ != "OK":
            raise MailboxError(f"folder {address.folder!r} cannot be opened")
        return client
    except (OSError, imaplib.IMAP4.error) as exc:
        raise MailboxError(f"mailbox {address.host}:{address.port}: {exc}") from exc


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def offices_of(raw: bytes) -> tuple[str, set[int]]:
    """What a mail is (``dsn``, ``unsubscribe`` or ``other``) and the offices it concerns: by the newsletter's
    signed Message-ID, the unsubscribe token in the subject, or (a report without the original headers)
    the offices where the bounced address subscribes."""
    reports = parse_dsn(raw)
    if reports:
        found = set()
        unmatched = []
        for report in reports:
            match = MSGID_RE.search(report.message_id or "")
            if match:
                found.add(int(match.group(1)))  # the signature is checked by handle_inbound, office bound
            elif report.recipient:
                unmatched.append(report.recipient.lower())
        if unmatched:
            with cross_tenant("bounce mailbox: offices of a bounced address"):
                found.update(
                    db.session.scalars(select(Subscriber.tenant_id).where(Subscriber.email.in_(unmatched))).all()
                )
        return "dsn", found
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    match = UNSUBSCRIBE_RE.search(str(msg.get("Subject", "")))
    if match:
        with cross_tenant("bounce mailbox: office of an unsubscribe token"):
            tenant_id = db.session.scalar(select(Subscriber.tenant_id).where(Subscriber.token == match.group(1)))
        return "unsubscribe", {tenant_id} if tenant_id is not None else set()
    return "other", set()


def process(raw: bytes, result: PollResult) -> bool:
    """Act on one mail in one transaction; True if it may be deleted from the mailbox.

    A bounce report or unsubscribe mail that concerns no subscriber any more (an erased person, an address
    already unsubscribed) is done with too: it is deleted, not kept with the address in it.
    """
    fingerprint = hashlib.sha256(raw).hexdigest()
    if db.session.scalar(select(InboundMail.id).where(InboundMail.fingerprint == fingerprint)) is not None:
        result.duplicates += 1
        return True
    kind, offices = offices_of(raw)
    if kind == "other":
        db.session.rollback()
        result.ignored += 1
        return False
    for tenant_id in sorted(offices):
        tenant = db.session.get(Tenant, tenant_id)
        if tenant is None:
            continue
        with tenant_context(tenant_id):
            outcome = handle_inbound(tenant, raw)
            db.session.flush()
        result.offices.add(tenant_id)
        result.disabled += outcome.disabled
        result.unsubscribed += int(outcome.unsubscribed)
    db.session.add(InboundMail(fingerprint=fingerprint))
    db.session.commit()
    result.processed += 1
    return True


def poll(url: str | None = None, timeout: float = 30.0) -> PollResult:
    """Read the unread mails of the bounce mailbox once (``BOUNCE_MAILBOX_URL`` unless ``url`` is given)."""
    url = url or current_app.config.get("BOUNCE_MAILBOX_URL")
    if not url:
        raise MailboxError("no bounce mailbox configured (BOUNCE_MAILBOX_URL)")
    address = MailboxAddress.parse(url)
    result = PollResult()
    client = _connect(address, timeout)
    try:
        typ, data = client.uid("SEARCH", "UNSEEN")
        if typ != "OK":
            raise MailboxError("the mailbox refused to list unread mails")
        uids = [uid.decode("ascii", "replace") for uid in (data[0] or b"").split()[:BATCH]]  # imaplib takes str
        done: list[str] = []
        for uid in uids:
            typ, data = client.uid("FETCH", uid, "(RFC822.SIZE)")
            size = _SIZE_RE.search(data[0] if data and isinstance(data[0], bytes) else b"")
            if typ != "OK" or size is None:
                continue
            result.fetched += 1
            if int(size.group(1)) > MAX_MAIL_BYTES:
                client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
                result.too_large += 1
                log.warning("bounce mailbox: a mail over %s bytes left for a person", MAX_MAIL_BYTES)
                continue
            typ, data = client.uid("FETCH", uid, "(BODY.PEEK[])")
            raw = next((part[1] for part in data if isinstance(part, tuple)), None) if typ == "OK" else None
            if raw is None:
                continue
            try:
                deletable = process(raw, result)
            except Exception:
                db.session.rollback()
                log.exception("bounce mailbox: a mail could not be processed; it stays unread")
                continue
            if deletable:
                client.uid("STORE", uid, "+FLAGS", "(\\Deleted \\Seen)")
                done.append(uid)
            else:
                client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
        if done:
            client.expunge()
    except (OSError, imaplib.IMAP4.error) as exc:
        raise MailboxError(f"mailbox {address.host}:{address.port}: {exc}") from exc
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            client.logout()
    log.info("bounce mailbox: %s", result.summary())
    return result
