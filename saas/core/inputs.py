"""Bad input in a URL answers 400 or 404, never 500: bounds that hold for every route at once.

- ``<int:…>`` in a URL matches only what a database column can hold (PostgreSQL ``integer``); a longer
  number is no such object: 404, as for any unknown id (SQLite raised ``OverflowError`` beyond 64 bits,
  PostgreSQL ``integer out of range``).
- ``request.args.get(name, type=int)`` refuses numbers beyond that range with 400 (page numbers, ids in
  filters) instead of handing them to ``OFFSET`` or a query.
- Dates in the query string (``datum``, ``monat``, ``von``, ``bis``, …) and years (``year``, ``jahr``) lie
  between :data:`FIRST_YEAR` and :data:`LAST_YEAR`; the week, month and door-sign views step days and
  months from them, which overflows at 0001-01-01 and 9999-12-31.
- NUL anywhere in the path is refused like NUL in a form (``saas.core.security``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from flask import Flask, Request, request
from werkzeug import routing
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import BadRequest

MAX_ID = 2**31 - 1  # PostgreSQL integer; every id column is one
FIRST_YEAR, LAST_YEAR = 1900, 2199
_DATE_LIKE = re.compile(r"(\d{4,9})-\d{2}(?:-\d{2})?")
_YEAR_ARGS = ("year", "jahr")


class IntegerConverter(routing.IntegerConverter):
    """``<int:…>`` that matches only 0 … 2³¹−1: a longer number is an unknown object (404). (Werkzeug's
    class name kept: tests that read the URL map recognise id arguments by it.)"""

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


class UnicodeConverter(routing.UnicodeConverter):
    """A path segment never holds NUL (no text column can store it; PostgreSQL refuses it in a query)."""

    def __init__(self, map: Any, minlength: int = 1, maxlength: int | None = None, length: int | None = None) -> None:
        super().__init__(map, minlength, maxlength, length)
        self.regex = self.regex.replace("[^/]", "[^/\\x00]")


class BoundedArgs(ImmutableMultiDict):
    """``get(name, type=int)`` answers 400 for a number no column can hold."""

    def get(self, key: Any, default: Any = None, type: Any = None) -> Any:  # type: ignore[override]  # one signature for werkzeug's overloads
        value = super().get(key, default, type)
        if type is int and isinstance(value, int) and not -MAX_ID <= value <= MAX_ID:
            raise BadRequest(f"{key}: Zahl außerhalb des zulässigen Bereichs (number out of range)")
        return value


class LotseRequest(Request):
    parameter_storage_class = BoundedArgs


def year_in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def _query_out_of_range() -> bool:
    for key, value in request.args.items(multi=True):
        value = value.strip()
        if key in _YEAR_ARGS and value.isascii() and value.isdigit() and not year_in_range(int(value[:12])):
            return True
        match = _DATE_LIKE.fullmatch(value)
        if match and not year_in_range(int(match.group(1))):
            return True
    return False


def date_arg(raw: str | None) -> dt.date | None:
    """A ``YYYY-MM-DD`` from a URL inside the supported years, or None (bad or missing)."""
    try:
        day = dt.date.fromisoformat(raw or "")
    except ValueError:
        return None
    return day if year_in_range(day.year) else None


def init_app(app: Flask) -> None:
    """Before any blueprint adds its rules. The request guard itself runs in ``saas.core.security`` (after
    the office is resolved and ``g`` is fresh)."""
    app.request_class = LotseRequest
    app.url_map.converters["int"] = IntegerConverter
    app.url_map.converters["default"] = app.url_map.converters["string"] = UnicodeConverter


def out_of_range_description() -> str | None:
    """Why this request's URL is refused (400), or None."""
    if "\x00" in request.path:
        return "Die Adresse enthält ein unzulässiges Steuerzeichen (NUL)."
    if _query_out_of_range():
        return f"Datum oder Jahr außerhalb von {FIRST_YEAR} bis {LAST_YEAR}."
    return None
