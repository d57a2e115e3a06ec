"""The disclosure audit: can any small count be worked out from everything an analyst can download?

For one association and year an analyst can download the year's report and every year-to-date report
(1 January to the end of each quarter released; each with every office and every family it shares). A
released table is frozen: its numbers and signs have one version (an office that withdraws its consent
is taken out of it, totals unchanged, so an older download shows more of the same cells). This module
reads those published payloads back into cells, sets up the equations a reader knows (an office's
total is the sum of its kinds, …; the association total is the sum over offices; a later year-to-date
is an earlier one plus the months in between) and hands them to :func:`suppression.audit`, which solves
the integer programs with scipy's HiGHS. See :mod:`saas.association.suppression` for what "protected"
means.

The sign ``"x"`` (an office's relatives counted among its citizens, :func:`report.relatives_locked`) is
not a protection: it only hides. On the cells it belongs on, the reader learns nothing from it (the cell
counts as one no download shows); on any other cell it is a finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from saas.association import report
from saas.association.suppression import (
    COMPLEMENT,
    IMPLICIT,
    PRIMARY,
    SECONDARY,
    CellSystem,
    Finding,
    audit,
    marker,
)


def _value(section: Any, name: str) -> Any:
    node = section
    for part in name.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def published_cells(payload: dict, table: Any, members: list[report.Member]) -> dict[tuple, Any]:
    """Every cell of one downloaded payload, keyed like :func:`report.build_system`'s cells."""
    by_slug = {m.slug: m.office_id for m in members}
    out: dict[tuple, Any] = {}
    sections = [(by_slug.get(o["tenant"]), o) for o in payload.get("offices", [])]
    sections.append((report.TOTAL, payload.get("total") or {}))
    for oid, entry in sections:
        if oid is None:
            continue
        for family in report.FAMILIES:
            section = entry.get(family)
            if not isinstance(section, dict):
                continue
            names = list(report._contact_cells(report.Counter())) if family == "contacts" else None
            if names is None:
                # "offices" (how many share) and the profile's staff_fte (master data) are not counts
                names = [k for k, v in section.items() if not isinstance(v, dict) and k not in ("offices", "staff_fte")]
                names += [f"by_kind.{k}" for k in (section.get("by_kind") or {})]
            for name in names:
                value = _value(section, name)
                if value is not None:
                    out[(table, oid, family, name)] = value
    return out


def audit_downloads(
    downloads: Mapping[Any, dict] | Iterable[tuple[Any, dict]],
    members: list[report.Member],
    facts: report.Facts | None,
    months: dict[int, report.Facts],
    ends: tuple[int, ...] | list[int],
    threshold: int,
    released: Mapping[Any, report.Truth] | None = None,
) -> list[Finding]:
    """Audit what an analyst can download for one year. ``downloads``: table (``report.YEAR`` or
    ``("C", month)``) → the payload as served, or (table, payload) pairs: every version an analyst may
    have kept (e.g. a table before and after an office withdrew its consent), all known together;
    ``members``: every office the payloads name (by slug), those that left since included;
    ``facts``/``months``: the true counts (the equations a reader knows are built from their shape, the
    truth to compare with from their values); ``released``: the true counts stored with tables released
    before (frozen: the truth of those tables, and the steps to the later ones are taken against them).

    Findings: a small count narrowed beyond its sign, a published number that is not the true count, a
    secondary sign on a small count (it must be ``"<5"``), a sign on an office total or the association
    total that is not the primary one, or a cell that two versions publish differently."""
    system, _sharing = report.build_system(members, facts, months, ends, released)
    pairs = downloads.items() if isinstance(downloads, Mapping) else downloads
    folding = [m.office_id for m in members if not m.relatives_apart]
    versions = [published_cells(payload, table, members) for table, payload in pairs]
    return audit_versions(system, versions, threshold, folding)


def locked_cells(system: CellSystem, folding: Iterable[int]) -> set[tuple]:
    """The cells of ``system`` that may be signed ``"x"``: :func:`report.relatives_locked` of each table,
    whose offices are those with a contacts total in it (``folding``: the offices that count relatives
    among the citizens)."""
    folding = set(folding)
    if not folding:
        return set()
    sharing: dict[Any, set[int]] = {}
    for table, oid, family, name in system.values:
        if family == "contacts" and name == "total" and oid != report.TOTAL and not _is_step(table):
            sharing.setdefault(table, set()).add(oid)
    return {
        (table, oid, "contacts", f"by_kind.{kind}")
        for table, offices in sharing.items()
        for oid, kind in report.relatives_locked(folding, offices)
    }


def _is_step(table: Any) -> bool:
    return isinstance(table, tuple) and table[0] == "T"  # the implicit steps between two tables


def audit_versions(
    system: CellSystem, versions: Iterable[Mapping[tuple, Any]], threshold: int, folding: Iterable[int] = ()
) -> list[Finding]:
    """The audit of published cells (``versions``: cell → number or sign, one mapping per download, all
    known to the reader at once) against ``system``, the true counts and the equations a reader knows.
    ``folding``: the offices that count relatives among the citizens, whose cells of :func:`locked_cells`
    may be ``"x"`` (not shown: unknown to the reader unless another version shows them)."""
    kinds: dict[tuple, str] = system.implicit_kinds()
    findings: list[Finding] = []
    mark = marker(threshold)
    seen: dict[tuple, Any] = {}
    locked = locked_cells(system, folding)
    for cells in versions:
        for cell, value in cells.items():
            if cell not in system.values:
                findings.append(Finding(cell, "unknown cell", (0, 0)))
                continue
            truth = system.values[cell]
            if value == report.LOCKED:
                if cell not in locked:
                    findings.append(Finding(cell, "'x' on a cell counted apart", (truth, truth)))
                continue
            if cell in seen:
                if seen[cell] != value:
                    findings.append(Finding(cell, f"published {seen[cell]!r} and {value!r}", (truth, truth)))
                continue
            seen[cell] = value
            if value == mark:
                kinds[cell] = PRIMARY
                if not 0 < truth < threshold:
                    findings.append(Finding(cell, "'<' on a count that is not small", (truth, truth)))
            elif value == SECONDARY:
                kinds[cell] = COMPLEMENT
                if 0 < truth < threshold:
                    findings.append(Finding(cell, "'.' on a small count", (truth, truth)))
                if cell[2:] == ("contacts", "total") and cell[0] == report.YEAR:
                    findings.append(Finding(cell, "'.' on a total", (truth, truth)))
            elif value != truth:
                findings.append(Finding(cell, f"published {value!r}, true", (truth, truth)))
    # Cells of the tables no download shows (e.g. a month not over yet) are unknown to the reader.
    for cell in system.values:
        if cell not in seen and cell not in kinds:
            kinds[cell] = IMPLICIT
    return findings + audit(system.values, kinds, system.equations, threshold)
