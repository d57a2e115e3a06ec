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

**What "protected" means.** The reader knows every published number, every equation, that counts are
whole numbers ≥ 0, that ``"<5"`` means 1 … threshold−1 and that ``"."`` and implicit cells are ≥ 0. A
small count is protected when, with all of that, its feasible interval is still

- ``⊇ [threshold−3, threshold−1]`` (with threshold 5: it can still be 2 and 4) for a ``"<5"`` cell and for
  a small implicit one (a step between two tables), see :func:`_target`. This is a protection range in the
  sense of τ-ARGUS, not the whole range of the sign: a reader may learn that a "<5" is not 1, or that a
  step is not 0. Asking for the whole range (1 … threshold−1, and 0 for a step) was tried on 2026-12-02: it
  hid every kind and topic area of both offices in the demo's 2025 report, or Dortmund's 495
  professionals of 2023, so the narrower range stays until complements can be chosen for the whole range
  without that loss.

:func:`audit` computes these intervals exactly (integer programs solved by scipy's HiGHS) and is the
proof; :func:`suppress` chooses complements so that the audit passes while hiding as little as possible:

1. Per equation, the protection of a small cell is a linear condition on which cells of its line are
   hidden (its hidden neighbours must be able to absorb the whole range). All these conditions of the
   whole system go into one mixed-integer program (``scipy.optimize.milp``, HiGHS): hide the cells with
   the least total value (+1 per cell, so zeros are allowed as complements but not free), fixed cells
   excluded.
2. The exact audit then looks at the links between lines (a complement pinned by another line); every
   cell it still finds exposed gets one more complement in its lines, and step 1 runs again.
"""

from __future__ import annotations

import math
from collections import defaultdict
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
MILP_SECONDS = 20.0
REPAIRS = 3  # single complements tried for a cell the audit still finds exposed, before whole lines


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
        if any(c not in self.values for c in (*totals, *parts)):
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


def reader_bounds(kind: str, threshold: int) -> tuple[float, float]:
    """What a reader knows of a hidden cell from its sign alone."""
    if kind == NEGATIVE:
        return (-math.inf, 0)
    return (1, threshold - 1) if kind == PRIMARY else (0, math.inf)


def _target(kind: str, threshold: int) -> tuple[int, int]:
    """The part of the range a small cell's feasible interval must keep (see the module docstring)."""
    if kind == NEGATIVE:
        return (-(threshold - 1), -max(1, threshold - 3))
    return (max(1, threshold - 3), threshold - 1)


def _protected(kind: str, interval: tuple[float, float], threshold: int) -> bool:
    want_lo, want_hi = _target(kind, threshold)
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
                lo, hi = _target(kinds[p], threshold)
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
        options={"time_limit": MILP_SECONDS, "mip_rel_gap": 0.01},
    )
    if result.x is not None:
        return {columns[i] for i, x in enumerate(result.x) if x > 0.5}
    chosen: set[Cell] = set()  # pragma: no cover - HiGHS found no solution in time
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
) -> dict[Cell, tuple[float, float]]:
    """The feasible interval of each cell in ``check``: the least and the greatest whole number it can be,
    given the published numbers, the equations, whole numbers ≥ 0 and what each sign says (``kinds``:
    hidden cell → primary / secondary / implicit). Linear and integer programs, scipy's HiGHS.

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
        together = _program(cells, [eq for block in blocks for eq in block[1]], published, kinds, threshold)
        wanted = [c for block in blocks for c in block[2]]
        if truth is not None and all(c in truth for c in cells):
            together.witness(np.array([float(truth[c]) for c in cells]))
        position = {c: i for i, c in enumerate(cells)}
        together.witnesses([position[c] for c in wanted], {position[c]: _target(kinds[c], threshold) for c in wanted})
        low = {c: float(together.low[i]) for c, i in position.items()}
        high = {c: float(together.high[i]) for c, i in position.items()}
    for cells, eqs, wanted in blocks:
        targets = {i: _target(kinds[c], threshold) for i, c in enumerate(cells) if c in check} if decisive else None
        if targets is not None and all(
            low[c] <= targets[i][0] and high[c] >= targets[i][1] for i, c in enumerate(cells) if c in check
        ):
            for c in wanted:  # every small cell of this block is proven protected by witnesses
                out[c] = (low[c], high[c])
            continue
        solver = _program(cells, eqs, published, kinds, threshold)
        if decisive:
            solver.witness(np.array([low[c] for c in cells]))
            solver.witness(np.array([high[c] for c in cells]))
        index = {c: i for i, c in enumerate(cells)}
        positions = [index[c] for c in wanted]
        for c, found in zip(wanted, solver.intervals(positions, targets), strict=True):
            out[c] = found
    return out


def _program(
    cells: list[Cell], eqs: list[Equation], published: Mapping[Cell, int], kinds: Mapping[Cell, str], threshold: int
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
    bounds = [reader_bounds(kinds[c], threshold) for c in cells]
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
) -> tuple[float, Any]:
    """min (or, objective −1, max) of one cell over the whole numbers ≥ 0 that satisfy the equations, and
    the solution that reaches it (None when unbounded).

    An integer program (HiGHS branch and bound); for these small 0/±1 systems it is as fast as the LP."""
    rhs = np.array(rhs, dtype=float)
    res = milp(
        objective,
        constraints=LinearConstraint(matrix, rhs, rhs),
        integrality=np.ones(len(objective)),
        bounds=Bounds(lb, ub),
    )
    if res.status == 0:
        return float(round(res.x[position])), res.x
    if res.status in (3, 4):
        return (math.inf if objective[position] < 0 else -math.inf), None
    raise RuntimeError(f"audit: the published figures admit no solution ({res.message})")


@dataclass
class Finding:
    cell: Cell
    kind: str
    interval: tuple[float, float]

    def __str__(self) -> str:
        return f"{self.cell!r} ({self.kind}) can only be {self.interval[0]}…{self.interval[1]}"


def audit(
    truth: Mapping[Cell, int], kinds: Mapping[Cell, str], equations: list[Equation], threshold: int
) -> list[Finding]:
    """Every small count (1 … threshold−1) that the published figures narrow down beyond its sign.

    ``truth``: every cell's true value (published or not); ``kinds``: the cells not published as a
    number (primary ``"<5"``, secondary ``"."``, implicit). A ``"<5"`` cell must keep the interval
    range of :func:`_target` (see the module docstring), and so must a small implicit one. A cell published as a
    number has no protection to check, except that it must not be a small count itself.
    """
    findings: list[Finding] = []
    for c, v in truth.items():
        if c not in kinds and 0 < v < threshold:
            findings.append(Finding(c, PUBLISHED, (v, v)))
    sensitive = [c for c, k in kinds.items() if _is_sensitive(k, truth[c], threshold)]
    published = {c: v for c, v in truth.items() if c not in kinds}
    found = intervals(published, kinds, equations, threshold, sensitive, truth=truth, decisive=True)
    for c, (lo, hi) in found.items():
        if not _protected(kinds[c], (lo, hi), threshold):
            findings.append(Finding(c, kinds[c], (lo, hi)))
    return sorted(findings, key=lambda f: repr(f.cell))


# --- suppress -----------------------------------------------------------------------------------------------


def suppress(system: CellSystem, threshold: int, also: Iterable[Cell] = (), exact: bool | None = None) -> Suppression:
    """Primary suppression of every count 1 … threshold−1, then the cheapest complements that pass the
    audit (``also``: cells hidden as ``"."`` for a reason outside this system). The exact audit always
    runs (``exact`` False skips it: tests of the line conditions alone)."""
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    vals = system.values
    primary = {c for c, v in vals.items() if 0 < v < threshold and c not in system.implicit}
    secondary = (set(also) & set(vals)) - primary - system.implicit
    result = Suppression(threshold, primary, secondary, set(system.implicit), negative=system.negative)
    changed: set[Cell] | None = None  # hidden cells added since the last exact audit (None: audit all)
    exposed: list[Cell] = []
    tries: dict[Cell, int] = defaultdict(int)  # repairs made for a cell that stayed exposed
    inherent: set[Cell] = set()  # exposed whatever is hidden (see _inherent)
    for _round in range(60):
        kinds = result.kinds()
        sensitive = set(_sensitive(system, kinds, threshold))
        conditions, hopeless = _line_conditions(system, kinds, threshold, sensitive)
        result.unprotected = set(hopeless) | inherent
        if conditions:
            chosen = _choose(system, conditions)
            if chosen:
                result.secondary |= chosen
                if changed is not None:
                    changed |= chosen
                continue
        if exact is False:
            return result
        # Hiding more only widens intervals: a cell once protected stays protected, so after the first
        # audit only the cells still exposed are looked at again.
        check = sensitive if changed is None else sensitive & set(exposed)
        published = {c: v for c, v in vals.items() if c not in kinds}
        found = intervals(published, kinds, system.equations, threshold, check, truth=vals, decisive=True)
        tops = {c: hi for c, (lo, hi) in found.items()}
        exposed = [
            c
            for c, (lo, hi) in sorted(found.items(), key=lambda item: repr(item[0]))
            if c not in hopeless and not _protected(kinds[c], (lo, hi), threshold)
        ]
        if exposed and not tries:  # the first exposure: what no complement at all could protect
            inherent = _inherent(system, kinds, threshold, exposed, result)
        exposed = [c for c in exposed if c not in inherent]
        if not exposed:
            return result
        for c in exposed:
            tries[c] += 1
        added = _repair(system, kinds, {c: tops[c] for c in exposed}, threshold, tries)
        if not added:
            result.unprotected |= set(exposed)
            return result
        result.secondary |= added
        changed = set(added)
    result.unprotected |= set(exposed)  # pragma: no cover - sixty rounds never needed in practice
    return result  # pragma: no cover


def _inherent(
    system: CellSystem, kinds: Mapping[Cell, str], threshold: int, cells: list[Cell], result: Suppression
) -> set[Cell]:
    """The cells still exposed if every cell that may be hidden were hidden (e.g. a small office total next
    to a published association total): reported as unprotected, not repaired in vain."""
    every = dict(kinds)
    every.update({c: COMPLEMENT for c in system.values if c not in kinds and c not in system.fixed})
    published = {c: v for c, v in system.values.items() if c not in every}
    found = intervals(published, every, system.equations, threshold, cells, truth=system.values, decisive=True)
    out = {c for c, interval in found.items() if not _protected(every[c], interval, threshold)}
    result.unprotected |= out
    return out


def _repair(
    system: CellSystem, kinds: Mapping[Cell, str], exposed: dict[Cell, float], threshold: int, tries: Mapping[Cell, int]
) -> set[Cell]:
    """More complements for each exposed cell (``exposed``: cell → the top of its interval). First tries: in
    its lines (else in the lines of the hidden cells it is linked to), the cheapest hideable cell large
    enough to give it room up to threshold−1. After :data:`REPAIRS` tries: every hideable cell of those
    lines, which ends in the whole linked block hidden at worst (then only inherent exposure is left)."""
    by_cell: dict[Cell, list[Equation]] = defaultdict(list)
    for eq in system.equations:
        for c in eq.members:
            by_cell[c].append(eq)
    added: set[Cell] = set()
    for cell, top in exposed.items():
        need = max(1.0, threshold - 1 - top)
        frontier, seen = [cell], {cell}
        while frontier:
            pool = {
                m
                for c in frontier
                for eq in by_cell[c]
                for m in eq.members
                if m not in kinds and m not in system.fixed and m not in added
            }
            if pool:
                if tries[cell] > REPAIRS:
                    added |= pool
                else:
                    added.add(min(pool, key=lambda c: (system.values[c] < need, _weight(system.values[c]), repr(c))))
                break
            nxt = []
            for c in frontier:
                for eq in by_cell[c]:
                    for m in eq.members:
                        if m in kinds and m not in seen:
                            seen.add(m)
                            nxt.append(m)
            frontier = nxt
    return added


def apply(values: Mapping[Cell, int], result: Suppression) -> dict[Cell, int | str]:
    """Values as published: a hidden cell becomes its sign, never a number; implicit cells are left out."""
    return {c: result.sign(c, v) for c, v in values.items() if c not in result.implicit}
