"""s32-situation (issue #14): a state told by a phrase that negates. OpenThesaurus files such phrases beside the
words for the state ("nicht mehr können" beside erschöpft, ausgelaugt, entkräftet; "sich nicht mehr zurechtfinden"
beside dement, verwirrt), but those words rarely stand in the common topic list as written, so the phrases file kept
none of them. ``scripts/build_thesaurus.py`` now keeps every word of a negating phrase's set, and the search reads
those that name a topic and are words of the list or rarer than everyday words. In a phrase that negates, its small
words count ("nicht *mehr* können" is not "nicht können"); one made of small words ("kann nicht mehr") is read only
from a sentence that says nothing else but who; and it is read only where the sentence's other words are read too
("ich kann nicht mehr *laufen*" is no exhaustion) and the sentence says no suicide ("ich will nicht mehr leben"
reads as that, s29).

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import phrase_readings
from tests.directory.helpers import found_names as names
from tests.directory.helpers import load_script, make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Depression", "mental_health"), ("Demenz", "chronic_illness"), ("Suizid", "mental_health")])
    make_group(d, "Lichtblick", ["Depression"], topic_area="mental_health")
    make_group(d, "Leben mit Vergesslichkeit", ["Demenz"], topic_area="chronic_illness")
    make_group(d, "Gesprächskreis Lebenskrise", ["Suizid"], topic_area="mental_health")
    return world


def test_i_cannot_go_on_reads_as_exhausted(office):  # type: ignore[no-untyped-def]
    # Before: nothing (the phrase "nicht mehr können" has one content word, and its set no word of the topic list).
    assert names(office, "ich kann nicht mehr") == ["Lichtblick"]


def test_a_relative_who_no_longer_finds_their_way(office):  # type: ignore[no-untyped-def]
    # "sich nicht mehr zurechtfinden" ~ dement, verwirrt.
    assert names(office, "Mutter findet sich nicht mehr zurecht") == ["Leben mit Vergesslichkeit"]


def test_no_energy_left(office):  # type: ignore[no-untyped-def]
    assert names(office, "keine Energie mehr") == ["Lichtblick"]


def test_a_word_beside_the_phrase_must_be_read_too(office):  # type: ignore[no-untyped-def]
    # "nicht mehr können" + "laufen": the sentence is about walking; the reading would drop "laufen".
    assert names(office, "ich kann nicht mehr laufen") == []


def test_a_phrase_of_small_words_reads_only_said_alone():  # type: ignore[no-untyped-def]
    # "kann nicht mehr" ~ ausgepowert: said alone, or with whom; beside another word it is grammar.
    assert phrase_readings("ich kann nicht mehr") != []
    assert phrase_readings("ich kann nicht mehr schlafen") == []


def test_a_sentence_of_suicide_reads_no_phrase(office):  # type: ignore[no-untyped-def]
    assert phrase_readings("ich will nicht mehr leben") == []
    assert "Gesprächskreis Lebenskrise" in names(office, "ich will nicht mehr leben")


def test_the_small_words_of_a_negating_phrase_count():  # type: ignore[no-untyped-def]
    # "nicht mehr können" needs "mehr"; "nicht können" (~ unfähig) has one word beside its negation: none read.
    assert phrase_readings("ich kann nicht schwimmen") == []


def test_an_everyday_word_of_the_set_reads_nothing():  # type: ignore[no-untyped-def]
    # "das kann nicht wahr sein" ~ unglaublich (Zipf 4.7), whose loose synonyms reach the violence groups.
    assert not any("unglaublich" in r for r in phrase_readings("das kann nicht wahr sein"))


def test_the_builder_keeps_every_word_of_a_negating_phrases_set():  # type: ignore[no-untyped-def]
    build = load_script("build_thesaurus")
    lines = [
        "-|am Ende|ausgelaugt|erschöpft|nicht mehr (weiter) können|(der) Akku ist leer (ugs., fig.)",
        "-|aufstehen|aus dem Bett aufstehen|rausmüssen (ugs.)",
    ]
    assert build.phrase_lines(lines, set(), {"angst"}) == ["nicht mehr können|ausgelaugt|erschöpft"]


def test_the_regional_finder_reads_it_as_the_office_does(office) -> None:  # type: ignore[no-untyped-def]
    regional, own = regional_and_own(office, "ich kann nicht mehr")
    assert regional[office.dortmund.id] == own
    assert regional[office.hamm.id] == []
    assert names(office, "ich kann nicht mehr") == ["Lichtblick"]


def test_the_builder_negates_with_the_search_s_words() -> None:
    # scripts/build_thesaurus.py runs before the package is installed, so it keeps its own copy of the words.
    from saas.directory.search import NEGATION_WORDS

    assert load_script("build_thesaurus").NEGATIONS == NEGATION_WORDS
