"""The newsletter's mails: every one multipart (text + HTML), German, with the office's imprint and the
one-click unsubscribe headers (RFC 8058). Issues are built by the workers from :func:`issue_frame`;
confirmation, welcome and test mails go through the ordinary mail queue after commit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from email.utils import format_datetime, parseaddr

from flask import current_app, render_template

from saas.core import timeutil
from saas.core.mail import SEND_TASK, office_links, office_reply_to, office_sender
from saas.core.tasks import queue
from saas.newsletter.models import Issue, NewsletterSettings, Subscriber
from saas.newsletter.render import UNSUBSCRIBE_PLACEHOLDER, MailFrame, mailto, render_body
from tenants.models import Tenant

_URLSAFE = re.compile(r"[A-Za-z0-9_-]*")

ISSUE_NOTE = (
    "Sie erhalten diesen Newsletter, weil Sie ihn bei der {office} abonniert und Ihre Anmeldung bestätigt haben."
)


def base_url() -> str:
    return current_app.config["BASE_URL"].rstrip("/")


def unsubscribe_url(tenant: Tenant, token: str) -> str:
    return f"{base_url()}/{tenant.slug}/newsletter/abmelden/{token}"


def unsubscribe_mailto(token: str) -> str:
    address = current_app.config.get("NEWSLETTER_MAILTO") or parseaddr(current_app.config["MAIL_FROM"])[1]
    return mailto(address, f"abmelden {token}")


def frame(
    tenant: Tenant,
    subject: str,
    body_html: str,
    body_text: str,
    *,
    note: str,
    date: dt.datetime | None = None,
    unsubscribe_label: str = "Newsletter abbestellen",
    web_url: str | None = None,
) -> MailFrame:
    context = {
        "links": office_links(tenant),
        "web_url": web_url,
        "tenant": tenant,
        "subject": subject,
        "body_html": body_html,
        "body_text": body_text,
        "footer_note": note,
        "unsubscribe": UNSUBSCRIBE_PLACEHOLDER,
        "unsubscribe_label": unsubscribe_label,
    }
    domain = parseaddr(current_app.config["MAIL_FROM"])[1].rpartition("@")[2] or "lotse.local"
    return MailFrame(
        sender=office_sender(tenant),
        subject=subject,
        date=format_datetime(date or timeutil.now()),
        html=render_template("newsletter/mail/frame.html", **context),
        text=render_template("newsletter/mail/frame.txt", **context),
        list_id=f"<{tenant.slug}.newsletter.{domain}>",
        reply_to=office_reply_to(tenant),
        key=current_app.config["SECRET_KEY"],
    )


def issue_frame(tenant: Tenant, issue: Issue) -> MailFrame:
    started = issue.started_at or timeutil.now()
    if started.tzinfo is None:
        started = started.replace(tzinfo=dt.UTC)
    return frame(
        tenant,
        issue.subject,
        issue.html,
        issue.text,
        note=ISSUE_NOTE.format(office=tenant.name),
        date=started,
        web_url=web_copy_url(tenant, issue.id),
    )


def web_copy_url(tenant: Tenant, issue_id: int) -> str:
    """The sent issue in the browser: the same for every subscriber, so it carries no token."""
    return f"{base_url()}/{tenant.slug}/newsletter/archiv/{issue_id}"


def issue_message(
    frame_: MailFrame, tenant: Tenant, issue_id: int, subscriber_id: int, email: str, token: str
) -> bytes:
    return frame_.build(
        to=email,
        message_id=frame_.message_id("nl", tenant.id, issue_id, subscriber_id),
        unsubscribe_url=unsubscribe_url(tenant, token),
        unsubscribe_mailto=unsubscribe_mailto(token),
    )


def issue_builder(frame_: MailFrame, tenant: Tenant, issue_id: int) -> Callable[[int, str, str], bytes]:
    """``build(subscriber_id, email, token) -> bytes`` with everything per issue worked out once (hot path).

    Nothing of the ORM is touched per mail: ``tenant`` is expired after each of the sender's commits, and
    reading ``tenant.id`` there cost a database round trip per mail.
    """
    tenant_id = tenant.id
    base = f"{base_url()}/{tenant.slug}/newsletter/abmelden/"
    address = current_app.config.get("NEWSLETTER_MAILTO") or parseaddr(current_app.config["MAIL_FROM"])[1]
    mailto_base = mailto(address, "abmelden ")

    def build(subscriber_id: int, email: str, token: str) -> bytes:
        return frame_.build(
            to=email,
            message_id=frame_.message_id("nl", tenant_id, issue_id, subscriber_id),
            unsubscribe_url=base + token,
            # Tokens are URL-safe already (secrets.token_urlsafe): quoting them would change nothing.
            unsubscribe_mailto=mailto_base + token
            if _URLSAFE.fullmatch(token)
            else mailto(address, f"abmelden {token}"),
        )

    return build


def _queue(raw: bytes) -> None:
    queue(SEND_TASK, raw.decode("ascii"))


def _single(
    tenant: Tenant,
    subscriber: Subscriber,
    subject: str,
    body_md: str,
    note: str,
    kind: str,
    label: str = "Newsletter abbestellen",
) -> None:
    body_html, body_text = render_body(body_md)
    mail = frame(tenant, subject, body_html, body_text, note=note, unsubscribe_label=label)
    stamp = timeutil.now().strftime("%Y%m%d%H%M%S%f")
    raw = mail.build(
        to=subscriber.email or "",
        message_id=mail.message_id(kind, tenant.id, subscriber.id, stamp),
        unsubscribe_url=unsubscribe_url(tenant, subscriber.token),
        unsubscribe_mailto=unsubscribe_mailto(subscriber.token),
    )
    _queue(raw)


def send_confirmation(tenant: Tenant, subscriber: Subscriber, link: str, consent_text: str) -> None:
    body = (
        "## Bitte bestätigen Sie Ihre Anmeldung\n\n"
        f"Jemand – hoffentlich Sie – möchte den Newsletter der {tenant.name} an diese Adresse erhalten.\n\n"
        f"**[Anmeldung jetzt bestätigen]({link})**\n\n"
        "Erst nach Ihrer Bestätigung senden wir Ihnen den Newsletter. Der Link ist 7 Tage gültig.\n\n"
        f"Ihre Einwilligung:\n\n> {consent_text}\n"
    )
    note = (
        "Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail: ohne Bestätigung erhalten Sie nichts, "
        "und Ihre Adresse wird nach 7 Tagen gelöscht."
    )
    _single(
        tenant,
        subscriber,
        f"Bitte bestätigen: Newsletter der {tenant.name}",
        body,
        note,
        "doi",
        label="Anmeldung verwerfen",
    )


def send_already_subscribed(tenant: Tenant, subscriber: Subscriber) -> None:
    body = (
        "## Sie sind bereits angemeldet\n\n"
        f"Für diese Adresse wurde der Newsletter der {tenant.name} erneut bestellt. "
        "Sie erhalten ihn bereits – es ist nichts weiter zu tun.\n"
    )
    note = ISSUE_NOTE.format(office=tenant.name)
    _single(tenant, subscriber, f"Newsletter der {tenant.name}: Sie sind bereits angemeldet", body, note, "again")


def send_welcome(tenant: Tenant, subscriber: Subscriber, settings: NewsletterSettings) -> None:
    _single(
        tenant,
        subscriber,
        settings.welcome_subject,
        settings.welcome_body,
        ISSUE_NOTE.format(office=tenant.name),
        "welcome",
    )


def send_test(tenant: Tenant, issue: Issue, body_html: str, body_text: str, to: str) -> None:
    """A test copy to a staff member: same frame, subject marked, unsubscribe link that unsubscribes nobody."""
    mail = frame(tenant, f"[Test] {issue.subject}", body_html, body_text, note=ISSUE_NOTE.format(office=tenant.name))
    stamp = timeutil.now().strftime("%Y%m%d%H%M%S%f")
    raw = mail.build(
        to=to,
        message_id=mail.message_id("test", tenant.id, issue.id, stamp),
        unsubscribe_url=unsubscribe_url(tenant, "test"),
        unsubscribe_mailto=unsubscribe_mailto("test"),
    )
    _queue(raw)
