"""The association report of one year (CONTRACTS.md *Association report JSON*), suppressed.

Built from the aggregate tables only. Every count of every office and of the association total is a
cell; the equations anyone could use on the published figures (an office's total is the sum of its
contacts by kind, by channel, by concern, by topic area; the association total is the sum over the
offices; …) bind them. :mod:`saas.association.suppression` then decides what is hidden, and every
derived figure (percentages, year-over-year changes) is published only when all its inputs are.

After that, and only hiding, the sign ``"x"`` (Destatis: "Tabellenfach gesperrt, weil Aussage nicht
sinnvoll") replaces the relatives of an office that counts them among the citizens, and the association
totals that would mix the two ways of counting (:func:`relatives_locked`): a 0 there would say that no
relative called.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.sparse import csr_array
from scipy.sparse.csgraph import connected_components

from saas.association.suppression import SECONDARY, CellSystem, Equation, Suppression, marker, suppress

KINDS = ("citizen", "relative", "group", "professional")
CITIZEN_KINDS = ("citizen", "relative")
CHANNELS = ("phone", "written", "in_person")
AREAS = ("addiction", "chronic_illness", "mental_health", "disability", "social")
CONCERNS = ("seeking_group", "founding_group", "information", "group_support", "networking", "other")
REFERRALS = ("to_groups", "to_professionals")
MEDIA = ("email", "letter", "form", "unknown")  # written contacts by medium; "unknown": none recorded
GROUP_KEYS = ("active_at_year_end", "founded", "founding_at_year_end", "founding_abandoned", "dissolved", "topics")
GROUP_NOT_ADDITIVE = {"topics"}  # distinct topics per office: summing them over offices means nothing
EVENT_KEYS = ("held", "cancelled", "registrations")
NEWSLETTER_KEYS = ("subscribers_at_year_end", "issues_sent")
FOUNDING_KEYS = (
    "processes_started",
    "processes_open_at_year_end",
    "interested",
    "consultations",
    "first_talks",
    "press_notices",
    "first_meetings",
    "founded",
    "abandoned",
)
SUPPORT_KEYS = ("cases", "sessions", "contacts")
SUPPORT_BY_KIND = ("cases_by_kind", "sessions_by_kind")  # cases = Σ cases_by_kind, sessions = Σ sessions_by_kind
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
    relatives_apart: bool = True  # False: the office counts relatives among the citizens


# --- cells of one family for one office ---------------------------------------------------------------


def _contact_cells(c: Counter, relatives_apart: bool = True) -> dict[str, int]:
    """An office's contact cells. ``relatives_apart`` False: the office counts relatives among the citizens
    (contacts.models.fold_kinds), so its citizens' cell holds any recorded as relatives, as in its own
    report, and its relatives' cell is 0 before disclosure control and ``"x"`` after (:func:`relatives_locked`)."""
    kinds = {k: c[("kind", k)] for k in KINDS}
    if not relatives_apart:  # as the office's own report folds them (this module imports no app code)
        kinds = {**kinds, "citizen": kinds["citizen"] + kinds["relative"], "relative": 0}
    cells = {"total": c[("total", "")], **{f"by_kind.{k}": n for k, n in kinds.items()}}
    for ch in CHANNELS:
        cells[f"by_channel.{ch}"] = c[("channel", ch)]
    for x in CONCERNS:
        cells[f"by_concern.{x}"] = c[("concern", x)]
    for a in AREAS:
        cells[f"by_topic_area.{a}"] = sum(c[("kind_area", f"{k}:{a}")] for k in KINDS)
        cells[f"citizen_topic_area.{a}"] = sum(c[("kind_area", f"{k}:{a}")] for k in CITIZEN_KINDS)
    for r in REFERRALS:
        cells[f"referrals.{r}"] = c[("referrals", r)]
    for m in MEDIA:
        cells[f"written_by_medium.{m}"] = c[("medium", m)]
    return cells


CONTACT_LINES = [
    ("total", [f"by_kind.{k}" for k in KINDS]),
    ("total", [f"by_channel.{c}" for c in CHANNELS]),
    ("by_channel.written", [f"written_by_medium.{m}" for m in MEDIA]),
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


def _family_cells(family: str, c: Counter, event_kinds: list[str], relatives_apart: bool = True) -> dict[str, int]:
    if family == "contacts":
        return _contact_cells(c, relatives_apart)
    if family == "groups":
        return {k: c[("figure", k)] for k in GROUP_KEYS}
    if family == "events":
        cells = {k: c[("figure", k)] for k in EVENT_KEYS}
        cells.update({f"by_kind.{k}": c[("by_kind", k)] for k in event_kinds})
        return cells
    if family == "newsletter":
        return {k: c[("figure", k)] for k in NEWSLETTER_KEYS}
    if family == "founding":
        return {k: c[("figure", k)] for k in FOUNDING_KEYS}
    if family == "support":
        cells = {k: c[("figure", k)] for k in SUPPORT_KEYS}
        for dimension in SUPPORT_BY_KIND:
            cells.update({f"{dimension}.{k}": c[(dimension, k)] for k in _case_kinds()})
        return cells
    if family == "profile":
        cells = {f"meeting_modes.{m}": c[("meeting_modes", m)] for m in _meeting_modes()}
        cells["young_groups"] = c[("figure", "young_groups")]
        return cells
    raise ValueError(family)


def _case_kinds() -> list[str]:
    from saas.founding.models import CASE_KINDS

    return list(CASE_KINDS)


def _meeting_modes() -> list[str]:
    from saas.directory.models import MEETING_MODES

    return list(MEETING_MODES)


def _row_lines(family: str, cells: dict[str, int], event_kinds: list[str], office: bool) -> list[tuple[Any, list[str]]]:
    if family == "contacts":
        return CONTACT_LINES
    if family == "support":
        return [(total, [f"{total}_by_kind.{k}" for k in _case_kinds()]) for total in ("cases", "sessions")]
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


def _names(table: Any, oid: int, family: str, total: str | tuple[str, ...]) -> list[tuple]:
    return [(table, oid, family, t) for t in (total if isinstance(total, tuple) else (total,))]


YEAR = "Y"  # the table of the whole year; year-to-date tables are ("C", month), months ("T", month)
FIXED_NAMES = {("contacts", "total")}  # never hidden to protect another cell (CONTRACTS.md)


@dataclass
class Published:
    """The cells of one table as published: a number, ``"<5"`` or ``"."``."""

    values: dict[tuple, int | str]
    sharing: dict[str, list[int]]  # family -> offices sharing it
    _sections: dict[tuple[int, str], dict[str, int | str]] | None = field(default=None, repr=False, compare=False)

    def get(self, office_id: int, family: str, name: str) -> int | str | None:
        return self.values.get((office_id, family, name))

    def section(self, office_id: int, family: str) -> dict[str, int | str]:
        """The cells of one office (or the total) and family: name → number or sign (indexed once)."""
        if self._sections is None:
            self._sections = defaultdict(dict)
            for (oid, fam, name), value in self.values.items():
                self._sections[(oid, fam)][name] = value
        return self._sections.get((office_id, family), {})


def contact_cell_values(members: list[Member], facts: Facts) -> dict[tuple, int]:
    """The contact cells of the offices sharing contacts and of their total, before suppression."""
    out: dict[tuple, int] = {}
    for m in members:
        if "contacts" not in m.families:
            continue
        oid = m.office_id
        for name, value in _contact_cells(facts.get(oid, {}).get("contacts", Counter()), m.relatives_apart).items():
            out[(oid, "contacts", name)] = value
            out[(TOTAL, "contacts", name)] = out.get((TOTAL, "contacts", name), 0) + value
    return out


Truth = dict[str, dict[int, dict[str, int]]]  # family -> office -> cell name -> count: one table's true counts


def table_truth(members: list[Member], facts: Facts, families: Iterable[str], event_kinds: list[str]) -> Truth:
    """The true counts of one table: every cell of every office sharing each family (zeros included)."""
    out: Truth = {}
    for family in families:
        offices = [m for m in members if family in m.families]
        if offices:
            out[family] = {
                m.office_id: _family_cells(
                    family, facts.get(m.office_id, {}).get(family, Counter()), event_kinds, m.relatives_apart
                )
                for m in offices
            }
    return out


def _add_table(
    system: CellSystem, table: Any, truth: Truth, fixed_totals: bool, frozen: bool = False
) -> dict[str, list[int]]:
    """Add one table's cells and its equations (office lines, association totals) to ``system``.
    ``frozen``: a table released before, whose cells are known constants that may not be hidden now."""
    sharing: dict[str, list[int]] = {}
    for family, per_office in truth.items():
        if not per_office:
            continue
        offices = list(per_office)
        sharing[family] = offices
        first = next(iter(per_office.values()))
        names = list(first)
        event_kinds = [n.split(".", 1)[1] for n in names if n.startswith("by_kind.")] if family == "events" else []
        for oid, cells in per_office.items():
            for name, value in cells.items():
                fixed = frozen or (fixed_totals and (family, name) in FIXED_NAMES)
                system.add((table, oid, family, name), value, fixed=fixed)
            for total, parts in _row_lines(family, cells, event_kinds, office=True):
                system.relate_sums(_names(table, oid, family, total), [(table, oid, family, p) for p in parts])
        for name in names:
            if family == "groups" and name in GROUP_NOT_ADDITIVE:
                continue
            cell = (table, TOTAL, family, name)
            value = sum(per_office[oid].get(name, 0) for oid in offices)
            system.add(cell, value, fixed=frozen or (family, name) in FIXED_NAMES)
            system.relate(cell, [(table, oid, family, name) for oid in offices])
        total_cells = {
            n: system.values[(table, TOTAL, family, n)] for n in names if (table, TOTAL, family, n) in system.values
        }
        for total, parts in _row_lines(family, total_cells, event_kinds, office=False):
            system.relate_sums(_names(table, TOTAL, family, total), [(table, TOTAL, family, p) for p in parts])
    return sharing


def table_values(table: Any, truth: Truth) -> tuple[dict[tuple, int], dict[str, list[int]]]:
    """The cells of one table and who shares each family, as :func:`_add_table` makes them (the offices'
    counts and the association totals), without the equations: what reading a released table back needs
    (its signs are stored), at a fraction of the cost of building its system."""
    values: dict[tuple, int] = {}
    sharing: dict[str, list[int]] = {}
    for family, per_office in truth.items():
        if not per_office:
            continue
        offices = list(per_office)
        sharing[family] = offices
        names = list(next(iter(per_office.values())))
        for oid, cells in per_office.items():
            for name, value in cells.items():
                if value < 0:
                    raise ValueError(f"negative count for {(table, oid, family, name)!r}")
                values[(table, oid, family, name)] = int(value)
        for name in names:
            if family == "groups" and name in GROUP_NOT_ADDITIVE:
                continue
            values[(table, TOTAL, family, name)] = sum(per_office[oid].get(name, 0) for oid in offices)
    return values, sharing


QUARTER_ENDS = (3, 6, 9)  # the year-to-date periods of a year: to the end of March, June, September


def truth_of(system: CellSystem, table: Any) -> Truth:
    """The true counts of one table of ``system`` (offices only: the association total is their sum)."""
    out: Truth = {}
    for (t, oid, family, name), value in system.values.items():
        if t == table and oid != TOTAL and (t, oid, family, name) not in system.implicit:
            out.setdefault(family, {}).setdefault(oid, {})[name] = value
    return out


def build_system(
    members: list[Member],
    facts: Facts | None,
    months: dict[int, Facts] | None = None,
    ends: Iterable[int] = (),
    released: Mapping[Any, Truth] | None = None,
) -> tuple[CellSystem, dict[Any, dict[str, list[int]]]]:
    """The cells of one year as a reader can get them: the year's table (``facts``, None for a year not yet
    complete) and the year-to-date contact tables to the end of each month in ``ends`` (from ``months``:
    month → facts of that month alone), linked across time:

    - a year-to-date = the one before + what was counted since (an implicit cell: a reader forms it by
      subtracting two downloads),
    - the year = the last year-to-date + what was counted since (implicit too).

    ``released``: tables released before (table → their true counts as stored with the release). They are
    frozen: their cells are those constants, fixed (never hidden to protect another cell now), and the
    steps to the next table are taken against them, so a step holds late entries into a released period
    too, and is below 0 where contacts of it were deleted since.
    """
    released = dict(released or {})
    ends = sorted(set(ends) | {t[1] for t in released if isinstance(t, tuple) and t[0] == "C"})
    system = CellSystem()
    sharing: dict[Any, dict[str, list[int]]] = {}
    chain: list[Any] = []
    contact_members = [m for m in members if "contacts" in m.families]
    running: Facts = {}
    for month in range(1, (ends[-1] if ends else 0) + 1):
        for oid, families in ((months or {}).get(month) or {}).items():
            running.setdefault(oid, {}).setdefault("contacts", Counter()).update(families.get("contacts", Counter()))
        if month not in ends:
            continue
        table = ("C", month)
        if table in released:
            truth = released[table]
        elif contact_members and months:
            truth = table_truth(contact_members, running, ("contacts",), [])
        else:
            continue
        # A year-to-date total is not the year's report: it may be hidden to protect a step between two.
        sharing[table] = _add_table(system, table, truth, fixed_totals=False, frozen=table in released)
        chain.append(table)
    if YEAR in released:
        sharing[YEAR] = _add_table(system, YEAR, released[YEAR], fixed_totals=True, frozen=True)
        chain.append(YEAR)
    elif facts is not None:
        truth = table_truth(members, facts, FAMILIES, _event_kinds(facts))
        sharing[YEAR] = _add_table(system, YEAR, truth, fixed_totals=True)
        chain.append(YEAR)
    for before, after in itertools.pairwise(chain):
        step_name = ("T", "rest") if after == YEAR else ("T", after[1])
        for _t, oid, family, name in [k for k in system.values if k[0] == before]:
            cur, prev = (after, oid, family, name), (before, oid, family, name)
            if cur not in system.values:
                continue
            step = system.add((step_name, oid, family, name), system.values[cur] - system.values[prev], implicit=True)
            system.relate(cur, [prev, step])
    return system, sharing


FAMILIES = ("contacts", "groups", "events", "newsletter", "founding", "support", "profile")


def publish_tables(
    members: list[Member],
    facts: Facts | None,
    threshold: int,
    months: dict[int, Facts] | None = None,
    ends: Iterable[int] = (),
    also: Iterable[tuple] = (),
    released: Mapping[Any, Truth] | None = None,
) -> tuple[dict[Any, Published], Suppression]:
    """Suppress the year and its year-to-date tables together; the published cells of each table
    (``also``: cells to hide as ``"."`` whatever their value, e.g. hidden in a released table;
    ``released``: tables released before, held fixed, see :func:`build_system`)."""
    system, sharing = build_system(members, facts, months, ends, released)
    return publish_system(system, sharing, threshold, also)


def publish_system(
    system: CellSystem, sharing: Mapping[Any, Any], threshold: int, also: Iterable[tuple] = ()
) -> tuple[dict[Any, Published], Suppression]:
    """Suppress a cell system already built (:func:`build_system`) and sign each table's cells."""
    result = suppress_blocks(system, threshold, also)
    tables: dict[Any, Published] = {t: Published({}, s) for t, s in sharing.items()}
    for (table, oid, family, name), value in system.values.items():
        if table in tables:
            tables[table].values[(oid, family, name)] = result.sign((table, oid, family, name), value)
    return tables, result


def blocks(system: CellSystem, threshold: int, also: Iterable[tuple] = ()) -> list[CellSystem]:
    """The independent parts of ``system`` that have something to protect, each a system of its own.

    A *constant* is a fixed cell (never hidden to protect another) that is not small and not hidden for an
    outside reason: it is published whatever the suppression decides. Cells linked by an equation through
    anything but constants are in one part; each part keeps its constants, and equations of constants
    alone are left out (nothing in them can be hidden or exposed). A part without a count of 1 …
    threshold−1 (or a step of −(threshold−1) … −1) and without a cell of ``also`` has nothing to protect:
    :func:`suppression.suppress` would hide nothing in it, so it is not solved at all. In the others the
    complements, the audit and its repairs never reach beyond the part, so suppressing each part alone
    decides what suppressing the whole would (e.g. the year's table beside its frozen year to date: a
    dimension such as the kinds of contact across all offices is one part, the fixed totals join none)."""
    also = set(also)
    vals = system.values
    fixed = system.fixed
    constant = {c for c in fixed if not 0 < vals[c] < threshold and c not in also}
    # The parts are the connected components of the open cells (each equation links its first open cell
    # to its others): found by scipy's connected_components, not a union-find in Python, which was the
    # largest step of a release night at 400 offices.
    index = {c: i for i, c in enumerate(vals)}
    heads: list[int] = []
    tails: list[int] = []
    linked: list[tuple[int, Equation]] = []
    for eq in system.equations:
        first = -1
        for c in (*eq.totals, *eq.parts):
            if c in constant:
                continue
            if first < 0:
                first = index[c]
            else:
                heads.append(first)
                tails.append(index[c])
        if first >= 0:
            linked.append((first, eq))
    n = len(index)
    graph = csr_array((np.ones(len(heads), dtype=np.int8), (heads, tails)), shape=(n, n))
    _count, label = connected_components(graph, directed=False)
    labels = label.tolist()
    parts: dict[int, list[Any]] = defaultdict(list)
    active: set[int] = set()
    for c, i in index.items():
        if c in constant:
            continue
        root = labels[i]
        parts[root].append(c)
        value = vals[c]
        if 0 < abs(value) < threshold or c in also:
            active.add(root)
    out: dict[int, CellSystem] = {root: CellSystem() for root in sorted(active)}
    implicit = system.implicit
    for root, part in out.items():
        for c in parts[root]:
            part.add(c, vals[c], fixed=c in fixed, implicit=c in implicit)
    for first, eq in linked:
        found = out.get(labels[first])
        if found is None:
            continue
        for c in eq.members:
            if c in constant and c not in found.values:
                found.add(c, vals[c], fixed=True)
        found.equations.append(eq)
    return list(out.values())


def suppress_blocks(system: CellSystem, threshold: int, also: Iterable[tuple] = ()) -> Suppression:
    """:func:`suppression.suppress` of ``system``, one independent part at a time (:func:`blocks`): the
    same decisions, without solving what has nothing to protect, and with small programs instead of one
    over every table of the year."""
    also = set(also)
    merged = Suppression(threshold, set(), set(), set(system.implicit), negative=system.negative)
    for part in blocks(system, threshold, also):
        found = suppress(part, threshold, also & set(part.values))
        merged.primary |= found.primary
        merged.secondary |= found.secondary
        merged.unprotected |= found.unprotected
    return merged


def hidden_per_100(table: Published) -> float:
    """Cells hidden ("<5" or ".") per 100 published numbers in one table: what suppression costs the
    reader (the bench prints it for the year and for the year-to-date tables)."""
    hidden = sum(1 for v in table.values.values() if isinstance(v, str))
    shown = len(table.values) - hidden
    return 100.0 * hidden / shown if shown else 0.0


def publish_cells(members: list[Member], facts: Facts, threshold: int) -> Published:
    """The year's table alone, suppressed."""
    tables, _ = publish_tables(members, facts, threshold)
    return tables.get(YEAR) or Published({}, {})


def _pct(part: int | str | None, base: int | str | None) -> int | float | str | None:
    """A share of a count: carries the count's sign when it is hidden; a share of a published count is
    published (0 of anything is 0 %)."""
    from saas.association.queries import share_pct

    if part is None or base is None:
        return None
    if isinstance(part, str):
        return part
    if part == 0:
        return 0.0
    if isinstance(base, str):
        return base  # the share would give the hidden base away
    return share_pct(part, base)


def _change(current: int | str | None, previous: int | str | None) -> float | str | None:
    """A change carries the sign of the hidden count it is derived from."""
    from saas.association.queries import change_pct

    if current is None or previous is None:
        return None
    if isinstance(current, str):
        return current
    if isinstance(previous, str):
        return previous
    return change_pct(current, previous)


def _citizens(v: Any) -> int | str:
    """The base of the topic-area shares (citizens + relatives): known when both kinds are published, or
    when all citizen topic areas are (they add up to it)."""
    parts = [v(f"by_kind.{k}") for k in CITIZEN_KINDS]
    if all(isinstance(p, int) for p in parts):
        return sum(parts)
    areas = [v(f"citizen_topic_area.{a}") for a in AREAS]
    if all(isinstance(a, int) for a in areas):
        return sum(areas)
    return next(p for p in parts if isinstance(p, str))


def _section(family: str, oid: int, cur: Published, prev: Published | None) -> dict[str, Any]:
    """One family's figures of one office (or of the total, ``oid == TOTAL``); ``prev`` None: no data."""

    def v(name: str) -> Any:
        return cur.get(oid, family, name)

    if family == "contacts":
        # No contacts at all in the previous year: changes are null (as in the annual report).
        def before(name: str) -> Any:
            return prev.get(oid, family, name) if prev is not None else None

        def change(name: str) -> Any:
            return _change(v(name), before(name)) if prev is not None else None

        citizens = _citizens(v)
        return {
            "total": v("total"),
            "by_kind": {k: v(f"by_kind.{k}") for k in KINDS},
            "by_channel": {c: v(f"by_channel.{c}") for c in CHANNELS},
            "by_channel_pct": {c: _pct(v(f"by_channel.{c}"), v("total")) for c in CHANNELS},
            "written_by_medium": {m: v(f"written_by_medium.{m}") for m in MEDIA},
            "citizen_topic_area_pct": {a: _pct(v(f"citizen_topic_area.{a}"), citizens) for a in AREAS},
            "by_concern": {x: v(f"by_concern.{x}") for x in CONCERNS},
            "referrals": {r: v(f"referrals.{r}") for r in REFERRALS},
            "previous_year_total": before("total"),
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
            for name, value in cur.section(oid, "events").items()
            if name.startswith("by_kind.")
        }
        return {**{k: v(k) for k in EVENT_KEYS}, "by_kind": by_kind}
    if family == "newsletter":
        return {k: v(k) for k in NEWSLETTER_KEYS}
    return _nested(family, oid, cur)


def _nested(family: str, oid: int, cur: Published) -> dict[str, Any]:
    """A family's cells of one office (or the total) as the annual report nests them: "a.b" → {"a": {"b": …}}."""
    out: dict[str, Any] = {}
    for name, value in cur.section(oid, family).items():
        head, _, tail = name.partition(".")
        if tail:
            out.setdefault(head, {})[tail] = value
        else:
            out[head] = value
    return out


LOCKED = "x"  # Destatis: "Tabellenfach gesperrt, weil Aussage nicht sinnvoll"


def relatives_locked(folding: Iterable[int], sharing: Iterable[int]) -> set[tuple[int, str]]:
    """The contact cells signed :data:`LOCKED`, as (office or :data:`TOTAL`, kind): ``folding``: the offices
    that count relatives among the citizens, ``sharing``: the offices whose contacts the table shows.

    Such an office's relatives (its citizens are what it counts as citizens, relatives included). The
    association's relatives when any sharing office folds them in; its citizens too when some do and some
    do not, for that sum would be neither the citizens' nor the citizens' and relatives'. The base of the
    topic-area shares (citizens plus relatives) means the same everywhere and stays."""
    sharing = set(sharing)
    folded = set(folding) & sharing
    cells = {(oid, "relative") for oid in folded}
    if folded:
        cells.add((TOTAL, "relative"))
        if folded != sharing:
            cells.add((TOTAL, "citizen"))
    return cells


def _lock(section: dict[str, Any], kinds: Iterable[str]) -> None:
    """Sign ``kinds`` (and their changes) :data:`LOCKED` in one contacts section of a payload."""
    for kind in kinds:
        section["by_kind"][kind] = LOCKED
        section["change_pct"][kind] = LOCKED


def uses_locked(payload: Mapping[str, Any]) -> bool:
    """Whether a payload signs any cell :data:`LOCKED` (its legend then explains the sign)."""
    entries = [*payload.get("offices", []), payload.get("total") or {}]
    return any(LOCKED in ((e.get("contacts") or {}).get("by_kind") or {}).values() for e in entries)


def has_contacts(total: object) -> bool:
    """Whether an office's contacts total says it counted that year: any total but 0 or none (a hidden
    total is one). An office that shares its figures but recorded nothing (it keeps them in Lotse only
    since later) is not in that year's "Berichtskreis". The one test for the table and the payload."""
    return total not in (None, 0)


def _had_contacts(prev: Published | None, office_ids: list[int]) -> bool:
    if prev is None:
        return False
    return any(has_contacts(prev.get(oid, "contacts", "total")) for oid in office_ids)


def _reporting(table: Published) -> set[int]:
    """The offices with contacts in a table (the "Berichtskreis"), as
    :func:`saas.association.queries.reporting` reads them in a payload."""
    return {oid for oid in table.sharing.get("contacts", ()) if has_contacts(table.get(oid, "contacts", "total"))}


def build(
    association_slug: str,
    association_name: str,
    year: int,
    threshold: int,
    members: list[Member],
    cur: Published,
    prev: Published | None,
) -> dict[str, Any]:
    """The report payload of one published table: offices (sorted by name) and the association total.
    ``prev``: the same table of the year before (changes), None when there is none."""
    contact_ids = [m.office_id for m in members if "contacts" in m.families]

    def prev_for(office_id: int) -> Published | None:
        if office_id == TOTAL:  # a change of the total only within the same offices: 2023 (three offices)
            # against 2022 (Dortmund alone) is no growth of 152 %, as the dashboard says too
            same = prev is not None and _reporting(prev) == _reporting(cur)
            return prev if same and _had_contacts(prev, contact_ids) else None
        return prev if _had_contacts(prev, [office_id]) else None

    locked = relatives_locked((m.office_id for m in members if not m.relatives_apart), cur.sharing.get("contacts", ()))
    offices = []
    for m in sorted(members, key=lambda m: (m.name.casefold(), m.slug)):
        entry: dict[str, Any] = {"tenant": m.slug, "name": m.name}
        if m.families:
            entry.update({"population": m.population, "staff_fte": m.staff_fte, "sites": m.sites})
            if not m.relatives_apart:  # added key, only then: the payloads of other offices stay as they were
                entry["relatives_apart"] = False
        for family in m.families:
            if family in cur.sharing and m.office_id in cur.sharing[family]:
                entry[family] = _section(family, m.office_id, cur, prev_for(m.office_id))
        if "profile" in entry:  # staff positions: the office's master data, as in its annual report
            entry["profile"]["staff_fte"] = m.staff_fte
        if "contacts" in entry:
            _lock(entry["contacts"], sorted(k for oid, k in locked if oid == m.office_id))
        offices.append(entry)
    total: dict[str, Any] = {}
    for family, oids in cur.sharing.items():
        total[family] = _section(family, TOTAL, cur, prev_for(TOTAL))
        total[family]["offices"] = len(oids)
    if "contacts" in total:
        _lock(total["contacts"], sorted(k for oid, k in locked if oid == TOTAL))
    if "profile" in total:
        known = [m.staff_fte for m in members if m.office_id in cur.sharing["profile"] and m.staff_fte is not None]
        total["profile"]["staff_fte"] = round(sum(known), 2) if known else None
    return {
        "association": association_slug,
        "name": association_name,
        "year": year,
        "threshold": threshold,
        "offices": offices,
        "total": total,
    }


LEGEND = {
    "<": "kleine Zahl (1 bis {top}), zum Schutz der Ratsuchenden nicht veröffentlicht",
    ".": "geheim gehalten, damit sich keine kleine Zahl errechnen lässt; der Wert kann beliebig groß sein",
    "x": (
        "nicht getrennt erfasst: Angehörige bei den Bürger*innen mitgezählt (in der Verbandssumme: bei "
        "mindestens einer Kontaktstelle), eine Zahl wäre keine sinnvolle Aussage"
    ),
    "0": "null: nichts gezählt",
}


def legend(threshold: int, locked: bool = False) -> list[tuple[str, str]]:
    """The signs and what they mean (German; the same in pages, CSV, XLSX and the API); ``locked``: the
    table uses :data:`LOCKED` (:func:`uses_locked`), which is explained only then."""
    return [
        (marker(threshold), LEGEND["<"].format(top=threshold - 1)),
        (SECONDARY, LEGEND["."]),
        *([(LOCKED, LEGEND["x"])] if locked else []),
        ("0", LEGEND["0"]),
    ]
