"""German formatting of numbers, percentages, dates and times (``2.214``, ``−4,7 %``, ``22.11.2026``)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import phonenumbers
from babel.numbers import format_decimal
from flask import Flask
from flask_babel import get_locale

from saas.core.timeutil import OFFICE_TZ

MINUS = "\u2212"


def _locale() -> str:
    try:
        loc = get_locale()
    except (RuntimeError, AttributeError):
        loc = None
    return str(loc) if loc else "de"


def round_half_up(value: float | Decimal, digits: int = 0) -> Decimal:
    quant = Decimal(1).scaleb(-digits)
    return Decimal(str(value)).quantize(quant, rounding=ROUND_HALF_UP)


def format_number(value: int | float | Decimal | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    if digits:
        value = round_half_up(value, digits)
    text = format_decimal(value, format=f"#,##0{'.' + '0' * digits if digits else ''}", locale=_locale())
    return text.replace("-", MINUS)


def format_percent(value: float | Decimal | None, digits: int = 0, signed: bool = False) -> str:
    if value is None:
        return "–"
    text = format_number(value, digits)
    if signed and Decimal(str(value)) > 0:
        text = "+" + text
    return f"{text}\u00a0%"


def to_berlin(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(OFFICE_TZ)


def format_date(value: dt.date | dt.datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):  # an ISO date kept in a JSON-shaped report
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        value = to_berlin(value)
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def format_datetime_de(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = to_berlin(value)
    return f"{format_date(local)}, {local.hour:02d}.{local.minute:02d} Uhr"


def tel_uri(number: str | None, region: str = "DE") -> str | None:
    """The ``tel:`` URI (RFC 3966) of a telephone number as an office writes it, or None if it is none.

    libphonenumber (``phonenumbers``) reads the German ways of writing one: "0231 / 50 23 456",
    "(02303) 12345", "+49 (0) 231 123", "02 31/ 9 83 77 - 0". A valid number gets its global form
    (``tel:+49-231-5023456``), which a phone dials from anywhere; a service or short number it does not
    place (112, 116 117) keeps its own digits; text such as "nach Vereinbarung" is no number."""
    if not number:
        return None
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(parsed):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.RFC3966)
    digits = re.sub(r"[^\d+]", "", number)
    return f"tel:{digits}" if len(digits.lstrip("+")) >= 3 else None


def register_filters(app: Flask) -> None:
    app.jinja_env.filters["num"] = format_number
    app.jinja_env.filters["pct"] = format_percent
    app.jinja_env.filters["date_de"] = format_date
    app.jinja_env.filters["datetime_de"] = format_datetime_de
    app.jinja_env.filters["tel"] = tel_uri
    from saas.core.reports import recording_note

    app.jinja_env.globals["recording_note"] = recording_note
