"""The judged query sets of ``bench/search_quality.py``, in the order they were written.

One list for the bench's ``--set`` and for each held-out set's self-check (``python
bench/search_quality_heldoutN.py``): a new set's queries must be new against every set before it
(``search_quality_heldout5.problems_of``). A new set is added here, last.
"""

from __future__ import annotations


def judged_sets() -> dict[str, list[tuple[str, str, set[str], str]]]:
    """Every judged set by its ``--set`` name, oldest first."""
    from search_quality_data import QUERIES
    from search_quality_heldout import HELD_OUT
    from search_quality_heldout2 import HELD_OUT_2
    from search_quality_heldout3 import HELD_OUT_3
    from search_quality_heldout4 import HELD_OUT_4
    from search_quality_heldout5 import HELD_OUT_5
    from search_quality_heldout6 import HELD_OUT_6
    from search_quality_heldout7 import HELD_OUT_7
    from search_quality_heldout8 import HELD_OUT_8
    from search_quality_heldout9 import HELD_OUT_9

    return {
        "main": QUERIES,
        "held-out": HELD_OUT,
        "held-out-2": HELD_OUT_2,
        "held-out-3": HELD_OUT_3,
        "held-out-4": HELD_OUT_4,
        "held-out-5": HELD_OUT_5,
        "held-out-6": HELD_OUT_6,
        "held-out-7": HELD_OUT_7,
        "held-out-8": HELD_OUT_8,
        "held-out-9": HELD_OUT_9,
    }


def check(name: str) -> list[str]:
    """Problems of the set ``name`` against every set written before it, and unknown topics."""
    from search_quality_heldout5 import problems_of

    sets = judged_sets()
    names = list(sets)
    return problems_of(sets[name], [sets[n] for n in names[: names.index(name)]])


def main(name: str) -> None:
    """A held-out set's ``__main__``: print its problems, or that it has none; exit 1 on problems."""
    import sys

    found = check(name)
    print("\n".join(found) or f"{len(judged_sets()[name])} queries, none of an earlier set, all topics known")
    sys.exit(bool(found))
