"""Whether the search reads a query typed the way a phone or a keyboard without umlauts types it as it reads the
query as written (issue #14, s22-spelling).

For every query of the judged sets (``search_quality_sets.judged_sets``) over its directory, built as
``search_quality.py`` builds it (SQLite, no office synonyms), two variants are derived from the query itself,
with no word list:

- **folded**: umlauts written out as DIN 5007-2 does (ä → ae, ö → oe, ü → ue, ß → ss; capitals alike),
- **lower**: the whole query in lower case,

and each is searched like the query (``search_ids``, one office, the first 20). A variant *differs* where its
first 20 ids or its total are not the query's. Per set it prints how many queries differ when folded and when
lower-cased (of how many that the variant changes at all); for the studied sets it lists each differing query
with both result counts. For the unseen sets (held-out-9, held-out-11) it prints the two counts only, never a
query. All counts should be 0: a citizen who types "Autismusspektrumstoerung" or "narzisstische
persönlichkeitsstörung" gets what "Autismusspektrumstörung" and "narzisstische Persönlichkeitsstörung" get.

    python bench/search_spelling.py               # every set
    python bench/search_spelling.py --set held-out-8
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from directory_search import scratch_app  # noqa: E402
from search_quality import build  # noqa: E402
from search_quality_sets import OWN_DIRECTORY, judged_sets  # noqa: E402

UNSEEN = frozenset(["held-out-9", "held-out-11"])  # counts only: their queries stay unseen
FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def variants(q: str) -> dict[str, str]:
    """The query's variants that differ from it: folded (umlauts written out) and lower case."""
    found = {"folded": q.translate(FOLD), "lower": q.lower()}
    return {label: v for label, v in found.items() if v != q}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="all", help="a judged set's name, or all (default)")
    args = parser.parse_args()

    with scratch_app("spelling") as app:
        from saas.directory.search import search_ids
        from tenants.scoping import tenant_context

        sets = judged_sets()
        names = list(sets) if args.set == "all" else [args.set]
        offices: dict[str, int] = {}
        totals = {"folded": 0, "lower": 0}
        for name in names:
            directory = name if name in OWN_DIRECTORY else "main"
            if directory not in offices:
                offices[directory] = build(app, False, name)
            tenant = offices[directory]
            changed = {"folded": 0, "lower": 0}
            differing = {"folded": 0, "lower": 0}
            lines: list[str] = []
            with app.app_context(), tenant_context(tenant):
                for form, q, _topics, _qualifier in sets[name]:
                    base = search_ids(q, tenant_id=tenant, limit=20)
                    for label, variant in variants(q).items():
                        changed[label] += 1
                        other = search_ids(variant, tenant_id=tenant, limit=20)
                        if (other.ids, other.total) != (base.ids, base.total):
                            differing[label] += 1
                            if name not in UNSEEN:
                                lines.append(
                                    f"   [{form}] {label}: {q!r} → {variant!r}: {base.total} vs {other.total} results"
                                )
            print(
                f"{name}: {len(sets[name])} queries; differing when folded: {differing['folded']} "
                f"of {changed['folded']}; when lower-cased: {differing['lower']} of {changed['lower']}"
            )
            for line in lines:
                print(line)
            for label in totals:
                totals[label] += differing[label]
        print(f"all: differing when folded: {totals['folded']}; when lower-cased: {totals['lower']}")


if __name__ == "__main__":
    main()
