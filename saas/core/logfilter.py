"""No personal data or secrets in logs: every log line passes a filter that blanks e-mail addresses and the
tokens of links (password reset, invitation, newsletter confirmation and unsubscribe, event registration,
group sign-in). Installed on every handler of the root logger and on gunicorn's access and error logs, so
access-log lines of GET links are covered too."""

from __future__ import annotations

import logging
import re

EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
# A path segment after a route that carries a secret, or any long opaque segment in a URL.
TOKEN_PATH = re.compile(
    r"(/(?:passwort-zuruecksetzen|abmelden|bestaetigen|anmeldung|zugang|link|token|t)/)[A-Za-z0-9_.~%-]{8,}"
)
LONG_SECRET = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?:\.[A-Za-z0-9_-]{6,}){0,3}(?![A-Za-z0-9_-])")
TOKEN_QUERY = re.compile(r"([?&](?:token|t|code|key)=)[^&\s\"]+")


def redact(text: str) -> str:
    text = EMAIL.sub("<Adresse>", text)
    text = TOKEN_PATH.sub(r"\1<token>", text)
    text = TOKEN_QUERY.sub(r"\1<token>", text)
    return LONG_SECRET.sub("<token>", text)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


_FILTER = RedactingFilter()


def install() -> None:
    """Attach the filter to every handler of the root, gunicorn and celery loggers (idempotent)."""
    for name in (None, "gunicorn.access", "gunicorn.error", "celery", "celery.task", "werkzeug"):
        for handler in logging.getLogger(name).handlers:
            if _FILTER not in handler.filters:
                handler.addFilter(_FILTER)
