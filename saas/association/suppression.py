"""Statistical disclosure control for association figures: primary and secondary cell suppression.

A published report is a set of *cells* (counts) tied together by *equations* that anyone can use,
e.g. ``contacts.total = sum(contacts.by_kind.*)`` for an office, or ``association total of citizens =
sum over offices``. Primary suppression hides every cell below the threshold. Secondary suppression
then hides further cells until no hidden cell can be worked out from the published ones:

1. *Exact recovery by linear algebra.* Treating the hidden cells as unknowns, a hidden cell is
   recoverable exactly when its unit vector lies in the row space of the equations restricted to
   the hidden cells. We bring that system to reduced row-echelon form (exact fractions, sparse rows)
   and look for rows with a single entry.
2. *Recovery by bounds.* A reader knows every count is ≥ 0 and, seeing ``<5``, may assume ≤ 4. In an
   equation whose hidden cells are all parts of a published total, their sum is known; if that sum is
   0 (all hidden cells are 0) or exactly the largest value the bounds allow (all are threshold−1),
   each is known. Such lines get one more hidden cell.

Each round hides, for every exposed cell, a published cell of a line in which it is the only unknown —
the smallest, where a cell that pairs up another lonely unknown at the same time (the corner of a
rectangle) counts as half its size — and repeats until nothing is exposed. It always ends: in the worst case
everything is hidden.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

Cell = Hashable


def marker(threshold: int) -> str:
    """The published text of a hidden cell: ``"<5"`` (the threshold written in)."""
    return f"<{threshold}"


@dataclass(frozen=True)
class Equation:
    """``sum(totals) == sum(parts)`` over cells of the report (usually a single total)."""

    totals: tuple[Cell, ...]
    parts: tuple[Cell, ...]

    @property
    def members(self) -> tuple[Cell, ...]:
        return (*self.totals, *self.parts)


@dataclass
class CellSystem:
    """The cells of one report with their values and the equations that bind them."""

    values: dict[Cell, int] = field(default_factory=dict)
    equations: list[Equation] = field(default_factory=list)

    def add(self, cell: Cell, value: int) -> Cell:
        if value < 0:
            raise ValueError(f"negative count for {cell!r}")
        self.values[cell] = int(value)
        return cell

    def relate(self, total: Cell, parts: Iterable[Cell]) -> None:
        """Record ``total == sum(parts)``."""
        self.relate_sums((total,), parts)

    def relate_sums(self, totals: Iterable[Cell], parts: Iterable[Cell]) -> None:
        """Record ``sum(totals) == sum(parts)``."""
        totals, parts = tuple(totals), tuple(parts)
        if any(c not in self.values for c in (*totals, *parts)):
            raise KeyError(f"equation over unknown cells: {totals!r}")
        if parts:
            self.equations.append(Equation(totals, parts))


def _sort_key(cell: Cell) -> str:
    return repr(cell)


def _rows(equations: list[Equation], hidden: set[Cell]) -> list[dict[Cell, Fraction]]:
    rows = []
    for eq in equations:
        row: dict[Cell, Fraction] = {}
        for total in eq.totals:
            if total in hidden:
                row[total] = row.get(total, Fraction(0)) - 1
        for part in eq.parts:
            if part in hidden:
                row[part] = row.get(part, Fraction(0)) + 1
        row = {c: v for c, v in row.items() if v != 0}
        if row:
            rows.append(row)
    return rows


def exactly_recoverable(equations: list[Equation], hidden: set[Cell]) -> set[Cell]:
    """Hidden cells whose value follows exactly from the published cells and the equations."""
    pivots: dict[Cell, dict[Cell, Fraction]] = {}  # pivot cell -> its row (coefficient 1 at pivot)
    users: dict[Cell, set[Cell]] = {}  # cell -> pivots whose rows mention it (keeps the RREF invariant cheap)
    for row in _rows(equations, hidden):
        for col in [c for c in row if c in pivots]:
            coef = row.get(col)
            if not coef:
                continue
            for c, v in pivots[col].items():
                nv = row.get(c, Fraction(0)) - coef * v
                if nv:
                    row[c] = nv
                else:
                    row.pop(c, None)
        if not row:
            continue
        pivot = min(row, key=lambda c: (len(users.get(c, ())), _sort_key(c)))
        scale = row[pivot]
        row = {c: v / scale for c, v in row.items()}
        # Eliminate the new pivot from every existing pivot row (reduced form).
        for other in list(users.get(pivot, ())):
            orow = pivots[other]
            coef = orow.get(pivot)
            if not coef:
                continue
            for c, v in row.items():
                nv = orow.get(c, Fraction(0)) - coef * v
                if nv:
                    if c not in orow:
                        users.setdefault(c, set()).add(other)
                    orow[c] = nv
                else:
                    orow.pop(c, None)
                    users.get(c, set()).discard(other)
        pivots[pivot] = row
        for c in row:
            users.setdefault(c, set()).add(pivot)
    return {p for p, row in pivots.items() if len(row) == 1}


def bound_exposed(system: CellSystem, hidden: set[Cell], threshold: int) -> set[Cell]:
    """Hidden cells pinned by ``0 ≤ x ≤ threshold−1`` in a line whose total is published."""
    exposed: set[Cell] = set()
    for eq in system.equations:
        if any(t in hidden for t in eq.totals):
            continue
        hidden_parts = [p for p in eq.parts if p in hidden]
        if not hidden_parts:
            continue
        values = [system.values[p] for p in hidden_parts]
        all_small = all(v < threshold for v in values)  # a larger (secondary) cell breaks the reader's bound
        if sum(values) == 0 or (all_small and sum(values) == len(values) * (threshold - 1)):
            exposed.update(hidden_parts)
    return exposed


def _index(system: CellSystem) -> dict[Cell, list[Equation]]:
    index: dict[Cell, list[Equation]] = {}
    for eq in system.equations:
        for member in eq.members:
            index.setdefault(member, []).append(eq)
    return index


def _unknowns(eq: Equation, hidden: set[Cell]) -> int:
    return sum(1 for m in eq.members if m in hidden)


def _best(
    system: CellSystem,
    index: dict[Cell, list[Equation]],
    candidates: Iterable[Cell],
    hidden: set[Cell],
    prefer_positive: bool,
) -> Cell | None:
    """The cell to hide next: the least information lost, a cell pairing up several lonely unknowns counting
    for several."""
    pool = set(candidates)
    if prefer_positive and any(system.values[c] > 0 for c in pool):
        pool = {c for c in pool if system.values[c] > 0}
    if not pool:
        return None

    def score(c: Cell) -> tuple:
        # Information lost per lonely unknown protected: a cell that pairs up two lines counts half.
        pairs = sum(1 for eq in index.get(c, ()) if _unknowns(eq, hidden) == 1)
        return (system.values[c] / (1 + pairs), _sort_key(c))

    return min(pool, key=score)


def suppress(system: CellSystem, threshold: int, also: Iterable[Cell] = ()) -> set[Cell]:
    """The set of cells to hide: every cell below ``threshold`` (and every cell in ``also``, hidden for
    a reason outside this system) plus what protects them."""
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    hidden = {c for c, v in system.values.items() if v < threshold} | (set(also) & set(system.values))
    index = _index(system)
    while True:
        exposed = exactly_recoverable(system.equations, hidden)
        pinned = bound_exposed(system, hidden, threshold) - exposed
        if not exposed and not pinned:
            return hidden
        added: set[Cell] = set()
        for cell in sorted(exposed | pinned, key=_sort_key):
            current = hidden | added
            lines = index.get(cell, [])
            single = [eq for eq in lines if _unknowns(eq, current) == 1]
            crowded = any(m in added for eq in lines for m in eq.members)
            if cell in exposed and cell not in pinned and not single and crowded:
                continue  # this round already put a new unknown next to it; look again next round
            pool = {m for eq in (single or lines) for m in eq.members if m not in current}
            pick = _best(system, index, pool, current, prefer_positive=cell in pinned)
            if pick is None:
                pick = _widen(system, index, cell, current)
            if pick is not None:
                added.add(pick)
        if not added:
            # Nothing left to hide next to the exposed cells: hide their whole connected component.
            added = _component(index, exposed | pinned) - hidden
            if not added:
                return hidden
        hidden |= added


def _component(index: dict[Cell, list[Equation]], seeds: set[Cell]) -> set[Cell]:
    seen = set(seeds)
    frontier = list(seeds)
    while frontier:
        cell = frontier.pop()
        for eq in index.get(cell, ()):
            for m in eq.members:
                if m not in seen:
                    seen.add(m)
                    frontier.append(m)
    return seen


def _widen(system: CellSystem, index: dict[Cell, list[Equation]], cell: Cell, hidden: set[Cell]) -> Cell | None:
    published = [c for c in _component(index, {cell}) if c not in hidden]
    return _best(system, index, published, hidden, prefer_positive=False)


def apply(values: Mapping[Cell, int], hidden: set[Cell], threshold: int) -> dict[Cell, int | str]:
    """Values as published: a hidden cell becomes the marker string, never a number."""
    mark = marker(threshold)
    return {c: (mark if c in hidden else v) for c, v in values.items()}
