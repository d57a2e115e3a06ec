"""Prototype, not wired into the product: the year to date to the last complete MONTH (issue #13, point 3).

Run: ``.venv/bin/python bench/association_months.py --offices 3 --kind tiny`` (or ``--kind realistic``).
It builds a generated association (random offices, contacts per month), protects the year and the eleven
year-to-date tables to the end of January … November as linked tables and prints the time (wall and CPU),
cells hidden per 100 published for the year and for the year-to-date tables, and the exact audit of all
downloads together (findings, and how many of them are inherent: exposed even with every hideable cell
hidden).

Design measured here (:func:`protect_in_time_order`): the year suppressed on its own (hides least); each
month table (C_m − C_{m−1}, December = year − C_11) protected as its own table; one common pattern for all
year-to-date tables (a cell hidden in any month or year-to-date table is hidden in all of them), so two
downloads never publish a cell whose month between them is hidden; then the exact joint audit with repairs.

Findings (2026-12-01, 2 shared cores, load 3–8): the joint audit passes (every finding inherent) on small
associations, but the year-to-date tables hide ~20 cells per published one (monthly counts by category are
mostly small), and at 8 realistic offices the joint repair audit takes ~130 s wall / 75 s CPU; at 38 it did
not finish in 5 minutes. Not fit for the nightly run; see the branch's report for the next step.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from saas.association import report, suppression
from saas.association.audit import audit_downloads

MONTH_ENDS = list(range(1, 12))
KINDS = ("citizen", "relative", "group", "professional")


def _table_system(
    system: suppression.CellSystem,
    table: Any,
    cells: list[suppression.Cell],
    eqs: list[Any],
    values: dict[tuple, int],
    fixed: set[tuple],
) -> suppression.CellSystem:
    """One table on its own, its cells renamed ``(table, office, family, name)``; ``values`` and ``fixed`` by
    ``(office, family, name)``."""

    sub = suppression.CellSystem()
    for cell in cells:
        sub.add((table, *cell[1:]), values[cell[1:]], fixed=cell[1:] in fixed)
    for eq in eqs:
        sub.equations.append(
            suppression.Equation(tuple((table, *c[1:]) for c in eq.totals), tuple((table, *c[1:]) for c in eq.parts))
        )
    return sub


def protect_in_time_order(
    system: suppression.CellSystem, threshold: int, ends: list[int], also: Iterable[suppression.Cell] = ()
) -> suppression.Suppression:
    """Suppression of the year and its year-to-date tables as linked tables (τ-ARGUS practice: one
    consistent pattern across the tables a reader can combine).

    - *The year* is suppressed on its own first (its office totals fixed): the table analysts use most
      hides only what its own small counts need.
    - *The months* are the tables a reader forms by subtracting two downloads (month m = year-to-date m
      minus year-to-date m−1; December = the year minus year-to-date November). Each month is protected as
      its own table: its counts 1 … threshold−1 are primary, with complements in its own lines.
    - *The year-to-date tables* all share one pattern: a contact cell of an office (or of the total) is
      hidden in every year-to-date table when it is hidden in any month table or any year-to-date table
      (its own small counts, their complements), or in the year. So two year-to-date tables publish a
      cell only together with every month between them unhidden: no two downloads (any two days, any two
      tables) difference into a hidden month cell; and each table, seen with that pattern, is protected.
      Growing the pattern only hides more, so the rounds repeat until no table needs another cell.

    The exact audit of every table together (:func:`saas.association.audit.audit_downloads`) is the proof.
    """
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    also = set(also)
    ends = sorted(set(ends))
    cells_of: dict[Any, list[suppression.Cell]] = defaultdict(list)
    for cell in system.values:
        cells_of[cell[0]].append(cell)
    eqs_of: dict[Any, list[Any]] = defaultdict(list)
    for eq in system.equations:
        tables = {c[0] for c in eq.members}
        if len(tables) == 1:
            eqs_of[next(iter(tables))].append(eq)
    result = suppression.Suppression(threshold, set(), set(), set(system.implicit))
    year_hidden: set[tuple] = set()
    if cells_of.get(report.YEAR):
        own = suppression.suppress(
            _table_system(
                system,
                report.YEAR,
                cells_of[report.YEAR],
                eqs_of[report.YEAR],
                {c[1:]: system.values[c] for c in cells_of[report.YEAR]},
                {c[1:] for c in cells_of[report.YEAR] if c in system.fixed},
            ),
            threshold,
            also={(report.YEAR, *c[1:]) for c in also if c[0] == report.YEAR},
        )
        result.primary |= own.primary
        result.secondary |= own.secondary
        result.unprotected |= own.unprotected
        year_hidden = {c[1:] for c in own.hidden if c[2] == "contacts"}
    if not ends:
        return result
    first = cells_of[("C", ends[0])]
    shape_eqs = eqs_of[("C", ends[0])]
    keys = [c[1:] for c in first]
    fixed = {k for k in keys if (("C", ends[0]), *k) in system.fixed}
    cumulative: dict[int, dict[tuple, int]] = {m: {k: system.values[(("C", m), *k)] for k in keys} for m in ends}
    cumulative[0] = dict.fromkeys(keys, 0)
    last = ends[-1]
    if cells_of.get(report.YEAR):
        last = 12
        cumulative[12] = {k: system.values.get((report.YEAR, *k), cumulative[ends[-1]][k]) for k in keys}
    steps = [0, *ends] + ([12] if last == 12 else [])
    tables: list[tuple[Any, dict[tuple, int]]] = [(("C", m), cumulative[m]) for m in ends]
    for before, month in itertools.pairwise(steps):
        tables.append((("M", month), {k: cumulative[month][k] - cumulative[before][k] for k in keys}))
    hidden = {c[1:] for c in also if c[0] != report.YEAR and c[1:] in cumulative[0]} | (year_hidden - fixed)
    for _round in range(20):
        grown: set[tuple] = set()
        for table, values in tables:
            own = suppression.suppress(
                _table_system(system, table, first, shape_eqs, values, fixed),
                threshold,
                also={(table, *k) for k in hidden},
            )
            grown |= {c[1:] for c in own.hidden} - hidden
        if not grown:
            break
        hidden |= grown

    def place(keys: Iterable[tuple]) -> None:
        for month in ends:
            for k in keys:
                cell = (("C", month), *k)
                if 0 < system.values[cell] < threshold:
                    result.primary.add(cell)
                else:
                    result.secondary.add(cell)

    place(hidden)
    _repair_linked(system, threshold, result, place)
    return result


def _repair_linked(system: suppression.CellSystem, threshold: int, result: suppression.Suppression, place: Any) -> None:
    """The exact audit of all tables together; a small count it still finds narrowed (through the links
    between tables, e.g. a later table's published cell bounding an earlier hidden one) gets one more
    complement, in the year-to-date tables when it can (``place``: hide a cell in all of them), in the year
    only when no year-to-date cell is left. What stays exposed with every hideable cell hidden is inherent
    (e.g. two "<5" in a line with a "<5" total: each is at most threshold−2) and reported as unprotected."""

    exposed: list[suppression.Cell] | None = None
    inherent: set[suppression.Cell] = set()
    by_cell: dict[suppression.Cell, list[Any]] = defaultdict(list)
    for eq in system.equations:
        for c in eq.members:
            by_cell[c].append(eq)
    for _round in range(30):
        kinds = result.kinds()
        sensitive = set(suppression._sensitive(system, kinds, threshold))
        check = sensitive if exposed is None else sensitive & set(exposed)
        published = {c: v for c, v in system.values.items() if c not in kinds}
        found = suppression.intervals(
            published, kinds, system.equations, threshold, check, truth=system.values, decisive=True
        )
        exposed = sorted((c for c, i in found.items() if not suppression._protected(kinds[c], i, threshold)), key=repr)
        if exposed and _round == 0:
            inherent = suppression._inherent(system, kinds, threshold, exposed, result)
        exposed = [c for c in exposed if c not in inherent]
        if not exposed:
            return
        keys: set[tuple] = set()
        year: set[suppression.Cell] = set()
        for cell in exposed:
            frontier, seen = [cell], {cell}
            while frontier:
                pool = {
                    m
                    for c in frontier
                    for eq in by_cell[c]
                    for m in eq.members
                    if m not in kinds and m not in system.fixed and (m[0] == report.YEAR or m[0][0] == "C")
                }
                ytd = {m for m in pool if m[0] != report.YEAR}
                if ytd:
                    keys.add(min(ytd, key=lambda m: (system.values[m], repr(m)))[1:])
                    break
                if pool:
                    year.add(min(pool, key=lambda m: (system.values[m], repr(m))))
                    break
                nxt = [m for c in frontier for eq in by_cell[c] for m in eq.members if m in kinds and m not in seen]
                seen.update(nxt)
                frontier = nxt
        if not keys and not year:
            result.unprotected |= set(exposed)
            return
        place(keys)
        result.secondary |= year
    result.unprotected |= set(exposed or ())  # pragma: no cover - thirty rounds never needed in practice


def _contacts(rng: random.Random, n: int, small: bool) -> Counter:
    counts: Counter = Counter()
    weights = (50, 4, 30, 16) if not small else (1, 1, 1, 1)
    for _ in range(n):
        kind = rng.choices(KINDS, weights=weights)[0]
        counts[("total", "")] += 1
        counts[("kind", kind)] += 1
        channel = rng.choice(report.CHANNELS)
        counts[("channel", channel)] += 1
        if channel == "written":
            counts[("medium", rng.choice(report.MEDIA))] += 1
        counts[("concern", rng.choices(report.CONCERNS, weights=(40, 3, 30, 10, 2, 15))[0])] += 1
        counts[("kind_area", f"{kind}:{rng.choices(report.AREAS, weights=(13, 24, 46, 2, 16))[0]}")] += 1
        counts[("referrals", "to_groups")] += rng.choice((0, 0, 1))
    return +counts


def generated(offices: int, kind: str, seed: int) -> tuple[list[report.Member], report.Facts, dict[int, report.Facts]]:
    """``tiny``: monthly sizes 0, 2, 6, 30, 120 (the suppression tests' generator); ``realistic``: 150 … 2,500
    contacts a year per office, ±40 % a month. About 5 % of offices share no contacts (withdrawn consent)."""
    rng = random.Random(seed)
    members: list[report.Member] = []
    months: dict[int, report.Facts] = {m: {} for m in range(1, 13)}
    for i in range(1, offices + 1):
        families = ("contacts",) if rng.random() > 0.05 or i == 1 else ()
        members.append(report.Member(i, f"o{i}", f"Office {i}", families, 100_000, 2.0, 1))
        if kind == "tiny":
            size = rng.choice((0, 2, 6, 30, 120))
            sizes = [rng.randint(0, size) for _ in range(12)]
        else:
            per_month = rng.choice((150, 300, 600, 1200, 2500)) / 12
            sizes = [rng.randint(int(per_month * 0.6), int(per_month * 1.4)) for _ in range(12)]
        for m in range(1, 13):
            months[m][i] = {"contacts": _contacts(rng, sizes[m - 1], small=kind == "tiny")}
    year: report.Facts = {}
    for m in range(1, 13):
        for oid, fam in months[m].items():
            year.setdefault(oid, {}).setdefault("contacts", Counter()).update(fam["contacts"])
    return members, year, months


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--offices", type=int, default=3)
    parser.add_argument("--kind", choices=("tiny", "realistic"), default="tiny")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    members, year, months = generated(args.offices, args.kind, args.seed)
    wall, cpu = time.perf_counter(), time.process_time()
    system, sharing = report.build_system(members, year, months, MONTH_ENDS)
    result = protect_in_time_order(system, 5, MONTH_ENDS)
    print(f"protect: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU")
    tables: dict[Any, report.Published] = {t: report.Published({}, s) for t, s in sharing.items()}
    for (table, oid, family, name), value in system.values.items():
        if table in tables:
            tables[table].values[(oid, family, name)] = result.sign((table, oid, family, name), value)
    print(f"year: {report.hidden_per_100(tables[report.YEAR]):.1f} hidden per 100 published")
    ytd = [tables[("C", m)] for m in MONTH_ENDS]
    print(f"year-to-date tables: {sum(report.hidden_per_100(t) for t in ytd) / len(ytd):.1f} hidden per 100 published")
    downloads = {k: report.build("v", "V", 2023, 5, members, p, None) for k, p in tables.items()}
    wall, cpu = time.perf_counter(), time.process_time()
    findings = audit_downloads(downloads, members, year, months, MONTH_ENDS, 5)
    beyond = [f for f in findings if f.cell not in result.unprotected]
    print(
        f"audit: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU; "
        f"{len(findings)} findings, {len(beyond)} not inherent"
    )


if __name__ == "__main__":
    main()
