"""Registry of annual-report sections owned by other features.

The contacts feature builds the annual report (CONTRACTS.md *Annual report JSON*); the directory,
events, rooms and newsletter features contribute their sections here with
``register_annual_section("groups", fn)`` where ``fn(tenant_id: int, year: int) -> dict`` runs with
the office bound. Until a feature registers, the section has the contract's zero shape.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

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
