"""Mail headers built only by the ``email`` package, and the one rule behind them: no line breaks.

A header value with CR or LF ends the header and starts a new one (``Subject: Info\\r\\nBcc: x@evil``).
The ``email`` package's header API refuses such values (``header_store_parse`` raises ``ValueError``);
every header Lotse writes goes through :func:`header_line` or an ``EmailMessage``, never a string join.
The same rule is checked earlier, where people type: :class:`SingleLine` on forms and
:func:`install_model_checks` on the model columns that end up in headers (subject, names, reply-to).
"""

from __future__ import annotations

import email.policy
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError

# 78-column folding, CRLF line ends, encoded words for non-ASCII text.
FOLDED = email.policy.SMTP
# For headers holding URLs (List-Unsubscribe): never split or encoded, just kept below RFC 5322's 998.
UNFOLDED = email.policy.SMTP.clone(max_line_length=998)


def has_line_break(value: object) -> bool:
    """True when ``value`` holds any character that ends a line (CR, LF and the other ``splitlines`` breaks)."""
    text = str(value)
    return "\r" in text or "\n" in text or len(text.splitlines()) > 1


def refuse_line_breaks(value: Any, what: str = "value") -> Any:
    if value is not None and has_line_break(value):
        raise ValueError(f"{what} must be a single line (no CR/LF)")
    return value


def header_line(name: str, value: Any, policy: Any = FOLDED) -> str:
    """``Name: value\\r\\n`` as the ``email`` package folds it; ``ValueError`` for a value with a line break."""
    refuse_line_breaks(value, name)  # also for Address objects, whose display name the API does not check
    name, header = policy.header_store_parse(name, value)
    return policy.fold(name, header)


class SingleLine:
    """Form validator: a subject, name or address is one line (a browser's text input sends no line break)."""

    def __init__(self, message: str | None = None) -> None:
        self.message = message

    def __call__(self, form: Any, field: Any) -> None:
        if field.data and has_line_break(field.data):
            raise ValidationError(self.message or _l("Bitte ohne Zeilenumbruch eingeben."))


# Columns that end up in mail headers (subjects, display names, reply-to), checked on every assignment.
HEADER_COLUMNS = {
    "tenants.models:Tenant": ("name", "email"),
    "tenants.models:Site": ("name", "email"),
    "saas.auth.models:User": ("name", "email"),
    "saas.newsletter.models:Issue": ("subject",),
    "saas.newsletter.models:NewsletterSettings": ("welcome_subject",),
    "saas.newsletter.models:Subscriber": ("name", "email"),
    "saas.directory.models:Group": ("name",),
    "saas.events.models:Event": ("title",),
    "saas.events.models:Registration": ("name", "email"),
}

_installed = False


def install_model_checks() -> None:
    """Refuse a line break in any :data:`HEADER_COLUMNS` column at assignment (forms, CLI, imports alike)."""
    global _installed
    if _installed:
        return
    import importlib

    from sqlalchemy import event

    for target, columns in HEADER_COLUMNS.items():
        module_name, _, class_name = target.partition(":")
        model = getattr(importlib.import_module(module_name), class_name)
        for column in columns:
            what = f"{class_name}.{column}"

            def check(_target: Any, value: Any, _old: Any, _initiator: Any, what: str = what) -> Any:
                return refuse_line_breaks(value, what)

            event.listen(getattr(model, column), "set", check, retval=True)
    _installed = True
