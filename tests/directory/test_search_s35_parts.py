"""s35-parts (issue #14): a word groups have only as a compound's later part reads its derived noun too.

On held-out-10's directory "behindert" and "Behinderte" listed only the blind and visually impaired group: the word
matched the part "behinderte" of its topic "Seh|behinderte" at the nearest reading (the word as typed, whole or as a
compound's part), and that reading stopped the derived one (Behinderung), which finds the disability groups. A
Sehbehinderung is one kind of Behinderung, not what the word says. Now a word alone whose nearest hits are all by
a compound's part that follows another part (its head or a sub-compound's head), with no group having the word
whole, reads its derived nouns as near as the word, the part's hits weighted after them
(``search._head_part_hits_only``). A word a group has whole ("Angst", "Krebs", "Sucht", "Eltern") reads as before.

Second: "raucht" listed nothing while "rauchen" and "Raucher" find "Rauchfrei werden": its derived noun Rauch
found the group, then the filter of a word read by its definitions (``_condition_noun_readings``) kept only the
topic area that the definition of Rauch's stem of another sense names (rauch: behaart → Haar → Haarausfall). Where
that filter keeps no group while the word's own forms match a group's topics, it keeps the groups
(``search._topic_found_by_forms``).

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics

BLIND = "Blinden- und Sehbehindertenverein"
DISABILITY = ["Lebenshilfe Elterngruppe", "Rollstuhl-Stammtisch"]


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Behinderung", "disability"),
            ("Sehbehinderte", "disability"),
            ("Blindheit/Erblindung", "disability"),
            ("Angsterkrankungen", "mental_health"),
            ("Krebs", "chronic_illness"),
            ("Nichtraucher", "addiction"),
            ("Haarausfall", "chronic_illness"),
        ],
    )
    make_group(d, "Lebenshilfe Elterngruppe", ["Behinderung"], topic_area="disability")
    make_group(d, "Rollstuhl-Stammtisch", ["Behinderung"], topic_area="disability")
    make_group(d, BLIND, ["Blindheit/Erblindung", "Sehbehinderte"], topic_area="disability")
    make_group(d, "Mutig gegen die Angst", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Verlustangst überwinden", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Frauenselbsthilfe nach Krebs", ["Krebs"], topic_area="chronic_illness")
    make_group(d, "Prostatakrebs-Selbsthilfe", ["Krebs"], topic_area="chronic_illness")
    make_group(d, "Rauchfrei werden", ["Nichtraucher"], topic_area="addiction")
    make_group(d, "Alopezie-Treff", ["Haarausfall"], topic_area="chronic_illness")
    return world


@pytest.mark.parametrize("q", ["behindert", "Behinderte"])
def test_a_word_found_only_as_a_later_part_reads_its_derived_noun(office, q):  # type: ignore[no-untyped-def]
    # Before: the blind group only (the part "behinderte" of its topic "Seh|behinderte").
    found = names(office, q)
    assert set(found) == {*DISABILITY, BLIND}
    assert found.index(BLIND) == 2  # the part's hit after the derived noun's own groups


def test_the_derived_noun_itself_lists_as_before(office):  # type: ignore[no-untyped-def]
    assert set(names(office, "Behinderung")) == {*DISABILITY, BLIND}


def test_the_compound_typed_keeps_its_own_group(office):  # type: ignore[no-untyped-def]
    assert names(office, "sehbehindert")[0] == BLIND


@pytest.mark.parametrize(
    ("q", "groups"),
    [
        ("Angst", {"Mutig gegen die Angst", "Verlustangst überwinden"}),
        ("Krebs", {"Frauenselbsthilfe nach Krebs", "Prostatakrebs-Selbsthilfe"}),
    ],
)
def test_a_word_groups_have_whole_reads_as_before(office, q, groups):  # type: ignore[no-untyped-def]
    assert set(names(office, q)) == groups


def test_beside_another_word_the_part_stays_the_answer(office):  # type: ignore[no-untyped-def]
    assert names(office, "behindert blind") == [BLIND]


@pytest.mark.parametrize("q", ["raucht", "rauchen", "Raucher"])
def test_the_verb_form_finds_the_smokers_group(office, q):  # type: ignore[no-untyped-def]
    # Before: "raucht" listed nothing (its stem's definition of another sense: behaart → Haarausfall).
    assert names(office, q) == ["Rauchfrei werden"]


def test_a_word_read_by_its_definition_keeps_its_filter(office):  # type: ignore[no-untyped-def]
    # "Wurst" (… Darm …) lists no group its synonym of another sense would find.
    assert names(office, "Wurst") == []
