"""s35-english (issue #14): an English term or abbreviation no German resource knows is read as its German terms.

Citizens type English into the Wegweiser ("PTSD", "BPD", "OCD", "grief", "eating disorder"). No German resource
has these, so "PTSD" and "BPD" found nothing and "grief" found what a typo's correction led to. Ding's
German–English dictionary (Debian trans-de-en, GPL-2+; ``saas/directory/data/ding_english_de.txt.gz``, built by
``scripts/build_english.py``) gives their German terms ("PTSD" → PTBS, "grief" → … tiefe Trauer …), which the search
reads first, each as if typed, the first that finds a group answering (``search.english_readings``). Guards: a word
German has too keeps its German reading ("war", "Trauer", "burnout"), an abbreviation is read only in capitals
("did" is no DID), a German term must be one the office's groups speak of (or an abbreviation), a word the office's
groups use themselves is read as typed ("Fatigue"), and nonsense still finds nothing. On topics named as in the
common list WITHOUT the office's synonyms.

The tests of the readings fail on the code before the branch.
"""

from __future__ import annotations

import pytest

from saas.directory import language, search
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Komplexe PTBS", "mental_health"),
            ("Trauer", "mental_health"),
            ("Borderline", "mental_health"),
            ("Zwangsstörungen", "mental_health"),
            ("Covid, Long Covid", "chronic_illness"),
            ("Adipositas", "chronic_illness"),
        ],
    )
    make_group(d, "Wege aus dem Trauma", ["Komplexe PTBS"], topic_area="mental_health", description="Wir reden.")
    make_group(d, "Trauercafé", ["Trauer"], topic_area="mental_health", description="Nach dem Tod eines Menschen.")
    make_group(d, "Borderline Trialog", ["Borderline"], topic_area="mental_health", description="Austausch.")
    make_group(d, "Zwänge überwinden", ["Zwangsstörungen"], topic_area="mental_health", description="Austausch.")
    make_group(d, "Long Covid Betroffene", ["Covid, Long Covid"], topic_area="chronic_illness", description="Fatigue.")
    make_group(d, "Adipositas Selbsthilfe", ["Adipositas"], topic_area="chronic_illness", description="Abnehmen.")
    return world


@pytest.mark.parametrize(
    ("query", "group"),
    [
        ("PTSD", "Wege aus dem Trauma"),
        ("BPD", "Borderline Trialog"),
        ("OCD", "Zwänge überwinden"),
        ("grief", "Trauercafé"),
        ("eating disorder", None),  # Essstörung: no such group here, and nothing else
    ],
)
def test_an_english_term_finds_the_groups_of_its_german_term(office, query, group):  # type: ignore[no-untyped-def]
    found = names(office, query)
    assert found == ([group] if group else [])


def test_the_german_terms_come_from_the_dictionary():  # type: ignore[no-untyped-def]
    assert language.english_terms("PTSD") == ("PTBS",)
    assert "Zwangsstörung" in language.english_terms("OCD")
    assert "tiefe Trauer" in language.english_terms("grief")
    assert language.english_terms("eating disorder") == ("Essstörung",)


def test_the_longest_english_term_is_read_and_a_term_of_the_topic_list_first():  # type: ignore[no-untyped-def]
    assert search.english_readings("eating disorder") == [("Essstörung", "Essstörung")]
    assert search.english_readings("grief")[0] == ("tiefe Trauer", "tiefe Trauer")
    # The rest of the query stays as typed, where it is German.
    assert search.english_readings("grief Kinder")[0] == ("tiefe Trauer Kinder", "tiefe Trauer")


@pytest.mark.parametrize("word", ["war", "Trauer", "burnout", "Kinder", "positive", "Mi", "Angst", "depression"])
def test_a_word_german_has_too_keeps_its_german_reading(word):  # type: ignore[no-untyped-def]
    assert language.english_terms(word) == ()
    assert search.english_readings(word) == []


def test_an_abbreviation_is_read_only_in_capitals():  # type: ignore[no-untyped-def]
    assert language.english_terms("did") == ()
    assert language.english_terms("ptsd") == ()


def test_a_word_the_groups_use_is_read_as_typed(office):  # type: ignore[no-untyped-def]
    assert names(office, "Fatigue") == ["Long Covid Betroffene"]


@pytest.mark.parametrize("query", ["xyzzq", "node", "bracket"])
def test_nonsense_and_a_german_term_the_groups_do_not_use_find_nothing(office, query):  # type: ignore[no-untyped-def]
    assert names(office, query) == []
