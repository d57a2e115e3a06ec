"""Statistical disclosure control for association figures: primary and complementary cell suppression.

A published report is a set of *cells* (counts) tied together by *equations* that anyone can use,
e.g. ``contacts.total = sum(contacts.by_kind.*)`` for an office, or ``association total of citizens =
sum over offices``. The signs (CONTRACTS.md *Association report JSON*, Destatis practice):

- a count from 1 to threshold−1 is *primary* suppressed and printed as ``"<5"`` (threshold written in);
- zeros are published: a zero discloses nobody;
- a cell hidden only so that no small count can be worked out is *secondary* (complementary)
  suppressed and printed as ``"."`` ("geheim zu halten"); its true value may be any size;
- *fixed* cells (an office's ``contacts.total``, the association's total) are never hidden to protect
  another cell; they are ``"<5"`` only when they are small themselves;
- *implicit* cells are never printed but can be formed by a reader, e.g. one month as the difference of
  two year-to-date reports. A small implicit count is protected like a printed one. An implicit step can
  be below 0 (contacts of a frozen, released period deleted since): the reader is granted its sign, and a
  small negative step is protected like a small positive one (its size stays open).
- not decided here: ``"x"`` ("Tabellenfach gesperrt, weil Aussage nicht sinnvoll") on the relatives of an
  office that counts them among the citizens, set by :mod:`saas.association.report` after this module
  decided; it only hides what is published here (:func:`report.relatives_locked`).

**What "protected" means.** The reader knows every published number, every equation, that counts are
whole numbers ≥ 0, and that ``"."`` and implicit cells are ≥ 0 (a negative step ≤ 0). The issue asks that
"for every primary cell the feasible interval still covers 0 … threshold−1"; :func:`audit` checks that
literally and in the stricter sense, two readings of a ``"<5"`` (:data:`READINGS`):

- ``ZERO`` (the issue's words): a ``"<5"`` is a whole number 0 … threshold−1 (granting the reader the
  upper end, which only narrows intervals, so passing here passes the bare "≥ 0" too); its interval
  must be ``⊇ [0, threshold−1]``;
- ``SIGNS`` (the reader also uses that ``"<5"`` means 1 … threshold−1): its interval must be all of
  ``[1, threshold−1]``;
- a small implicit step (1 … threshold−1) keeps the same range as a ``"<5"`` of the reading: all of
  ``[0, threshold−1]`` read as whole numbers ≥ 0 (the issue's range), ``[1, threshold−1]`` read by the
  signs, where a step is what a ``"<5"`` would be (a step from a published 0 to a ``"<5"`` is that
  ``"<5"``, 1 … threshold−1, and says nothing more); a small negative one mirrored below 0 (see
  :func:`_target`).

What holds, and why not more: under ``ZERO`` every small count is protected except a small count that
is published by rule (an office's small ``contacts.total`` beside the published association total).
Under ``SIGNS`` two more cases cannot be protected by hiding anything, and :func:`suppress` reports them
as ``unprotected`` (stored with the release) instead of hiding whole tables in vain: a ``"<5"`` whose
line holds only other ``"<5"`` cells (two offices' ``"<5"`` beside their ``"<5"`` association total:
each part ≥ 1, so each is ≤ threshold−2), and the step between two ``"<5"`` year-to-date counts (0 …
threshold−2 by the two signs alone). In both the signs themselves tell the reader "not threshold−1";
no count is ever narrowed to fewer than threshold−2 values. (Until 2026-12-02 a narrower protection
range, threshold−3 … threshold−1, was accepted; it let a reader learn "not 1", e.g. two "<5" beside a
total of 6.)

:func:`audit` computes these intervals exactly (integer programs solved by scipy's HiGHS) and is the
proof; :func:`suppress` chooses complements so that the audit passes while hiding as little as possible:

1. Per equation, the protection of a small cell is a necessary linear condition on which cells of its
   line are hidden (its hidden neighbours must be able to absorb the whole range). All these conditions
   of the whole system go into one mixed-integer program (``scipy.optimize.milp``, HiGHS): hide the
   cells with the least total value (+1 per cell, so zeros are allowed as complements but not free),
   fixed cells excluded.
2. The exact audit (both readings) then finds what the lines miss: links between lines and tables (a
   complement pinned by another line, a year cell whose step from the frozen quarter before it is too
   small to give room). Each exposed cell gets the complements of the attacker model of Fischetti and
   Salazar (the optimal method of τ-ARGUS), solved per cell on the cells around it (:func:`_deviations`):
   the cheapest cells whose hiding lets the table move the cell to the end of its range. Then step 1
   runs again, and the audit looks again at the cells that were exposed.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections import OrderedDict, defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array

if TYPE_CHECKING:
    import highspy

Cell = Any  # any hashable key; Any keeps callers free to unpack their tuples
FloatArray = NDArray[np.float64]
SECONDARY = "."  # Destatis: "geheim zu halten"
PRIMARY, COMPLEMENT, IMPLICIT, PUBLISHED = "primary", "secondary", "implicit", "published"
# An implicit cell whose true value is below 0: the step from a frozen released table to a later one when
# contacts of the released period were deleted since. The reader is granted its sign (more than they
# know, so the audit stays on the safe side); a small one must keep -(threshold-1) … -2 in its interval.
NEGATIVE = "implicit-negative"
# How the reader reads a "<5" (the audit checks both, see the module docstring):
SIGNS = "signs"  # "<5" is 1 … threshold−1; it must keep all of 1 … threshold−1
ZERO = "zero"  # every hidden cell is a whole number ≥ 0 ("<5": 0 … threshold−1); it must keep 0 … threshold−1
READINGS = (SIGNS, ZERO)
# No limit below is a time: what is hidden must be the same on every machine and under any load. The
# programs stop after a number of branch-and-bound nodes (HiGHS ``mip_max_nodes``, scipy's ``node_limit``);
# a program that stops without a solution makes the suppression hide more, never publish more (see
# :func:`suppress`).
MILP_NODES = 2000  # branch-and-bound nodes of the line-condition program (step 1)
REPAIR_NODES = 500  # branch-and-bound nodes of a repair program (see _deviations)
# Branch-and-bound nodes of one audit program (one end of one cell's interval, see _extreme). An end not
# proven by then is taken as the farthest value a whole-number solution was seen to reach: an inner bound,
# so an undecided cell is reported exposed (and hidden more), never protected.
AUDIT_NODES = 20000
REPAIR_BATCH = 1  # exposed cells repaired together in one program (each with its readings and directions)
REPAIR_TARGETS = 10  # exposed cells repaired in one round, before the audit looks again
REPAIR_DEPTH = 3  # equations walked from an exposed cell to find its complements
PRUNE_CELLS = 40  # complements at most tried for publishing again (see _prune)
PRUNE_WORK = 1500  # hidden cells at most audited again, summed over the complements tried (see _prune)
REPAIR_CELLS = 2000  # at most this many cells around an exposed one take part in its repair
ROUNDS = 60  # rounds of line conditions, audit and repair before everything hideable near the rest is hidden


def marker(threshold: int) -> str:
    """The sign of a primary-suppressed cell: ``"<5"`` (the threshold written in)."""
    return f"<{threshold}"


def is_hidden_sign(value: object) -> bool:
    return isinstance(value, str)


@dataclass(frozen=True)
class Equation:
    """``sum(totals) == sum(parts)`` over cells of the report (usually a single total)."""

    totals: tuple[Cell, ...]
    parts: tuple[Cell, ...]

    @property
    def members(self) -> tuple[Cell, ...]:
        return (*self.totals, *self.parts)

    def coefficients(self) -> dict[Cell, int]:
        out: dict[Cell, int] = defaultdict(int)
        for t in self.totals:
            out[t] -= 1
        for p in self.parts:
            out[p] += 1
        return {c: v for c, v in out.items() if v}


@dataclass
class CellSystem:
    """The cells of one report (or of several linked ones) with their values and equations."""

    values: dict[Cell, int] = field(default_factory=dict)
    equations: list[Equation] = field(default_factory=list)
    fixed: set[Cell] = field(default_factory=set)
    implicit: set[Cell] = field(default_factory=set)

    def add(self, cell: Cell, value: int, *, fixed: bool = False, implicit: bool = False) -> Cell:
        """A cell; ``fixed``: never hidden to protect another. Only an implicit cell (a step between two
        tables) may be below 0."""
        if value < 0 and not implicit:
            raise ValueError(f"negative count for {cell!r}")
        self.values[cell] = int(value)
        if fixed:
            self.fixed.add(cell)
        if implicit:
            self.implicit.add(cell)
        return cell

    @property
    def negative(self) -> set[Cell]:
        return {c for c in self.implicit if self.values[c] < 0}

    def implicit_kinds(self) -> dict[Cell, str]:
        return {c: NEGATIVE if self.values[c] < 0 else IMPLICIT for c in self.implicit}

    def relate(self, total: Cell, parts: Iterable[Cell]) -> None:
        """Record ``total == sum(parts)``."""
        self.relate_sums((total,), parts)

    def relate_sums(self, totals: Iterable[Cell], parts: Iterable[Cell]) -> None:
        """Record ``sum(totals) == sum(parts)``."""
        totals, parts = tuple(totals), tuple(parts)
        known = self.values.__contains__
        if not (all(map(known, totals)) and all(map(known, parts))):
            raise KeyError(f"equation over unknown cells: {totals!r}")
        if parts:
            self.equations.append(Equation(totals, parts))


@dataclass
class Suppression:
    """What :func:`suppress` decided: the sign of every hidden cell, and what could not be protected."""

    threshold: int
    primary: set[Cell]
    secondary: set[Cell]
    implicit: set[Cell]
    unprotected: set[Cell] = field(default_factory=set)
    negative: set[Cell] = field(default_factory=set)  # implicit cells below 0

    @property
    def hidden(self) -> set[Cell]:
        return self.primary | self.secondary

    def sign(self, cell: Cell, value: int) -> int | str:
        """The published text of a cell: the number, ``"<5"`` or ``"."``."""
        if cell in self.primary:
            return marker(self.threshold)
        if cell in self.secondary:
            return SECONDARY
        return value

    def kinds(self) -> dict[Cell, str]:
        out = {c: NEGATIVE if c in self.negative else IMPLICIT for c in self.implicit}
        out.update({c: COMPLEMENT for c in self.secondary})
        out.update({c: PRIMARY for c in self.primary})
        return out


def reader_bounds(kind: str, threshold: int, reading: str = SIGNS) -> tuple[float, float]:
    """What a reader knows of a hidden cell from its sign alone (``reading``: see :data:`READINGS`)."""
    if kind == NEGATIVE:
        return (-math.inf, 0)
    if kind == PRIMARY:
        return (1 if reading == SIGNS else 0, threshold - 1)
    return (0, math.inf)


def _target(kind: str, threshold: int, reading: str = SIGNS) -> tuple[int, int]:
    """The range a small cell's feasible interval must keep: the whole range the reader grants it (see the
    module docstring): 1 … threshold−1 read by the signs, 0 … threshold−1 read as whole numbers ≥ 0; the
    same for a small step (mirrored below 0 for a negative one)."""
    low = 1 if reading == SIGNS else 0
    if kind == NEGATIVE:
        return (-(threshold - 1), -low)
    return (low, threshold - 1)


def _protected(kind: str, interval: tuple[float, float], threshold: int, reading: str = SIGNS) -> bool:
    want_lo, want_hi = _target(kind, threshold, reading)
    return interval[0] <= want_lo and interval[1] >= want_hi


def _is_sensitive(kind: str, value: int, threshold: int) -> bool:
    """A small count: a "<5" cell, or an implicit step of 1 … threshold−1 (or −(threshold−1) … −1)."""
    if kind == NEGATIVE:
        return -threshold < value < 0
    return kind == PRIMARY or (kind == IMPLICIT and 0 < value < threshold)


def _sensitive(system: CellSystem, kinds: Mapping[Cell, str], threshold: int) -> list[Cell]:
    return sorted(
        (c for c, k in kinds.items() if _is_sensitive(k, system.values[c], threshold)),
        key=repr,
    )


# --- step 1: the line conditions, all at once in one MILP ----------------------------------------------


def _line_conditions(
    system: CellSystem, kinds: Mapping[Cell, str], threshold: int, sensitive: set[Cell]
) -> tuple[list[tuple[dict[Cell, float], float]], set[Cell]]:
    """Linear conditions ``sum(coef * hide[c]) >= rhs`` over hideable cells, one per (line, small cell)
    whose line alone does not yet protect it; and the small cells no allowed complement can protect."""
    conditions: list[tuple[dict[Cell, float], float]] = []
    hopeless: set[Cell] = set()
    vals = system.values
    for eq in system.equations:
        for side, other in ((eq.parts, eq.totals), (eq.totals, eq.parts)):
            if any(c in kinds for c in other):
                continue  # the other side is open: this line pins nothing on this side
            same_cand = [c for c in side if c not in kinds and c not in system.fixed]
            other_cand = [c for c in other if c not in system.fixed]
            for p in side:
                if p not in sensitive:
                    continue
                # the most either reading asks (a "<5" down to 0), with the others as narrow as the signs
                # make them: a necessary condition under both readings
                lo, hi = _target(kinds[p], threshold, ZERO)
                others = [c for c in side if c in kinds and c != p]
                slack_down = sum(vals[c] - reader_bounds(kinds[c], threshold)[0] for c in others)
                slack_up = sum(reader_bounds(kinds[c], threshold)[1] - vals[c] for c in others)
                need_up = hi - vals[p] - slack_down  # the others must be able to give this much away
                need_open = slack_up < vals[p] - lo  # the others cannot take up what p could give away
                if need_up <= 0 and not need_open:
                    continue
                if not same_cand and not other_cand:
                    hopeless.add(p)
                    continue
                if need_up > 0:
                    coefs = {c: float(vals[c]) for c in same_cand if vals[c] > 0}
                    for c in other_cand:
                        coefs[c] = coefs.get(c, 0.0) + float(need_up)
                    if sum(min(v, need_up) for v in coefs.values()) < need_up:
                        hopeless.add(p)
                        continue
                    conditions.append((coefs, float(need_up)))
                if need_open:
                    conditions.append(({c: 1.0 for c in (*same_cand, *other_cand)}, 1.0))
    # A complement alone in a line would be worked out exactly (and then its partner): a cell chosen in a
    # line with nothing hidden yet needs a second one there (this is what makes rectangles).
    for eq in system.equations:
        members = eq.members
        if any(c in kinds for c in members):
            continue
        cand = [c for c in members if c not in system.fixed]
        for c in cand:
            coefs = {o: 1.0 for o in cand if o != c}
            coefs[c] = -1.0
            conditions.append((coefs, 0.0))
    return conditions, hopeless


def _weight(value: int) -> float:
    return float(value) + 1.0


def _choose(system: CellSystem, conditions: list[tuple[dict[Cell, float], float]]) -> set[Cell]:
    """The cheapest set of cells satisfying all conditions (MILP, HiGHS); greedy if the solver gives up."""
    columns = sorted({c for coefs, _ in conditions for c in coefs}, key=repr)
    if not columns:
        return set()
    index = {c: i for i, c in enumerate(columns)}
    rows, cols, data, lower = [], [], [], []
    for r, (coefs, rhs) in enumerate(conditions):
        for c, v in coefs.items():
            rows.append(r)
            cols.append(index[c])
            data.append(min(v, rhs) if rhs > 0 else v)  # a cell never counts for more than the line needs
        lower.append(rhs)
    matrix = csr_array((data, (rows, cols)), shape=(len(conditions), len(columns)))
    cost = np.array([_weight(system.values[c]) for c in columns])
    result = milp(
        cost,
        constraints=LinearConstraint(matrix, np.array(lower), np.full(len(lower), np.inf)),
        integrality=np.ones(len(columns)),
        bounds=Bounds(0, 1),
        options={"node_limit": MILP_NODES, "mip_rel_gap": 0.01},
    )
    if result.x is not None:  # optimal, or the best solution found within the node limit
        return {columns[i] for i, x in enumerate(result.x) if x > 0.5}
    chosen: set[Cell] = set()  # HiGHS found no solution within its node limit: greedy (the audit judges)
    for coefs, rhs in conditions:
        if rhs <= 0:
            continue
        got = sum(min(v, rhs) for c, v in coefs.items() if c in chosen)
        for c in sorted(coefs, key=lambda c: (_weight(system.values[c]), repr(c))):
            if got >= rhs:
                break
            if c not in chosen:
                chosen.add(c)
                got += min(coefs[c], rhs)
    return chosen


# --- the exact audit ----------------------------------------------------------------------------------------


def _components(equations: list[Equation], unknown: set[Cell]) -> list[tuple[list[Cell], list[Equation]]]:
    parent: dict[Cell, Cell] = {c: c for c in unknown}

    def find(c: Cell) -> Cell:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    touching: list[tuple[Equation, list[Cell]]] = []
    for eq in equations:
        members = [c for c in eq.coefficients() if c in unknown]
        if not members:
            continue
        touching.append((eq, members))
        root = find(members[0])
        for c in members[1:]:
            other = find(c)
            if other != root:
                parent[other] = root
    cells: dict[Cell, list[Cell]] = defaultdict(list)
    for c in unknown:
        cells[find(c)].append(c)
    eqs: dict[Cell, list[Equation]] = defaultdict(list)
    for eq, members in touching:
        eqs[find(members[0])].append(eq)
    return [(sorted(cells[r], key=repr), eqs[r]) for r in sorted(cells, key=repr)]


def intervals(
    published: Mapping[Cell, int],
    kinds: Mapping[Cell, str],
    equations: list[Equation],
    threshold: int,
    check: Iterable[Cell],
    truth: Mapping[Cell, int] | None = None,
    decisive: bool = False,
    reading: str = SIGNS,
) -> dict[Cell, tuple[float, float]]:
    """The feasible interval of each cell in ``check``: the least and the greatest whole number it can be,
    given the published numbers, the equations, whole numbers ≥ 0 and what each sign says (``kinds``:
    hidden cell → primary / secondary / implicit; ``reading``: what a "<5" says, :data:`READINGS`). Linear
    and integer programs, scipy's HiGHS.

    The unknown cells fall apart into independent blocks (linked only through equations with another
    unknown): each block is its own program. ``decisive``: an end of the interval is computed only as far
    as needed to decide whether the cell is protected (``_target``), so the audit scales:

    - every whole-number solution seen is a witness for every cell of its block (the true values,
      ``truth``, are one; a few simplex solves that push all undecided cells up, or down, at once give
      more): an end a witness already reaches is proven and needs no solve of its own;
    - otherwise the linear relaxation is solved for that cell; its optimum bounds the whole-number one
      from outside, so an optimum that is whole, or one that already falls short of the target, decides;
    - only where it does not is the integer program solved (branch and bound).

    A decided end is then a proven inner bound (protected) or a proven outer bound (exposed), not
    necessarily the extreme; without ``decisive`` every end is the exact extreme."""
    check = set(check)
    out: dict[Cell, tuple[float, float]] = {}
    blocks = []
    for cells, eqs in _components(equations, set(kinds)):
        wanted = [c for c in cells if c in check]
        if not wanted:
            continue
        if len(cells) == 1 and eqs:  # one unknown in an equation: it is that equation's remainder
            (c,) = cells
            coef = eqs[0].coefficients()[c]
            value = -sum(k * published[o] for o, k in eqs[0].coefficients().items() if o != c) / coef
            out[c] = (value, value)
            continue
        blocks.append((cells, eqs, wanted))
    low: dict[Cell, float] = {}
    high: dict[Cell, float] = {}
    if decisive and blocks:
        # All blocks side by side in one program: the witness solves move every undecided cell of every
        # block at once, so thousands of small blocks cost a few solves, not thousands.
        cells = [c for block in blocks for c in block[0]]
        together = _program(cells, [eq for block in blocks for eq in block[1]], published, kinds, threshold, reading)
        wanted = [c for block in blocks for c in block[2]]
        if truth is not None and all(c in truth for c in cells):
            together.witness(np.array([float(truth[c]) for c in cells]))
        position = {c: i for i, c in enumerate(cells)}
        together.witnesses(
            [position[c] for c in wanted], {position[c]: _target(kinds[c], threshold, reading) for c in wanted}
        )
        low = {c: float(together.low[i]) for c, i in position.items()}
        high = {c: float(together.high[i]) for c, i in position.items()}
    for cells, eqs, wanted in blocks:
        targets = (
            {i: _target(kinds[c], threshold, reading) for i, c in enumerate(cells) if c in check} if decisive else None
        )
        if targets is not None and all(
            low[c] <= targets[i][0] and high[c] >= targets[i][1] for i, c in enumerate(cells) if c in check
        ):
            for c in wanted:  # every small cell of this block is proven protected by witnesses
                out[c] = (low[c], high[c])
            continue
        solver = _program(cells, eqs, published, kinds, threshold, reading)
        if decisive:
            solver.witness(np.array([low[c] for c in cells]))
            solver.witness(np.array([high[c] for c in cells]))
        index = {c: i for i, c in enumerate(cells)}
        positions = [index[c] for c in wanted]
        for c, found in zip(wanted, solver.intervals(positions, targets), strict=True):
            out[c] = found
    return out


def _program(
    cells: list[Cell],
    eqs: list[Equation],
    published: Mapping[Cell, int],
    kinds: Mapping[Cell, str],
    threshold: int,
    reading: str = SIGNS,
) -> _Component:
    """The linear program of these unknown cells: their equations, the published cells as constants."""
    index = {c: i for i, c in enumerate(cells)}
    rows, cols, data, rhs = [], [], [], []
    for r, eq in enumerate(eqs):
        constant = 0
        for c, coef in eq.coefficients().items():
            if c in index:
                rows.append(r)
                cols.append(index[c])
                data.append(coef)
            else:
                constant -= coef * published[c]
        rhs.append(constant)
    matrix = csr_array((data, (rows, cols)), shape=(len(eqs), len(cells)))
    bounds = [reader_bounds(kinds[c], threshold, reading) for c in cells]
    lb = np.array([b[0] for b in bounds], dtype=float)
    ub = np.array([b[1] for b in bounds], dtype=float)
    return _Component(matrix, np.array(rhs, dtype=float), lb, ub)


class _Component:
    """The linear program of one block of linked unknowns, solved again for each cell and direction.

    HiGHS through ``highspy`` keeps the model and its last basis, so each further solve starts warm (a
    fraction of a millisecond instead of tens). A simplex optimum is a vertex; when it is whole, it is
    the optimum over the whole numbers too. Otherwise ``scipy.optimize.milp`` (the same HiGHS, branch and
    bound) decides that one bound. Every whole-number solution met on the way is kept as a witness."""

    def __init__(self, matrix: csr_array, rhs: FloatArray, lb: FloatArray, ub: FloatArray) -> None:
        import highspy

        self.matrix, self.rhs, self.lb, self.ub = matrix, rhs, lb, ub
        n = matrix.shape[1]
        csc = matrix.tocsc()
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = n, matrix.shape[0]
        lp.col_cost_ = np.zeros(n)
        lp.col_lower_ = lb
        lp.col_upper_ = np.where(np.isinf(ub), highspy.kHighsInf, ub)
        lp.row_lower_, lp.row_upper_ = rhs, rhs
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = csc.indptr.astype(np.int32)
        lp.a_matrix_.index_ = csc.indices.astype(np.int32)
        lp.a_matrix_.value_ = csc.data.astype(float)
        self.highs = _highs()
        # No presolve: it would rebuild the model on every run and throw the warm basis away (each further
        # solve would cost as much as the first).
        self.highs.setOptionValue("presolve", "off")
        self.highs.passModel(lp)
        self.status = highspy.HighsModelStatus
        self.low = np.full(n, math.inf)  # the least / greatest value seen in a whole-number solution
        self.high = np.full(n, -math.inf)

    def witness(self, x: np.ndarray) -> None:
        """A whole-number solution: each cell can be what it is in it."""
        self.low = np.minimum(self.low, x)
        self.high = np.maximum(self.high, x)

    def _solve(self, positions: list[int], sense: float) -> tuple[Any, np.ndarray | None]:
        """Minimise (sense 1) or maximise (−1) the sum of these cells over the relaxation."""
        idx = np.array(positions, dtype=np.int32)
        self.highs.changeColsCost(len(idx), idx, np.full(len(idx), sense))
        self.highs.run()
        status = self.highs.getModelStatus()
        self.highs.changeColsCost(len(idx), idx, np.zeros(len(idx)))
        if status != self.status.kOptimal:
            return status, None
        x = np.array(self.highs.getSolution().col_value)
        if np.allclose(x, np.round(x), atol=1e-6):
            self.witness(np.round(x))
        return status, x

    def intervals(
        self, positions: list[int], targets: Mapping[int, tuple[int, int]] | None
    ) -> list[tuple[float, float]]:
        if targets is not None:
            self.witnesses(positions, targets)
        return [(self._end(p, 1.0, targets), self._end(p, -1.0, targets)) for p in positions]

    def witnesses(self, positions: list[int], targets: Mapping[int, tuple[int, int]]) -> None:
        """A few solves that move all undecided cells at once (up, then down); whole solutions are kept."""
        for sense in (-1.0, 1.0):
            for _ in range(3):
                todo = [
                    p
                    for p in positions
                    # pushed up together only when bounded ("<5" cells): one unbounded cell would leave the
                    # whole program without an optimum
                    if (
                        self.high[p] < targets[p][1] and self.ub[p] < math.inf
                        if sense < 0
                        else self.low[p] > targets[p][0] and self.lb[p] > -math.inf
                    )
                ]
                if not todo:
                    break
                before = (self.low.copy(), self.high.copy())
                _status, x = self._solve(todo, sense)
                if x is None or (np.array_equal(before[0], self.low) and np.array_equal(before[1], self.high)):
                    break

    def _end(self, position: int, sense: float, targets: Mapping[int, tuple[int, int]] | None) -> float:
        """The least (sense 1) or greatest (−1) value of one cell; with ``targets`` only as far as decides."""
        want = None if targets is None else targets[position][0 if sense > 0 else 1]
        if want is not None:
            seen = self.low[position] if sense > 0 else self.high[position]
            if (sense > 0 and seen <= want) or (sense < 0 and seen >= want):
                return float(seen)  # a witness reaches the target: protected on this side
        status, x = self._solve([position], sense)
        if status == self.status.kUnbounded:
            return math.inf if sense < 0 else -math.inf
        if x is not None:
            if np.allclose(x, np.round(x), atol=1e-6):
                return float(round(x[position]))
            bound = math.ceil(x[position] - 1e-6) if sense > 0 else math.floor(x[position] + 1e-6)
            if want is not None and ((sense > 0 and bound > want) or (sense < 0 and bound < want)):
                return float(bound)  # even the relaxation falls short: exposed, no integer solve needed
        objective = np.zeros(self.matrix.shape[1])
        objective[position] = sense
        value, solution = _extreme(objective, position, self.matrix, self.rhs, self.lb, self.ub)
        if solution is not None:
            self.witness(np.round(solution))
        if value is None:  # not proven within AUDIT_NODES: the farthest value seen, an inner bound
            seen = self.low[position] if sense > 0 else self.high[position]
            if not math.isfinite(seen):
                raise RuntimeError(f"audit: no whole-number solution within {AUDIT_NODES} nodes")
            return float(seen)
        return value


_HIGHS_QUIET = False


def _highs() -> highspy.Highs:
    """A silent HiGHS instance (the first one in a process prints a banner on the C stdout: kept out of
    command-line output such as the report JSON)."""
    global _HIGHS_QUIET
    import highspy

    if _HIGHS_QUIET:
        h = highspy.Highs()
    else:
        import os
        import sys

        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as devnull:
                os.dup2(devnull.fileno(), 1)
                h = highspy.Highs()
                h.setOptionValue("output_flag", False)
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _HIGHS_QUIET = True
    h.setOptionValue("output_flag", False)
    return h


def _extreme(
    objective: NDArray[np.float64], position: int, matrix: Any, rhs: Any, lb: Any, ub: Any
) -> tuple[float | None, Any]:
    """min (or, objective −1, max) of one cell over the whole numbers ≥ 0 that satisfy the equations, and
    the solution that reaches it (None when unbounded).

    An integer program (HiGHS branch and bound); for these small 0/±1 systems it is as fast as the LP. It
    stops after :data:`AUDIT_NODES` nodes, so no input makes the audit run without end: the value is then
    that of the best whole-number solution found (reached, so an inner bound: the audit errs towards
    "exposed"), or None with no solution found (the caller takes the farthest value it has seen)."""
    rhs = np.array(rhs, dtype=float)
    res = milp(
        objective,
        constraints=LinearConstraint(matrix, rhs, rhs),
        integrality=np.ones(len(objective)),
        bounds=Bounds(lb, ub),
        options={"node_limit": AUDIT_NODES},
    )
    if res.status == 0:
        return float(round(res.x[position])), res.x
    if res.status == 1:  # the node limit: not proven
        return (None, None) if res.x is None else (float(round(res.x[position])), res.x)
    if res.status in (3, 4):
        return (math.inf if objective[position] < 0 else -math.inf), None
    raise RuntimeError(f"audit: the published figures admit no solution ({res.message})")


@dataclass
class Finding:
    cell: Cell
    kind: str
    interval: tuple[float, float]
    reading: str = ""  # the reading (:data:`READINGS`) under which the cell is narrowed; "" for other findings

    def __str__(self) -> str:
        how = f", read as {self.reading}" if self.reading else ""
        return f"{self.cell!r} ({self.kind}{how}) can only be {self.interval[0]}…{self.interval[1]}"


def audit(
    truth: Mapping[Cell, int],
    kinds: Mapping[Cell, str],
    equations: list[Equation],
    threshold: int,
    readings: Iterable[str] = READINGS,
) -> list[Finding]:
    """Every small count (1 … threshold−1) that the published figures narrow down beyond its sign.

    ``truth``: every cell's true value (published or not); ``kinds``: the cells not published as a
    number (primary ``"<5"``, secondary ``"."``, implicit). Under each reading (:data:`READINGS`, both by
    default) a ``"<5"`` cell must keep the whole range the reader grants it, and a small implicit one
    0 … threshold−1 (:func:`_target`, the module docstring). A cell published as a number has no
    protection to check, except that it must not be a small count itself.
    """
    findings: list[Finding] = []
    for c, v in truth.items():
        if c not in kinds and 0 < v < threshold:
            findings.append(Finding(c, PUBLISHED, (v, v)))
    sensitive = [c for c, k in kinds.items() if _is_sensitive(k, truth[c], threshold)]
    published = {c: v for c, v in truth.items() if c not in kinds}
    for reading in readings:
        found = intervals(
            published, kinds, equations, threshold, sensitive, truth=truth, decisive=True, reading=reading
        )
        for c, (lo, hi) in found.items():
            if not _protected(kinds[c], (lo, hi), threshold, reading):
                findings.append(Finding(c, kinds[c], (lo, hi), reading))
    return sorted(findings, key=lambda f: (repr(f.cell), f.reading))


# --- suppress -----------------------------------------------------------------------------------------------


_RESULTS: OrderedDict[bytes, Suppression] = OrderedDict()  # the last decisions, by what they were made of
_RESULTS_LOCK = threading.Lock()
RESULTS_KEPT = 256


def _fingerprint(system: CellSystem, threshold: int, also: Iterable[Cell], exact: bool | None) -> bytes:
    """Everything :func:`suppress` decides from, in the order it reads it (the same system built twice in
    the same way gives the same fingerprint, and so the same decision)."""
    digest = hashlib.blake2b(digest_size=32)
    digest.update(repr((threshold, exact, sorted(map(repr, also)))).encode())
    digest.update(repr(list(system.values.items())).encode())
    digest.update(repr([(eq.totals, eq.parts) for eq in system.equations]).encode())
    digest.update(repr((sorted(map(repr, system.fixed)), sorted(map(repr, system.implicit)))).encode())
    return digest.digest()


def _copy(result: Suppression) -> Suppression:
    return Suppression(
        result.threshold,
        set(result.primary),
        set(result.secondary),
        set(result.implicit),
        set(result.unprotected),
        set(result.negative),
    )


def suppress(system: CellSystem, threshold: int, also: Iterable[Cell] = (), exact: bool | None = None) -> Suppression:
    """Primary suppression of every count 1 … threshold−1, then the cheapest complements that pass the
    audit under both readings (``also``: cells hidden as ``"."`` for a reason outside this system). The
    exact audit always runs (``exact`` False skips it: tests of the line conditions alone).

    The decision depends on nothing but the system (no time limit, no randomness), so the last
    :data:`RESULTS_KEPT` are kept by a fingerprint of the system and a system met again (the same year
    released again for another purpose in the same process, a demo seeded again) is not solved again."""
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    also = list(also)
    key = _fingerprint(system, threshold, also, exact)
    with _RESULTS_LOCK:
        kept = _RESULTS.get(key)
        if kept is not None:
            _RESULTS.move_to_end(key)
            return _copy(kept)
    result = _suppress(system, threshold, also, exact)
    with _RESULTS_LOCK:
        _RESULTS[key] = _copy(result)
        while len(_RESULTS) > RESULTS_KEPT:
            _RESULTS.popitem(last=False)
    return result


def clear_results() -> None:
    """Forget the kept decisions (tests that change how the solver behaves)."""
    with _RESULTS_LOCK:
        _RESULTS.clear()


def _suppress(system: CellSystem, threshold: int, also: list[Cell], exact: bool | None) -> Suppression:
    """:func:`suppress`, without the kept decisions."""
    vals = system.values
    primary = {c for c, v in vals.items() if 0 < v < threshold and c not in system.implicit}
    secondary = (set(also) & set(vals)) - primary - system.implicit
    result = Suppression(threshold, primary, secondary, set(system.implicit), negative=system.negative)
    # Hiding more only widens intervals: a cell once protected under a reading stays protected, so after
    # the first audit only the cells still exposed are looked at again (None: audit all).
    check: dict[str, set[Cell]] | None = None
    unfixable: set[tuple[Cell, str]] = set()
    repaired: set[Cell] = set()  # complements added by the exact repair
    by_cell: dict[Cell, list[dict[Cell, int]]] = defaultdict(list)  # cell → the coefficients of its equations
    for eq in system.equations:
        coefficients = eq.coefficients()
        for c in coefficients:
            by_cell[c].append(coefficients)
    for _round in range(ROUNDS):
        kinds = result.kinds()
        sensitive = set(_sensitive(system, kinds, threshold))
        conditions, hopeless = _line_conditions(system, kinds, threshold, sensitive)
        result.unprotected = set(hopeless) | {c for c, _r in unfixable}
        if conditions:
            chosen = _choose(system, conditions)
            if chosen:
                result.secondary |= chosen
                continue
        if exact is False:
            return result
        published = {c: v for c, v in vals.items() if c not in kinds}
        exposed: list[tuple[Cell, str, int]] = []  # (cell, reading, the value it must be able to take)
        for reading in READINGS:
            todo = sensitive if check is None else sensitive & check[reading]
            todo = {c for c in todo if c not in hopeless and (c, reading) not in unfixable}
            found = intervals(
                published, kinds, system.equations, threshold, todo, truth=vals, decisive=True, reading=reading
            )
            for c, (lo, hi) in sorted(found.items(), key=lambda item: repr(item[0])):
                want_lo, want_hi = _target(kinds[c], threshold, reading)
                if hi < want_hi:
                    exposed.append((c, reading, want_hi))
                if lo > want_lo:
                    exposed.append((c, reading, want_lo))
        if exposed and check is None:  # the first exposure: what no complement at all could protect
            for reading in READINGS:
                cells = sorted({c for c, r, _g in exposed if r == reading}, key=repr)
                unfixable |= {(c, reading) for c in _inherent(system, kinds, threshold, cells, result, reading)}
            exposed = [(c, r, g) for c, r, g in exposed if (c, r) not in unfixable]
        check = {r: {c for c, rr, _g in exposed if rr == r} for r in READINGS}
        if not exposed:
            _prune(system, result, threshold, set(also), repaired, by_cell, unfixable)
            return result
        tried = _first_targets(exposed)
        added, failed = _deviations(system, kinds, tried, threshold, by_cell)
        if failed:  # no program found complements: every cell that may be hidden in their blocks is hidden
            added |= _hide_everything(system, kinds, [c for c, _r, _g in failed], by_cell)
        if not added:  # the programs found nothing to add, yet the audit finds these exposed: hide all
            added = _hide_everything(system, kinds, [c for c, _r, _g in tried], by_cell)
        if not added:
            # Everything that may be hidden around these cells is hidden already (each exposed cell
            # passed _inherent, so a correct repair never comes here): what is still exposed stays so.
            unfixable |= {(c, r) for c, r, _g in tried}
            result.unprotected |= {c for c, _r, _g in tried}
            continue
        result.secondary |= added
        repaired |= added
    # The rounds ran out with cells still exposed: hide everything that may be hidden around them, and
    # report what even that leaves exposed (never publish a cell the audit has not passed).
    left = sorted({c for cells in (check or {}).values() for c in cells}, key=repr)
    result.secondary |= _hide_everything(system, result.kinds(), left, by_cell)
    kinds = result.kinds()
    published = {c: v for c, v in vals.items() if c not in kinds}
    for reading in READINGS:
        still = sorted({c for c in left if (c, reading) not in unfixable}, key=repr)
        found = intervals(
            published, kinds, system.equations, threshold, still, truth=vals, decisive=True, reading=reading
        )
        result.unprotected |= {c for c, i in found.items() if not _protected(kinds[c], i, threshold, reading)}
    return result


def _first_targets(exposed: list[tuple[Cell, str, int]]) -> list[tuple[Cell, str, int]]:
    """The entries of the first :data:`REPAIR_TARGETS` exposed cells: one round repairs only these, and the
    next audit looks again at the rest (complements chosen for one small cell often protect its
    neighbours too, so most of the rest then needs no program of its own)."""
    first: list[Cell] = []
    for c, _r, _g in exposed:
        if c not in first:
            first.append(c)
            if len(first) == REPAIR_TARGETS:
                break
    chosen = set(first)
    return [entry for entry in exposed if entry[0] in chosen]


def _hide_everything(
    system: CellSystem, kinds: Mapping[Cell, str], cells: Iterable[Cell], by_cell: Mapping[Cell, list[dict[Cell, int]]]
) -> set[Cell]:
    """Every cell not hidden yet that may be hidden (not fixed) in the blocks of ``cells``: the cells linked
    to them through equations, not across a published fixed cell (a constant links nothing). The fallback
    when no program finds complements: hiding all of them protects whatever :func:`_inherent` did not
    find exposed."""
    seen = set(cells)
    queue = list(seen)
    while queue:
        c = queue.pop()
        if c in system.fixed and c not in kinds:
            continue  # a published constant
        for coefficients in by_cell.get(c, ()):
            for m in coefficients:
                if m not in seen:
                    seen.add(m)
                    queue.append(m)
    return {c for c in seen if c not in kinds and c not in system.fixed}


def _prune(
    system: CellSystem,
    result: Suppression,
    threshold: int,
    keep: set[Cell],
    repaired: set[Cell],
    by_cell: Mapping[Cell, list[dict[Cell, int]]],
    unfixable: set[tuple[Cell, str]],
) -> None:
    """Publish again each complement the audit does not need, the largest first (at most
    :data:`PRUNE_CELLS` tried, and only while the blocks audited again add up to :data:`PRUNE_WORK` hidden
    cells: a count, not a time, so the result is the same on every machine): the line conditions of step 1
    choose complements before the exact repair adds the ones with room, so some in the blocks the repair
    touched (``repaired``) are left with nothing to do. A complement is dropped only if every small cell
    linked to it through hidden cells stays protected under both readings."""
    if not repaired:
        return
    vals = system.values
    kinds = result.kinds()
    near = set().union(*(_linked(kinds, c, by_cell) for c in repaired))
    tried = sorted((result.secondary & near) - keep, key=lambda c: (-_weight(vals[c]), repr(c)))
    if not tried:
        return
    through: dict[Cell, list[int]] = defaultdict(list)  # cell → positions of its equations
    for i, eq in enumerate(system.equations):
        for c in eq.members:
            through[c].append(i)
    work = 0
    for cell in tried[:PRUNE_CELLS]:
        if work > PRUNE_WORK:
            break
        result.secondary.discard(cell)
        kinds = result.kinds()
        # Only the hidden cells linked to it can change: their block is audited alone (every other member
        # of an equation through them is published, so the true values stand for the published ones).
        linked = {c: kinds[c] for c in _linked(kinds, cell, by_cell) if c in kinds}
        work += len(linked)
        small = [c for c in linked if _is_sensitive(kinds[c], vals[c], threshold)]
        equations = [system.equations[i] for i in sorted({i for c in linked for i in through[c]})]
        # Each small cell under each reading, except where it is exposed whatever is hidden (a cell
        # exposed read by its signs must still keep its range read as whole numbers ≥ 0).
        ok = all(
            _protected(linked[c], interval, threshold, reading)
            for reading in READINGS
            for c, interval in intervals(
                vals,
                linked,
                equations,
                threshold,
                [c for c in small if (c, reading) not in unfixable],
                truth=vals,
                decisive=True,
                reading=reading,
            ).items()
        ) and not (0 < vals[cell] < threshold)
        if not ok:
            result.secondary.add(cell)


def _linked(kinds: Mapping[Cell, str], start: Cell, by_cell: Mapping[Cell, list[dict[Cell, int]]]) -> set[Cell]:
    """The hidden cells linked to ``start`` through equations with another hidden cell (its block)."""
    seen = {start}
    queue = [start]
    while queue:
        c = queue.pop()
        for coefficients in by_cell.get(c, ()):
            for m in coefficients:
                if m in kinds and m not in seen:
                    seen.add(m)
                    queue.append(m)
    return seen


def _inherent(
    system: CellSystem,
    kinds: Mapping[Cell, str],
    threshold: int,
    cells: list[Cell],
    result: Suppression,
    reading: str = SIGNS,
) -> set[Cell]:
    """The cells still exposed if every cell that may be hidden were hidden (e.g. a small office total next
    to a published association total), added to ``result.unprotected``."""
    every = dict(kinds)
    every.update({c: COMPLEMENT for c in system.values if c not in kinds and c not in system.fixed})
    published = {c: v for c, v in system.values.items() if c not in every}
    found = intervals(
        published, every, system.equations, threshold, cells, truth=system.values, decisive=True, reading=reading
    )
    out = {c for c, interval in found.items() if not _protected(every[c], interval, threshold, reading)}
    result.unprotected |= out
    return out


def _deviations(
    system: CellSystem,
    kinds: Mapping[Cell, str],
    exposed: list[tuple[Cell, str, int]],
    threshold: int,
    by_cell: Mapping[Cell, list[dict[Cell, int]]],
) -> tuple[set[Cell], list[tuple[Cell, str, int]]]:
    """The cheapest complements that let each exposed cell reach the value it must be able to take
    (``exposed``: cell, reading, value), and the entries no program found complements for (the caller
    then hides everything that may be hidden around them, :func:`_hide_everything`).

    The attacker's view of Fischetti and Salazar (as in τ-ARGUS's optimal method): a cell can take the value
    ``goal`` exactly when the true table plus a *deviation* ``y`` is a table the reader cannot rule out:
    ``y`` keeps every equation (``A·y = 0``), is 0 on every published cell, keeps every hidden cell within
    what its sign says (a "<5" within 1 … threshold−1 or 0 … threshold−1, a "." and a step ≥ 0, so a
    complement's room downwards is its value, and a year cell's room is its step from the frozen quarter
    before it), and moves the exposed cell to ``goal``. One mixed-integer program (HiGHS) per batch of
    exposed entries: a deviation per entry, a binary ``hide`` per hideable cell shared by all, ``|y| ≤ M·hide``
    on a cell not hidden yet; minimise the weight of the cells hidden. A solution proves each entry
    protected once those cells are hidden (the next audit confirms it). Each entry's deviation lives on the
    cells within :data:`REPAIR_DEPTH` equations of it; an entry that has none there is tried alone on
    the whole system. A program that reaches its node limit with a solution gives that solution (any
    solution is a proof, the cheapest only saves cells); one that stops without a solution gives all its
    candidates. What is inherently exposed never comes here (:func:`_inherent` sorted it out first), so an
    entry with no deviation even on the whole system is failed, not published."""
    added: set[Cell] = set()
    failed: list[tuple[Cell, str, int]] = []
    by_target: dict[Cell, list[tuple[Cell, str, int]]] = defaultdict(list)
    for entry in exposed:
        by_target[entry[0]].append(entry)
    cells = list(by_target)
    batches = [
        [entry for c in cells[i : i + REPAIR_BATCH] for entry in by_target[c]]
        for i in range(0, len(cells), REPAIR_BATCH)
    ]
    for batch in batches:
        chosen = _deviation_program(system, kinds, batch, threshold, by_cell, REPAIR_DEPTH, added)
        if chosen is not None:
            added |= chosen
            continue
        for entry in batch:  # one of them cannot be helped nearby: each alone, then on the whole system
            chosen = _deviation_program(system, kinds, [entry], threshold, by_cell, REPAIR_DEPTH, added)
            if chosen is None:
                chosen = _deviation_program(system, kinds, [entry], threshold, by_cell, None, added)
            if chosen is None:
                failed.append(entry)
            else:
                added |= chosen
    return added, failed


def _movable(system: CellSystem, kinds: Mapping[Cell, str], c: Cell) -> bool:
    return c in kinds or c not in system.fixed


_STEPS: dict[int, tuple[Any, set[int]]] = {}


def _step_equations(system: CellSystem, by_cell: Mapping[Cell, list[dict[Cell, int]]]) -> set[int]:
    """The ids of the equations (coefficient dicts of ``by_cell``) through an implicit cell, computed once
    per ``by_cell``."""
    key = id(by_cell)
    cached = _STEPS.get(key)
    if cached is not None and cached[0] is by_cell:
        return cached[1]
    out = {id(c) for cell in system.implicit for c in by_cell.get(cell, ())}
    _STEPS.clear()
    _STEPS[key] = (by_cell, out)
    return out


def _neighbourhood(
    system: CellSystem,
    kinds: Mapping[Cell, str],
    start: Cell,
    by_cell: Mapping[Cell, list[dict[Cell, int]]],
    depth: int | None,
) -> list[Cell]:
    """The movable cells within ``depth`` equations of ``start`` (all of its linked block if None). An
    equation through an implicit cell (a step between two tables) is not counted: a deviation follows the
    same cell through every table of the year."""
    steps = _step_equations(system, by_cell)
    seen = {start: 0}
    queue: deque[Cell] = deque([start])
    while queue and len(seen) < (REPAIR_CELLS if depth is not None else math.inf):
        c = queue.popleft()
        for coefficients in by_cell.get(c, ()):
            step = 0 if id(coefficients) in steps else 1
            level = seen[c] + step
            if depth is not None and level > depth:
                continue
            for m in coefficients:
                if m not in seen and _movable(system, kinds, m):
                    seen[m] = level
                    if step == 0:
                        queue.appendleft(m)
                    else:
                        queue.append(m)
    return sorted(seen, key=repr)


def _deviation_program(
    system: CellSystem,
    kinds: Mapping[Cell, str],
    batch: list[tuple[Cell, str, int]],
    threshold: int,
    by_cell: Mapping[Cell, list[dict[Cell, int]]],
    depth: int | None,
    free: set[Cell],
) -> set[Cell] | None:
    """One Fischetti–Salazar program for ``batch`` (see :func:`_deviations`); None if it has no solution.
    ``free``: cells already chosen in this repair (hiding them costs nothing more)."""
    vals = system.values
    big = float(2 * threshold)  # a deviation never needs to move a cell by more (it moves the target ≤ threshold−1)
    areas = [_neighbourhood(system, kinds, cell, by_cell, depth) for cell, _r, _g in batch]
    candidates = sorted({c for area in areas for c in area if c not in kinds and c not in free}, key=repr)
    hide = {c: i for i, c in enumerate(candidates)}
    n_x = len(candidates)
    offset = n_x
    lb: list[float] = [0.0] * n_x
    ub: list[float] = [1.0] * n_x
    cost: list[float] = [_weight(vals[c]) for c in candidates]
    rows: list[int] = []
    cols: list[int] = []
    data: list[float] = []
    row_lo: list[float] = []
    row_hi: list[float] = []

    def row(coefs: list[tuple[int, float]], lo: float, hi: float) -> None:
        r = len(row_lo)
        for j, v in coefs:
            rows.append(r)
            cols.append(j)
            data.append(v)
        row_lo.append(lo)
        row_hi.append(hi)

    for (cell, reading, goal), area in zip(batch, areas, strict=True):
        index = {c: offset + i for i, c in enumerate(area)}
        offset += len(area)
        for c in area:
            v = vals[c]
            if c in kinds:
                lo_b, hi_b = reader_bounds(kinds[c], threshold, reading)
                lo, hi = max(lo_b - v, -big), min(hi_b - v, big)
            else:
                lo, hi = max(-float(v), -big), big
            if c == cell:
                lo = hi = float(goal - v)
            lb.append(lo)
            ub.append(hi)
            cost.append(0.0)
            if c in hide:  # a cell not hidden yet moves only if hidden
                row([(index[c], 1.0), (hide[c], -big)], -math.inf, 0.0)
                if lo < 0:
                    row([(index[c], 1.0), (hide[c], -lo)], 0.0, math.inf)
        equations = {id(eq): eq for c in area for eq in by_cell.get(c, ())}
        for eq in equations.values():
            coefs = [(index[c], float(k)) for c, k in eq.items() if c in index]
            if coefs:
                row(coefs, 0.0, 0.0)
    n = offset
    if not row_lo:
        return set()
    matrix = csr_array((data, (rows, cols)), shape=(len(row_lo), n))
    result = milp(
        np.array(cost),
        constraints=LinearConstraint(matrix, np.array(row_lo), np.array(row_hi)),
        integrality=np.concatenate([np.ones(n_x), np.zeros(n - n_x)]),
        bounds=Bounds(np.array(lb), np.array(ub)),
        options={"node_limit": REPAIR_NODES, "mip_rel_gap": 0.02},
    )
    if result.x is not None:  # optimal, or a solution found within the node limit: either proves it
        return {candidates[i] for i in range(n_x) if result.x[i] > 0.5}
    if result.status == 2:  # infeasible: no deviation within these cells
        return None
    # The node limit (or anything else) stopped HiGHS without a solution: no proof either way, so hide
    # every candidate (the next audit judges; nothing is published on a solver's failure).
    return set(candidates) or None


def apply(values: Mapping[Cell, int], result: Suppression) -> dict[Cell, int | str]:
    """Values as published: a hidden cell becomes its sign, never a number; implicit cells are left out."""
    return {c: result.sign(c, v) for c, v in values.items() if c not in result.implicit}
