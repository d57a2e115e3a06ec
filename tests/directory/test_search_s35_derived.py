"""s35-derived (issue #14): an infinitive the dictionary also lists as a noun reads its noun in -ung.

hunspell-de-de lists some 2,100 infinitives as nouns as well ("Trennen/SJm", das Trennen, beside "trennen/SJozm"),
and ``language.derivations`` reads no noun of the dictionary as a verb form ("Sucht" is no "sucht" of "suchen"). So
"trennt" and "getrennt" reached Trennung, but "trennen" did not: it fell through to its synonyms (abhängen →
Abhängigkeit) and listed the addiction groups. Now such an infinitive reads its noun in -ung where that noun is a
word of the common topic list (``search._listed_infinitive_nouns``), and never that noun's relations: "abgrenzen"
(Abgrenzung ~ Trennung) reads nothing. On topics named as in the common list WITHOUT the office's synonyms.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Trennung", "social"), ("Sucht", "addiction"), ("Behinderung", "disability")])
    make_group(d, "Neu anfangen nach Trennung", ["Trennung"], topic_area="social")
    make_group(d, "Suchtselbsthilfe", ["Sucht"], topic_area="addiction")
    make_group(d, "Rollstuhl-Stammtisch", ["Behinderung"], topic_area="disability")
    return world


@pytest.mark.parametrize("q", ["trennen", "Trennen"])
def test_the_infinitive_finds_the_group_of_its_noun(office, q):  # type: ignore[no-untyped-def]
    # Before: the addiction group only (trennen ~ abhängen → Abhängigkeit ~ Sucht).
    assert names(office, q) == ["Neu anfangen nach Trennung"]


@pytest.mark.parametrize("q", ["trennt", "getrennt", "Trennung"])
def test_its_other_forms_find_it_as_before(office, q):  # type: ignore[no-untyped-def]
    assert names(office, q) == ["Neu anfangen nach Trennung"]


def test_the_infinitive_of_a_disability_reads_it(office):  # type: ignore[no-untyped-def]
    assert names(office, "behindern") == ["Rollstuhl-Stammtisch"]


def test_a_noun_outside_the_list_reads_nothing_further(office):  # type: ignore[no-untyped-def]
    # Abgrenzung is no word of the topic list; its synonym Trennung is not read.
    assert names(office, "abgrenzen") == []


def test_the_regional_finder_reads_it_alike(office):  # type: ignore[no-untyped-def]
    regional, own = regional_and_own(office, "trennen")
    assert own and regional.get(office.dortmund.id, []) == own


def test_only_an_infinitive_listed_as_a_noun_too():  # type: ignore[no-untyped-def]
    assert language.infinitive_nouns("trennen") == ("trennung",)
    assert language.infinitive_nouns("Trennen") == ("trennung",)
    assert language.infinitive_nouns("stottern") == ()  # no noun entry: derivations reads it already
    assert language.infinitive_nouns("Sucht") == ()
