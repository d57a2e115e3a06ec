"""The one page-number parser for lists (``?page=3``, the audit log's ``?seite=3``)."""

from __future__ import annotations

from flask import abort, request

MAX_PAGE = 100_000  # far beyond any list; keeps OFFSET within what every database accepts


def page_number(arg: str = "page", *, strict: bool = False) -> int:
    """The requested page, 1 when absent or not a number (or 0). A number beyond ``MAX_PAGE`` answers 400, and
    with ``strict`` (the JSON API, whose callers should learn about their mistake) anything but 1…MAX_PAGE."""
    raw = request.args.get(arg, "1").strip()
    number = raw.isascii() and raw.isdigit()
    if number and len(raw) <= 7 and 1 <= int(raw) <= MAX_PAGE:  # (int() of 5000 digits would raise)
        return int(raw)
    if strict or (number and raw.lstrip("0")):
        abort(400)  # a page beyond any list is bad input (issue 17), not "page 1"
    return 1
