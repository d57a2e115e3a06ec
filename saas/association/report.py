"""The association report of one year (CONTRACTS.md *Association report JSON*), suppressed.

Built from the aggregate tables only. Every count of every office and of the association total is a
cell; the equations anyone could use on the published figures (an office's total is the sum of its
contacts by kind, by channel, by concern, by topic area; the association total is the sum over the
offices; …) bind them. :mod:`saas.association.suppression` then decides what is hidden, and every
derived figure (percentages, year-over-year changes) is published only when all its inputs are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from saas.association.suppression import CellSystem, marker, suppress
from saas.contacts.queries import change_pct, share_pct

KINDS = ("citizen", "relative", "group", "professional")
CITIZEN_KINDS = ("citizen", "relative")
CHANNELS = ("phone", "written", "in_person")
AREAS = ("addiction", "chronic_illness", "mental_health", "disability", "social")
CONCERNS = ("seeking_group", "founding_group", "information", "group_support", "networking", "other")
REFERRALS = ("to_groups", "to_professionals")
GROUP_KEYS = ("active_at_year_end", "founded", "founding_at_year_end", "founding_abandoned", "dissolved", "topics")
GROUP_NOT_ADDITIVE = {"topics"}  # distinct topics per office: summing them over offices means nothing
EVENT_KEYS = ("held", "cancelled", "registrations")
NEWSLETTER_KEYS = ("subscribers_at_year_end", "issues_sent")
TOTAL = 0  # the association's "office id" in cell keys

Facts = dict[int, dict[str, Counter]]  # office id -> family -> Counter{(dimension, value): count}


@dataclass(frozen=True)
class Member:
    office_id: int
    slug: str
    name: str
    families: tuple[str, ...]
    population: int | None = None
    staff_fte: float | None = None
    sites: int | None = None


# --- cells of one family for one office ---------------------------------------------------------------


def _contact_cells(c: Counter) -> dict[str, int]:
    cells = {"total": c[("total", "")]}
    for k in KINDS:
        cells[f"by_kind.{k}"] = c[("kind", k)]
    for ch in CHANNELS:
        cells[f"by_channel.{ch}"] = c[("channel", ch)]
    for x in CONCERNS:
        cells[f"by_concern.{x}"] = c[("concern", x)]
    for a in AREAS:
        cells[f"by_topic_area.{a}"] = sum(c[("kind_area", f"{k}:{a}")] for k in KINDS)
        cells[f"citizen_topic_area.{a}"] = sum(c[("kind_area", f"{k}:{a}")] for k in CITIZEN_KINDS)
    for r in REFERRALS:
        cells[f"referrals.{r}"] = c[("referrals", r)]
    return cells


CONTACT_LINES = [
    ("total", [f"by_kind.{k}" for k in KINDS]),
    ("total", [f"by_channel.{c}" for c in CHANNELS]),
    ("total", [f"by_concern.{x}" for x in CONCERNS]),
    ("total", [f"by_topic_area.{a}" for a in AREAS]),
    (tuple(f"by_kind.{k}" for k in CITIZEN_KINDS), [f"citizen_topic_area.{a}" for a in AREAS]),
]


def _event_kinds(facts: Facts) -> list[str]:
    kinds: set[str] = set()
    try:
        from saas.events.models import EventKind

        kinds.update(k.value for k in EventKind)
    except ImportError:  # pragma: no cover - the events feature is optional
        pass
    for families in facts.values():
        kinds.update(v for (dim, v) in families.get("events", Counter()) if dim == "by_kind")
    return sorted(kinds)


def _family_cells(family: str, c: Counter, event_kinds: list[str]) -> dict[str, int]:
    if family == "contacts":
        return _contact_cells(c)
    if family == "groups":
        return {k: c[("figure", k)] for k in GROUP_KEYS}
    if family == "events":
        cells = {k: c[("figure", k)] for k in EVENT_KEYS}
        cells.update({f"by_kind.{k}": c[("by_kind", k)] for k in event_kinds})
        return cells
    if family == "newsletter":
        return {k: c[("figure", k)] for k in NEWSLETTER_KEYS}
    raise ValueError(family)


def _row_lines(family: str, cells: dict[str, int], event_kinds: list[str], office: bool) -> list[tuple[Any, list[str]]]:
    if family == "contacts":
        return CONTACT_LINES
    if family == "events" and office and event_kinds:
        # Which events by_kind counts is the events feature's business; a relation that holds in the
        # numbers is one a reader could use, so it is treated as published.
        parts = [f"by_kind.{k}" for k in event_kinds]
        kinds_sum = sum(cells[p] for p in parts)
        if kinds_sum == cells["held"]:
            return [("held", parts)]
        if kinds_sum == cells["held"] + cells["cancelled"]:
            return [(("held", "cancelled"), parts)]
    return []


# --- building and suppressing -------------------------------------------------------------------------


def _names(oid: int, family: str, total: str | tuple[str, ...]) -> list[tuple]:
    return [(oid, family, t) for t in (total if isinstance(total, tuple) else (total,))]


@dataclass
class Published:
    """The cells of one year as published: a number, or the marker string."""

    values: dict[tuple, int | str]
    sharing: dict[str, list[int]]  # family -> offices sharing it

    def get(self, office_id: int, family: str, name: str) -> int | str | None:
        return self.values.get((office_id, family, name))


def contact_cell_values(members: list[Member], facts: Facts) -> dict[tuple, int]:
    """The contact cells of the offices sharing contacts and of their total, before suppression."""
    out: dict[tuple, int] = {}
    offices = [m.office_id for m in members if "contacts" in m.families]
    for oid in offices:
        for name, value in _contact_cells(facts.get(oid, {}).get("contacts", Counter())).items():
            out[(oid, "contacts", name)] = value
            out[(TOTAL, "contacts", name)] = out.get((TOTAL, "contacts", name), 0) + value
    return out


def published_contact_cells(payload: dict, members: list[Member]) -> dict[tuple, int | str]:
    """The contact cells as a stored report publishes them (a number or the marker), by cell key."""
    office_ids = {m.slug: m.office_id for m in members}
    sections = [(office_ids.get(o["tenant"]), o.get("contacts")) for o in payload.get("offices", [])]
    sections.append((TOTAL, (payload.get("total") or {}).get("contacts")))
    out: dict[tuple, int | str] = {}
    for oid, section in sections:
        if oid is None or not isinstance(section, dict):
            continue
        for name in _contact_cells(Counter()):
            node: Any = section
            for part in name.split("."):
                node = node.get(part) if isinstance(node, dict) else None
            if isinstance(node, int | str) and not isinstance(node, bool):
                out[(oid, "contacts", name)] = node
    return out


def publish_cells(members: list[Member], facts: Facts, threshold: int, also_hide: Iterable[tuple] = ()) -> Published:
    event_kinds = _event_kinds(facts)
    system = CellSystem()
    sharing: dict[str, list[int]] = {}
    for family in ("contacts", "groups", "events", "newsletter"):
        offices = [m.office_id for m in members if family in m.families]
        if not offices:
            continue
        sharing[family] = offices
        per_office = {
            oid: _family_cells(family, facts.get(oid, {}).get(family, Counter()), event_kinds) for oid in offices
        }
        names = list(next(iter(per_office.values())))
        for oid, cells in per_office.items():
            for name, value in cells.items():
                system.add((oid, family, name), value)
            for total, parts in _row_lines(family, cells, event_kinds, office=True):
                system.relate_sums(_names(oid, family, total), [(oid, family, p) for p in parts])
        for name in names:
            if family == "groups" and name in GROUP_NOT_ADDITIVE:
                continue
            system.add((TOTAL, family, name), sum(per_office[oid][name] for oid in offices))
            system.relate((TOTAL, family, name), [(oid, family, name) for oid in offices])
        total_cells = {n: system.values[(TOTAL, family, n)] for n in names if (TOTAL, family, n) in system.values}
        for total, parts in _row_lines(family, total_cells, event_kinds, office=False):
            system.relate_sums(_names(TOTAL, family, total), [(TOTAL, family, p) for p in parts])
    hidden = suppress(system, threshold, also_hide)
    mark = marker(threshold)
    values = {cell: (mark if cell in hidden else value) for cell, value in system.values.items()}
    return Published(values, sharing)  # type: ignore[arg-type]


def _pct(part: int | str | None, base: int | str | None, mark: str) -> int | str:

    if isinstance(part, int) and isinstance(base, int):
        return share_pct(part, base)
    return mark


def _change(current: int | str | None, previous: int | str | None, mark: str) -> float | str | None:

    if isinstance(current, int) and isinstance(previous, int):
        return change_pct(current, previous)
    return mark


def _section(family: str, oid: int, cur: Published, prev: Published | None, mark: str) -> dict[str, Any]:
    """One family's figures of one office (or of the total, ``oid == TOTAL``); ``prev`` None: no data."""

    def v(name: str) -> Any:
        return cur.get(oid, family, name)

    if family == "contacts":
        # No contacts at all in the previous year: changes are null (as in the annual report) and the
        # previous total, 0, is below any threshold.
        def before(name: str) -> Any:
            return prev.get(oid, family, name) if prev is not None else None

        def change(name: str) -> Any:
            return _change(v(name), before(name), mark) if prev is not None else None

        parts = [v(f"by_kind.{k}") for k in CITIZEN_KINDS]
        citizens = sum(parts) if all(isinstance(p, int) for p in parts) else mark  # the share's base

        return {
            "total": v("total"),
            "by_kind": {k: v(f"by_kind.{k}") for k in KINDS},
            "by_channel": {c: v(f"by_channel.{c}") for c in CHANNELS},
            "by_channel_pct": {c: _pct(v(f"by_channel.{c}"), v("total"), mark) for c in CHANNELS},
            "citizen_topic_area_pct": {a: _pct(v(f"citizen_topic_area.{a}"), citizens, mark) for a in AREAS},
            "by_concern": {x: v(f"by_concern.{x}") for x in CONCERNS},
            "referrals": {r: v(f"referrals.{r}") for r in REFERRALS},
            "previous_year_total": before("total") if prev is not None else mark,
            "change_pct": {"total": change("total"), **{k: change(f"by_kind.{k}") for k in KINDS}},
            "by_topic_area": {a: v(f"by_topic_area.{a}") for a in AREAS},
            "citizen_topic_area": {a: v(f"citizen_topic_area.{a}") for a in AREAS},
        }
    if family == "groups":
        out = {k: v(k) for k in GROUP_KEYS}
        if oid == TOTAL:
            out["topics"] = None  # distinct topics cannot be summed over offices
        return out
    if family == "events":
        by_kind = {
            name.split(".", 1)[1]: value
            for (o, f, name), value in cur.values.items()
            if o == oid and f == "events" and name.startswith("by_kind.")
        }
        return {**{k: v(k) for k in EVENT_KEYS}, "by_kind": by_kind}
    return {k: v(k) for k in NEWSLETTER_KEYS}


def build(
    association_slug: str,
    association_name: str,
    year: int,
    threshold: int,
    members: list[Member],
    facts: Facts,
    previous_facts: Facts | None,
    hide: Iterable[tuple] = (),
    hide_previous: Iterable[tuple] = (),
) -> dict[str, Any]:
    """The report payload: offices (sorted by name) and the association total, every small count hidden
    (and the cells in ``hide``/``hide_previous``, with what protects them). ``previous_facts`` None: no
    comparison with the year before (changes are null)."""
    mark = marker(threshold)
    cur = publish_cells(members, facts, threshold, hide)
    prev_all = publish_cells(members, previous_facts, threshold, hide_previous) if previous_facts else None

    def prev_for(office_id: int) -> Published | None:
        if previous_facts is None:
            return None
        ids = [m.office_id for m in members if "contacts" in m.families] if office_id == TOTAL else [office_id]
        return prev_all if any(previous_facts.get(i, {}).get("contacts") for i in ids) else None

    offices = []
    for m in sorted(members, key=lambda m: (m.name.casefold(), m.slug)):
        entry: dict[str, Any] = {"tenant": m.slug, "name": m.name}
        if m.families:
            entry.update({"population": m.population, "staff_fte": m.staff_fte, "sites": m.sites})
        for family in m.families:
            entry[family] = _section(family, m.office_id, cur, prev_for(m.office_id), mark)
        offices.append(entry)
    total: dict[str, Any] = {}
    for family, oids in cur.sharing.items():
        total[family] = _section(family, TOTAL, cur, prev_for(TOTAL), mark)
        total[family]["offices"] = len(oids)
    return {
        "association": association_slug,
        "name": association_name,
        "year": year,
        "threshold": threshold,
        "offices": offices,
        "total": total,
    }
