"""German formatting of numbers, percentages, dates and times (``2.214``, ``−4,7 %``, ``22.11.2026``)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal
from flask import Flask
from flask_babel import get_locale

from saas.core.timeutil import OFFICE_TZ

BERLIN = OFFICE_TZ
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
    return value.astimezone(BERLIN)


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


def register_filters(app: Flask) -> None:
    app.jinja_env.filters["num"] = format_number
    app.jinja_env.filters["pct"] = format_percent
    app.jinja_env.filters["date_de"] = format_date
    app.jinja_env.filters["datetime_de"] = format_datetime_de
    from saas.core.reports import recording_note

    app.jinja_env.globals["recording_note"] = recording_note
