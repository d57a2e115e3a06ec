"""The one page-number parser for lists (``?page=3``, the audit log's ``?seite=3``)."""

from __future__ import annotations

from flask import abort, request

MAX_PAGE = 100_000  # far beyond any list; keeps OFFSET within what every database accepts


def page_number(arg: str = "page", *, strict: bool = False) -> int:
    """The requested page, 1 when absent. Not a number from 1 to ``MAX_PAGE``: page 1, or 400 if ``strict``
    (the JSON API, whose callers should learn about their mistake)."""
    raw = request.args.get(arg, "1")
    if raw.isascii() and raw.isdigit() and len(raw) <= 7 and 1 <= int(raw) <= MAX_PAGE:  # int() of 5000 digits raises
        return int(raw)
    if strict:
        abort(400)
    return 1
