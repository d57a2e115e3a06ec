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
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from flask import current_app

from saas.core.tasks import queue


def build_message(
    *,
    to: str,
    subject: str,
    text: str,
    html: str | None = None,
    sender: str | None = None,
    headers: dict[str, str] | None = None,
    message_id: str | None = None,
) -> EmailMessage:
    import datetime as dt

    msg = EmailMessage()
    msg["From"] = sender or current_app.config["MAIL_FROM"]
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    msg["Message-ID"] = message_id or make_msgid(domain="lotse.local")
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(text, charset="utf-8")
    if html is not None:
        msg.add_alternative(html, subtype="html", charset="utf-8")
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

        msg = (message_from_string if isinstance(msg, str) else message_from_bytes)(msg, policy=policy.default)  # type: ignore[arg-type]
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
