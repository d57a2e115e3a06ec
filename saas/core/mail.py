"""Outgoing mail: build multipart messages and deliver them through the ``MAIL_URL`` backend.

``file://DIR`` writes one ``.eml`` per message (embedded mode), ``smtp://user:pass@host:587?starttls=1``
and ``smtps://…`` send for real. Delivery happens in the worker (``workers.mail``); views only queue.
"""

from __future__ import annotations

import re
import smtplib
import ssl
import time
import uuid
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

from flask import current_app

from saas.core import timeutil
from saas.core.tasks import queue

if TYPE_CHECKING:
    from tenants.models import Tenant


def build_message(
    *,
    to: str | Address,
    subject: str,
    text: str,
    html: str | None = None,
    sender: str | Address | None = None,
    headers: dict[str, str] | None = None,
    message_id: str | None = None,
) -> EmailMessage:

    msg = EmailMessage()
    msg["From"] = sender or current_app.config["MAIL_FROM"]
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(timeutil.now())
    msg["Message-ID"] = message_id or make_msgid(domain="lotse.local")
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(text, charset="utf-8")
    if html is not None:
        msg.add_alternative(html, subtype="html", charset="utf-8")
    return msg


def platform_address() -> Address:
    """The platform's sending address (``MAIL_FROM``), parsed by the ``email`` package, never by hand."""
    from email.policy import default

    header = default.header_factory("From", current_app.config["MAIL_FROM"])
    return header.addresses[0]


def office_sender(tenant: Tenant) -> Address:
    """``From``: the office's name with the platform's address (the domain that SPF/DKIM cover)."""
    return Address(display_name=tenant.name, addr_spec=platform_address().addr_spec)


def office_reply_to(tenant: Tenant) -> Address | None:
    """``Reply-To``: the office's own address, so every mail can be answered; None if it has none."""
    if not tenant.email:
        return None
    return Address(display_name=tenant.name, addr_spec=tenant.email)


def office_links(tenant: Tenant) -> dict[str, str]:
    """Absolute links to the office's legal pages (mails are built in workers: no request to build URLs)."""
    base = f"{current_app.config['BASE_URL'].rstrip('/')}/{tenant.slug}"
    return {
        "home": f"{base}/",
        "impressum": f"{base}/impressum",
        "datenschutz": f"{base}/datenschutz",
        "barrierefreiheit": f"{base}/barrierefreiheit",
    }


_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)]")


def text_to_html(text: str) -> str:
    """A plain-text body as HTML paragraphs: escaped, line breaks kept, bare links clickable."""
    from markupsafe import Markup, escape

    def paragraph(block: str) -> str:
        parts, last = [], 0
        for match in _URL.finditer(block):
            parts.append(escape(block[last : match.start()]))
            url = match.group(0)
            parts.append(Markup('<a href="{0}">{0}</a>').format(url))
            last = match.end()
        parts.append(escape(block[last:]))
        return "<p>" + str(Markup("").join(parts)).replace("\n", "<br>\n") + "</p>"

    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text.strip())]
    return "\n".join(paragraph(b) for b in blocks if b.strip())


def office_message(
    tenant: Tenant | None,
    *,
    to: str | Address,
    subject: str,
    text: str,
    html: str | None = None,
    headers: dict[str, str] | None = None,
    message_id: str | None = None,
    reply_to: str | None = None,
) -> EmailMessage:
    """One mail layout for every feature: the office's name in ``From``, its address in ``Reply-To``, a
    footer with its address and links to Impressum and Datenschutz, a text and an HTML part.

    ``text`` is the plain body, ``html`` an HTML fragment (without ``<html>``/``<body>``); without one the
    text is turned into HTML. ``reply_to`` replaces the office's address (e.g. a visitor who asked for an
    answer). Headers are set through ``EmailMessage``'s header API: an address or value
    with CR or LF is refused there (ValueError), so nothing a visitor typed can add a header.
    """
    from flask import render_template

    context = {
        "tenant": tenant,
        "subject": subject,
        "body_text": text.rstrip() + "\n",
        "body_html": html if html is not None else text_to_html(text),
        "links": office_links(tenant) if tenant is not None else None,
    }
    msg = build_message(
        to=to,
        subject=subject,
        text=render_template("mail/layout.txt", **context),
        html=render_template("mail/layout.html", **context),
        sender=office_sender(tenant) if tenant is not None else platform_address(),
        headers=headers,
        message_id=message_id,
    )
    answer_to = Address(addr_spec=reply_to) if reply_to else office_reply_to(tenant) if tenant is not None else None
    if answer_to is not None:
        msg["Reply-To"] = answer_to
    return msg


SEND_TASK = "lotse.mail.send"  # workers/mail.py


def queue_message(msg: EmailMessage) -> None:
    """Hand the message to the worker after the current transaction commits."""
    queue(SEND_TASK, msg.as_string())


_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")


def redact_addresses(text: str) -> str:
    """SMTP answers and bounce reports often quote the recipient; logs and stored errors must not."""
    return _ADDRESS.sub("<Adresse>", text)


class PermanentMailError(Exception):
    """The server refused the message for good (5xx): retrying will not help."""


class TemporaryMailError(Exception):
    """A 4xx answer or a lost connection: try again later."""


def deliver(msg: EmailMessage | bytes | str, mail_url: str | None = None) -> None:
    """Deliver one message now through the configured backend."""
    if isinstance(msg, (bytes, str)):
        from email import message_from_bytes, message_from_string, policy

        if isinstance(msg, str):
            msg = message_from_string(msg, policy=policy.default)
        else:
            msg = message_from_bytes(msg, policy=policy.default)
    url = urlsplit(mail_url or current_app.config["MAIL_URL"])
    if url.scheme == "file":
        folder = Path(unquote(url.netloc + url.path))
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:12]}.eml"
        tmp = folder / f".{name}.tmp"
        tmp.write_bytes(bytes(msg))
        tmp.rename(folder / name)  # atomic: a reader never sees half a message
        return
    with smtp_connection(url.geturl()) as smtp:
        send_via(smtp, msg)


def _tls_context(query: dict[str, list[str]]) -> ssl.SSLContext:
    # Certificates are always verified; ?cafile=PATH trusts a private CA (e.g. an internal relay). Built
    # only when TLS is used: loading the system's CA store costs tens of milliseconds per connection.
    return ssl.create_default_context(cafile=query.get("cafile", [None])[0])


def smtp_connection(mail_url: str) -> smtplib.SMTP:
    url = urlsplit(mail_url)
    query = parse_qs(url.query)
    host = url.hostname or "localhost"
    try:
        if url.scheme == "smtps":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(host, url.port or 465, timeout=30, context=_tls_context(query))
        elif url.scheme == "smtp":
            smtp = smtplib.SMTP(host, url.port or 25, timeout=30)
            if query.get("starttls", ["0"])[0] in ("1", "true", "yes"):
                smtp.starttls(context=_tls_context(query))
        else:
            raise ValueError(f"unsupported MAIL_URL scheme: {url.scheme}")
        if url.username:
            smtp.login(unquote(url.username), unquote(url.password or ""))
    except (OSError, smtplib.SMTPException) as exc:
        raise TemporaryMailError(str(exc)) from exc
    return smtp


def send_via(smtp: smtplib.SMTP, msg: EmailMessage) -> None:
    try:
        refused = smtp.send_message(msg)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        if all(500 <= c < 600 for c in codes):
            raise PermanentMailError(redact_addresses(str(exc.recipients))) from exc
        raise TemporaryMailError(redact_addresses(str(exc.recipients))) from exc
    except smtplib.SMTPResponseException as exc:
        if 500 <= exc.smtp_code < 600:
            raise PermanentMailError(redact_addresses(f"{exc.smtp_code} {exc.smtp_error!r}")) from exc
        raise TemporaryMailError(redact_addresses(f"{exc.smtp_code} {exc.smtp_error!r}")) from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise TemporaryMailError(redact_addresses(str(exc))) from exc
    if refused:
        raise PermanentMailError(redact_addresses(str(refused)))
