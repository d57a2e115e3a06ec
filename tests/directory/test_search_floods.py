"""Quality cases of s22-floods (issue #14): groups of another concern that a loose reading of a compound's parts
brings into the first five. On topics named as in the common list WITHOUT the office's synonyms, so that what is
found comes from the resources alone:

- a compound's front standing for it, matched as another compound's part, widens only within the topic areas
  the word means: "Suchtdruck" reaches the addiction groups ("Spiel|sucht"), not the eating-disorder group
  through "Mager|sucht";
- a compound with an everyday head that Wiktionary defines is a word of its own and reads its definition before
  its front: "Frauenhaus" (… *Gewalt* …) finds the violence group, not every women's group.

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
            ("Sucht", "addiction"),
            ("Spielsucht", "addiction"),
            ("Essstörungen", "mental_health"),
            ("Gewalt/Missbrauch, Opfer", "social"),
            ("Asperger-Syndrom", "disability"),
            ("Alkoholabhängigkeit", "addiction"),
        ],
    )
    make_group(d, "Suchtselbsthilfe Eving", ["Sucht"], topic_area="addiction")
    make_group(d, "Anonyme Spieler", ["Spielsucht"], topic_area="addiction")
    make_group(d, "Essstörungen – Magersucht und Bulimie", ["Essstörungen"], topic_area="mental_health")
    make_group(d, "Gewalt in der Partnerschaft", ["Gewalt/Missbrauch, Opfer"])
    make_group(d, "Asperger-Frauen", ["Asperger-Syndrom"], topic_area="disability")
    make_group(d, "Trockendock – Frauen und Alkohol", ["Alkoholabhängigkeit"], topic_area="addiction")
    return world


# --- a compound's front as another compound's part stays in the word's areas -----------------------------------


def test_a_front_as_a_siblings_part_stays_in_the_words_area(office):  # type: ignore[no-untyped-def]
    found = names(office, "Suchtdruck")
    assert {"Suchtselbsthilfe Eving", "Anonyme Spieler"} <= set(found)
    assert "Essstörungen – Magersucht und Bulimie" not in found


def test_the_eating_disorder_group_still_answers_its_own_words(office):  # type: ignore[no-untyped-def]
    assert "Essstörungen – Magersucht und Bulimie" in names(office, "Magersucht")
    assert "Essstörungen – Magersucht und Bulimie" in names(office, "Essstörung")


# --- a defined compound with an everyday head reads its definition first ----------------------------------------


def test_a_defined_compound_reads_its_definition_before_its_front(office):  # type: ignore[no-untyped-def]
    assert names(office, "Frauenhaus") == ["Gewalt in der Partnerschaft"]


def test_the_front_typed_alone_still_finds_its_groups(office):  # type: ignore[no-untyped-def]
    assert {"Asperger-Frauen", "Trockendock – Frauen und Alkohol"} <= set(names(office, "Frauen"))
