"""The judged query sets of ``bench/search_quality.py``, in the order they were written.

One list for the bench's ``--set`` and for each held-out set's self-check (``python
bench/search_quality_heldoutN.py``): a new set's queries must be new against every set before it
(``search_quality_heldout5.problems_of``). A new set is added here, last.

Every set up to held-out-9 judges the one directory of ``search_quality_data.py`` (a large city's 114
groups). A set may bring a directory of its own (``OWN_DIRECTORY``: the module and the names of its groups
and extra topic areas), so that the search is also measured on group names and descriptions nobody tuned it
on, as the independent check does.
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
    from search_quality_heldout10 import HELD_OUT_10
    from search_quality_heldout11 import HELD_OUT_11

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
        "held-out-10": HELD_OUT_10,
        "held-out-11": HELD_OUT_11,
    }


Groups = list[tuple[str, list[str], str, str]]

# set name → (module, name of its groups list, name of its extra topic areas)
OWN_DIRECTORY: dict[str, tuple[str, str, str]] = {
    "held-out-10": ("search_quality_heldout10", "GROUPS_10", "EXTRA_TOPIC_AREAS_10"),
    "held-out-11": ("search_quality_heldout11", "GROUPS_11", "EXTRA_TOPIC_AREAS_11"),
}


def directory_of(name: str) -> tuple[Groups, dict[str, str]]:
    """The groups a set is judged over and the topic areas of its topics that are not on the topic list."""
    import importlib

    if name in OWN_DIRECTORY:
        module, groups, areas = OWN_DIRECTORY[name]
        loaded = importlib.import_module(module)
        return getattr(loaded, groups), getattr(loaded, areas)
    from search_quality_data import EXTRA_TOPIC_AREAS, GROUPS

    return GROUPS, EXTRA_TOPIC_AREAS


def asked_before(name: str) -> set[str]:
    """The queries of ``name`` that an earlier set asked too (or a trivial variant of them)."""
    from search_quality_heldout5 import _key, _stem

    sets = judged_sets()
    names = list(sets)
    earlier = {_stem(_key(q)) for n in names[: names.index(name)] for _f, q, _t, _q in sets[n]}
    return {q for _f, q, _t, _q in sets[name] if _stem(_key(q)) in earlier}


def check(name: str) -> list[str]:
    """Problems of the set ``name`` against every set written before it, and unknown topics."""
    from search_quality_heldout5 import problems_of

    sets = judged_sets()
    names = list(sets)
    earlier = [sets[n] for n in names[: names.index(name)]]
    if name in OWN_DIRECTORY:
        # A new directory may ask what earlier sets asked (the independent check surely asks "Trauer" too):
        # there, a repeat is counted, not a problem.
        found = problems_of(sets[name], [], directory_of(name)[0])
        repeats = problems_of(sets[name], earlier, directory_of(name)[0])
        return found + [f"(repeat of an earlier set, allowed) {r}" for r in repeats if r not in found]
    return problems_of(sets[name], earlier)


def main(name: str) -> None:
    """A held-out set's ``__main__``: print its problems, or that it has none; exit 1 on problems."""
    import sys

    found = check(name)
    serious = [f for f in found if not f.startswith("(repeat")]
    print("\n".join(found) or f"{len(judged_sets()[name])} queries, none of an earlier set, all topics known")
    sys.exit(bool(serious))
