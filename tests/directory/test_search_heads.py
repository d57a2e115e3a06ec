"""Quality cases of s21-heads (issue #14): groups that only a generic part of the query reaches do not fill
the first five ahead of, or instead of, the groups its specific part finds. On topics named as in the common
list WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- a compound that is a kind of what its head names reads its own synonyms and the topics it names before the
  head's topics ("Trennungsangst" ~ Verlustangst: the fear-of-loss group, not every anxiety group).

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Verlustängste", "mental_health"),
            ("Angsterkrankungen", "mental_health"),
            ("Panikattacken", "mental_health"),
            ("Trennung", "social"),
        ],
    )
    make_group(d, "Verlustangst überwinden", ["Verlustängste"], topic_area="mental_health")
    make_group(d, "Mutig gegen die Angst", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Angst im Alltag", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Panik? Nicht allein!", ["Panikattacken"], topic_area="mental_health")
    make_group(d, "Neu anfangen", ["Trennung"])
    return world


# --- a compound's own synonyms before its head's topics -----------------------------------------------------


def test_a_compounds_synonym_comes_before_its_heads_topics(office):  # type: ignore[no-untyped-def]
    assert names(office, "Trennungsangst") == ["Verlustangst überwinden"]


def test_a_compound_without_a_synonym_the_groups_have_still_reads_its_head(office):  # type: ignore[no-untyped-def]
    assert {"Mutig gegen die Angst", "Angst im Alltag"} <= set(names(office, "Errötungsangst"))
