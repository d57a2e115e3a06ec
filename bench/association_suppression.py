"""Benchmark: cell suppression of a release night on realistic small cells (no database).

``bench/association_aggregate.py`` fills every office with uniformly random contacts of one size: with
thousands of contacts spread evenly over a few categories no cell is small, so its "hidden cells per 100
published" says nothing about the suppression. This data set is what associations look like: offices of
very different sizes (log-normal, 40 … 8,000 contacts a year), rare categories (relatives, founding a
group, disability, in person, letters) and months counted separately, so the year-to-date tables and the
steps between them have small counts too.

For each association (``--per-association`` offices) it releases the year's tables in calendar order, as
:mod:`saas.association.publish` does: the year to the end of March, June, September, then the year, each
suppressed with the tables released before held fixed (frozen). It prints, per table, the hidden cells per
100 published ("<5" and "." against numbers), the suppression time, and for the year's table the part of
the release night: the time of the year's suppression summed over all associations (the step every
association takes on the same night). Then it runs the disclosure audit over every table of the year of
the first association(s) and prints its findings under both readings of a "<5".

    PYTHONPATH=. .venv/bin/python bench/association_suppression.py --offices 400 --per-association 38
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from saas.association import report
from saas.association.audit import audit_downloads

KIND_WEIGHTS = (50, 6, 28, 16)  # citizen, relative, group, professional
AREA_WEIGHTS = (13, 24, 46, 2, 15)  # addiction, chronic illness, mental health, disability, social
CHANNEL_WEIGHTS = (45, 45, 10)
CONCERN_WEIGHTS = (38, 3, 30, 18, 7, 4)
MEDIUM_WEIGHTS = (60, 15, 20, 5)  # email, letter, form, unknown


def _month(rng: np.random.Generator, n: int) -> Counter:
    """One office's contacts of one month, as the aggregation counts them."""
    c: Counter = Counter()
    if n <= 0:
        return c
    c[("total", "")] = n
    joint = np.outer(np.array(KIND_WEIGHTS, float), np.array(AREA_WEIGHTS, float)).ravel()
    cells = rng.multinomial(n, joint / joint.sum())
    for i, count in enumerate(cells):
        if count:
            kind, area = report.KINDS[i // len(report.AREAS)], report.AREAS[i % len(report.AREAS)]
            c[("kind_area", f"{kind}:{area}")] += int(count)
            c[("kind", kind)] += int(count)
    for name, count in zip(report.CHANNELS, rng.multinomial(n, _p(CHANNEL_WEIGHTS)), strict=True):
        c[("channel", name)] += int(count)
    for name, count in zip(report.MEDIA, rng.multinomial(c[("channel", "written")], _p(MEDIUM_WEIGHTS)), strict=True):
        c[("medium", name)] += int(count)
    for name, count in zip(report.CONCERNS, rng.multinomial(n, _p(CONCERN_WEIGHTS)), strict=True):
        c[("concern", name)] += int(count)
    c[("referrals", "to_groups")] = int(rng.binomial(n, 0.25))
    c[("referrals", "to_professionals")] = int(rng.binomial(n, 0.04))
    return +c


def _p(weights: tuple[int, ...]) -> np.ndarray:
    w = np.array(weights, float)
    return w / w.sum()


def association(rng: np.random.Generator, first_id: int, offices: int) -> tuple[list[report.Member], dict[int, Any]]:
    members, months = [], {m: {} for m in range(1, 13)}
    for oid in range(first_id, first_id + offices):
        members.append(report.Member(oid, f"o{oid}", f"Office {oid}", ("contacts",), 100_000, 2.0, 1))
        size = min(8000.0, max(40.0, rng.lognormal(math.log(1200), 0.9)))
        for m in range(1, 13):
            months[m][oid] = {"contacts": _month(rng, int(rng.poisson(size / 12)))}
    return members, months


def year_facts(months: dict[int, Any]) -> report.Facts:
    out: report.Facts = {}
    for month in months.values():
        for oid, families in month.items():
            out.setdefault(oid, {}).setdefault("contacts", Counter()).update(families["contacts"])
    return out


def release_year(members: list[report.Member], months: dict[int, Any], threshold: int) -> list[tuple[Any, ...]]:
    """The four tables released in order, each with the ones before frozen: (table, CPU seconds, hidden per
    100, published table, suppression) per table."""
    facts = year_facts(months)
    have: dict[Any, tuple[report.Truth, list[tuple]]] = {}
    out = []
    for table in (*(("C", m) for m in report.QUARTER_ENDS), report.YEAR):
        ends = [t[1] for t in (*have, table) if t != report.YEAR]
        start = time.process_time()
        system, sharing = report.build_system(
            members,
            facts if table == report.YEAR else None,
            months,
            ends,
            released={t: truth for t, (truth, _h) in have.items()},
        )
        also = [c for _t, (_truth, hidden) in have.items() for c in hidden]
        tables, result = report.publish_system(system, sharing, threshold, also)
        seconds = time.process_time() - start
        have[table] = (report.truth_of(system, table), sorted(c for c in result.hidden if c[0] == table))
        out.append((table, seconds, report.hidden_per_100(tables[table]), tables[table], result))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offices", type=int, default=76)
    parser.add_argument("--per-association", type=int, default=38)
    parser.add_argument("--threshold", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--audit", type=int, default=1, help="associations whose year is audited (0: none)")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    per_table: dict[Any, list[float]] = {}
    seconds: dict[Any, float] = {}
    contact_cells = {}
    audited = 0
    for first in range(1, args.offices + 1, args.per_association):
        members, months = association(rng, first, min(args.per_association, args.offices - first + 1))
        released = release_year(members, months, args.threshold)
        for table, secs, per100, published, _result in released:
            per_table.setdefault(table, []).append(per100)
            seconds[table] = seconds.get(table, 0.0) + secs
            contact_cells[table] = contact_cells.get(table, 0) + len(published.values)
        if audited < args.audit:
            audited += 1
            downloads = {
                table: report.build("b", "B", 2025, args.threshold, members, published, None)
                for table, _s, _p, published, _r in released
            }
            start = time.process_time()
            findings = audit_downloads(
                downloads, members, year_facts(months), months, report.QUARTER_ENDS, args.threshold
            )
            unprotected = set().union(*(r.unprotected for *_x, r in released))
            print(
                f"audit of association {audited} ({len(members)} offices, 4 tables): {len(findings)} findings, "
                f"{len([f for f in findings if f.cell not in unprotected])} not reported as unprotected, "
                f"{time.process_time() - start:.2f} s"
            )
            for f in findings[:10]:
                print("   ", f)
    load = os.getloadavg()
    print(f"{args.offices} offices, associations of {args.per_association}, threshold {args.threshold}")
    for table, values in per_table.items():
        name = "year" if table == report.YEAR else f"1 Jan – end of month {table[1]}"
        print(
            f"  {name:28s} hidden per 100 published: mean {statistics.mean(values):5.1f}  "
            f"(per association {min(values):.1f} … {max(values):.1f}; {contact_cells[table]} cells)  "
            f"suppression CPU {seconds[table]:.2f} s over all associations"
        )
    print(f"release night of the year's table (suppression CPU, all associations): {seconds[report.YEAR]:.2f} s")
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
