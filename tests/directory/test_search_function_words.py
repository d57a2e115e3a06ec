"""A noun's synonyms that are words of grammar (issue #14, demo: "Nachbar" listed the Nebennieren group).

OpenThesaurus puts "Nachbar" in a set with "neben", "bei", "nahe", "daneben". Such a word names no concept of
the noun, and as a compound's front "neben" matched "Neben|niere". A word of grammar is told from an adjective
by inflection (language.is_function_word): it is common and has no inflected form nearly as common as itself
("neben", "bei", "daneben"), while an adjective does ("allein" → alleine), so "Single" ~ allein still reaches
the single parents. Topics named as in the common list, WITHOUT the office's synonyms.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Nebennierenerkrankung", "chronic_illness"), ("Alleinerziehende", "social")])
    make_group(
        d, "Nebennierenerkrankung: Austausch und Begegnung", ["Nebennierenerkrankung"], topic_area="chronic_illness"
    )
    make_group(d, "Alleinerziehende Mütter und Väter", ["Alleinerziehende"], topic_area="social")
    return world


def test_words_of_grammar_are_told_from_adjectives_by_inflection():
    assert all(language.is_function_word(w) for w in ("neben", "bei", "daneben", "gegen", "immer"))
    assert not any(language.is_function_word(w) for w in ("allein", "krank", "nahe", "traurig", "gut"))
    assert not language.is_function_word("Neben")  # a capitalised word is a noun's spelling
    assert not language.is_function_word("ehelos")  # a rare word is no word of grammar


def test_a_nouns_synonym_of_grammar_reads_nothing(office):  # type: ignore[no-untyped-def]
    assert names(office, "Nachbar") == []
    assert names(office, "Nachbarn") == []


def test_the_group_still_answers_its_own_words_and_adjective_synonyms_still_count(office):  # type: ignore[no-untyped-def]
    assert names(office, "Nebenniere") == ["Nebennierenerkrankung: Austausch und Begegnung"]
    assert "Alleinerziehende Mütter und Väter" in names(office, "alleinerziehend")
