"""Primary and secondary cell suppression, checked against an independent brute-force attacker."""

from __future__ import annotations

import itertools
import random

import pytest

from saas.association.suppression import CellSystem, apply, exactly_recoverable, marker, suppress


def _table(rows: dict[str, list[int]]) -> CellSystem:
    """Offices × categories with office totals, category totals and a grand total."""
    system = CellSystem()
    ncols = len(next(iter(rows.values())))
    for name, values in rows.items():
        for j, v in enumerate(values):
            system.add((name, j), v)
        system.add((name, "T"), sum(values))
        system.relate((name, "T"), [(name, j) for j in range(ncols)])
    for j in range(ncols):
        system.add(("*", j), sum(v[j] for v in rows.values()))
        system.relate(("*", j), [(name, j) for name in rows])
    system.add(("*", "T"), sum(sum(v) for v in rows.values()))
    system.relate(("*", "T"), [(name, "T") for name in rows])
    system.relate(("*", "T"), [("*", j) for j in range(ncols)])
    return system


def _solutions(system: CellSystem, hidden: set, bound: int) -> dict:
    """Every value each hidden cell can take (0..bound) given the published cells: the attacker's view."""
    cells = sorted(hidden, key=repr)
    possible: dict = {c: set() for c in cells}
    for combo in itertools.product(range(bound + 1), repeat=len(cells)):
        trial = dict(system.values)
        trial.update(zip(cells, combo, strict=True))
        if all(sum(trial[t] for t in eq.totals) == sum(trial[p] for p in eq.parts) for eq in system.equations):
            for c, v in zip(cells, combo, strict=True):
                possible[c].add(v)
    return possible


def test_marker_has_the_threshold_written_in():
    """Is a hidden cell published as the string "<5" (the threshold written in), never a number?"""
    assert marker(5) == "<5"
    assert marker(10) == "<10"
    assert apply({"a": 3, "b": 7}, {"a"}, 5) == {"a": "<5", "b": 7}


def test_cells_below_threshold_are_hidden_and_others_not_without_need():
    """Are exactly the small cells hidden when hiding them reveals nothing?"""
    system = CellSystem()
    for name, v in (("a", 3), ("b", 50), ("c", 7)):
        system.add(name, v)  # no equations: nothing to protect beyond the primary cell
    assert suppress(system, 5) == {"a"}


def test_a_single_hidden_cell_in_a_row_gets_a_partner():
    """Can a hidden cell be recovered by subtracting the other cells from the published total? (It must not.)"""
    system = _table({"dortmund": [1078, 3, 641, 495], "hamm": [210, 40, 80, 60]})
    hidden = suppress(system, 5)
    assert ("dortmund", 1) in hidden
    assert not exactly_recoverable(system.equations, hidden)
    # Every row and column that holds a hidden cell holds at least two unknowns.
    for eq in system.equations:
        unknown = [c for c in eq.members if c in hidden]
        assert len(unknown) != 1


def test_brute_force_attacker_cannot_pin_any_hidden_cell():
    """Over many random small tables: does every hidden cell keep at least two possible values?"""
    rng = random.Random(7)
    checked = 0
    for _ in range(25):
        rows = {f"o{i}": [rng.randint(5, 12) for _ in range(3)] for i in range(3)}
        for _ in range(rng.randint(1, 2)):  # one or two small cells somewhere
            rows[f"o{rng.randrange(3)}"][rng.randrange(3)] = rng.randint(0, 4)
        system = _table(rows)
        hidden = suppress(system, 5)
        if not hidden or len(hidden) > 5:
            continue  # too many unknowns for brute force; the linear check covers those
        bound = max(system.values[c] for c in hidden) + 3
        possible = _solutions(system, hidden, bound)
        for cell, values in possible.items():
            assert len(values) >= 2, f"{cell} is recoverable: {values} in {rows}"
        checked += 1
    assert checked >= 10


def test_all_zero_line_is_not_published_as_pinned():
    """If the hidden parts of a published total must all be 0, is another (positive) cell hidden as well?"""
    system = CellSystem()
    for name, v in (("T", 20), ("a", 0), ("b", 0), ("c", 20)):
        system.add(name, v)
    system.relate("T", ["a", "b", "c"])
    hidden = suppress(system, 5)
    assert {"a", "b"} <= hidden
    assert "c" in hidden or "T" in hidden


def test_threshold_must_be_positive():
    """Is a nonsensical threshold refused?"""
    with pytest.raises(ValueError):
        suppress(CellSystem(), 0)


def test_linked_tables_share_their_totals():
    """When one office total is the margin of two tables, is the joint system protected?"""
    system = CellSystem()
    system.add("T", 30)
    for name, v in (("k1", 2), ("k2", 28), ("c1", 15), ("c2", 15)):
        system.add(name, v)
    system.relate("T", ["k1", "k2"])
    system.relate("T", ["c1", "c2"])
    hidden = suppress(system, 5)
    assert "k1" in hidden
    assert not exactly_recoverable(system.equations, hidden)
