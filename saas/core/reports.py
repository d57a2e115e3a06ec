"""Registry of annual-report sections owned by other features.

The contacts feature builds the annual report (CONTRACTS.md *Annual report JSON*); the directory,
events, rooms and newsletter features contribute their sections here with
``register_annual_section("groups", fn)`` where ``fn(tenant_id: int, year: int) -> dict`` runs with
the office bound. Until a feature registers, the section has the contract's zero shape.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

SectionFn = Callable[[int, int], dict]

DEFAULT_SECTIONS: dict[str, dict] = {
    "groups": {
        "active_at_year_end": 0,
        "founded": 0,
        "founding_at_year_end": 0,
        "founding_abandoned": 0,
        "dissolved": 0,
        "topics": 0,
    },
    "newsletter": {"subscribers_at_year_end": 0, "issues_sent": 0},
    "events": {"held": 0, "cancelled": 0, "registrations": 0, "by_kind": {}},
    "rooms": {"groups_using_rooms": 0, "hours_booked": 0},
}

_SECTIONS: dict[str, SectionFn] = {}


def register_annual_section(key: str, fn: SectionFn) -> None:
    _SECTIONS[key] = fn


def annual_section(key: str, tenant_id: int, year: int) -> dict:
    """The section's figures: the registered provider's, merged over the contract's default keys."""
    base = copy.deepcopy(DEFAULT_SECTIONS.get(key, {}))
    fn = _SECTIONS.get(key)
    if fn is not None:
        base.update(fn(tenant_id, year))
    return base


def section_keys() -> list[str]:
    return list(dict.fromkeys([*DEFAULT_SECTIONS, *_SECTIONS]))


def recorded(first: dt.date | None, year: int) -> dict[str, Any]:
    """The keys a section adds when the office keeps its records in Lotse only from some day on (``first``:
    the earliest record): ``recorded_since`` (ISO date or None) and ``recorded`` for ``year``: ``all`` (the
    whole year recorded: a 0 is a real 0), ``part`` (recording began in the year) or ``none`` (nothing
    recorded by the year's end: the year's figures are unknown, not 0; e.g. an office that came to Lotse
    with its contacts imported has no founding processes of the years before)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    coverage = "none" if first is None or first > end else "part" if first > start else "all"
    return {"recorded_since": first.isoformat() if first else None, "recorded": coverage}


def recording_note(section: Mapping[str, Any], what: str, year: int) -> str | None:
    """The sentence a report prints instead of (``none``) or above (``part``) a section's figures that are
    not a whole year's records (see :func:`recorded`), in the current language; None for a whole year."""
    from flask_babel import gettext

    from saas.core.formatting import format_date

    since, coverage = section.get("recorded_since"), section.get("recorded")
    if coverage == "none" and since:
        note = gettext(
            "%(what)s werden in Lotse erst seit dem %(d)s erfasst; für %(y)s liegen dazu keine Angaben vor.",
            what=what,
            d=format_date(since),
            y=year,
        )
    elif coverage == "none":
        note = gettext(
            "%(what)s sind in Lotse noch nicht erfasst; für %(y)s liegen dazu keine Angaben vor.", what=what, y=year
        )
    elif coverage == "part":
        note = gettext(
            "%(what)s werden in Lotse seit dem %(d)s erfasst; die Zahlen für %(y)s beginnen an diesem Tag.",
            what=what,
            d=format_date(since),
            y=year,
        )
    else:
        return None
    return note[:1].upper() + note[1:]  # "group support …" begins the English sentence
