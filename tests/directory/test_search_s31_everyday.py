"""Quality cases of s31-everyday (issue #14): a related everyday word names no noun of its search key.

A word's synonyms named a topic whenever one of them shared its Snowball key with a one-word name or search word
of the common topic list. An everyday synonym that is no noun shares a key with nouns of other senses:
"ungewollt" ~ automatisch (*involuntary*) met "Automaten", a search word of Glücksspiel, so "ungewollt schwanger"
listed every gambling group of the demo office. Over the 20,000 most frequent words of wordfreq, 207 forms
named a topic that way and lost it, every one nonsense ("bekommen" → Kriegsenkel, "beenden" → Demenz, "mit" →
Behinderung, "kann" → Magenentfernung, "verbunden" → Sucht); none gained one, and no judged query of any set
moved. A rare synonym is still read ("alkoholkrank" ~ alkoholabhängig → Alkoholabhängigkeit).

Each test of the change fails on the code before; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import named_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topic, make_topics


@pytest.mark.parametrize(
    "word", ["ungewollt", "unbewusst", "bekommen", "beenden", "mit", "kann", "verbunden", "betreut", "besessen"]
)
def test_an_everyday_synonym_names_no_noun_of_its_key(word: str) -> None:
    assert named_topics(word) == ()


def test_other_relations_of_the_word_stay() -> None:
    assert named_topics("selbständig") == ("Alleinstehend", "Einsamkeit")  # no Glücksspiel by "automatisch"


@pytest.mark.parametrize(
    ("word", "topic"),
    [("alkoholkrank", "Alkoholabhängigkeit"), ("saufen", "Alkoholabhängigkeit"), ("süchtig", "Sucht")],
)
def test_rare_and_own_relations_stay(word: str, topic: str) -> None:
    assert topic in named_topics(word)


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    # The office's topic lists its search words, as the common topic list does ("Automaten" of Glücksspiel).
    make_topic(d, "Glücksspiel", search_words="Spielsucht, Automaten, Sportwetten", area="addiction")
    make_topics(d, [("Kriegsenkel", "social"), ("Alkoholabhängigkeit", "addiction")])
    make_group(d, "Zocken ade", ["Glücksspiel"], topic_area="addiction")
    make_group(d, "Kriegsenkel-Gesprächskreis", ["Kriegsenkel"], topic_area="social")
    make_group(d, "Trockendock", ["Alkoholabhängigkeit"], topic_area="addiction")
    return world


@pytest.mark.parametrize("q", ["ungewollt schwanger", "ungewollt", "Hilfe bekommen"])
def test_the_wegweiser_lists_no_group_for_an_everyday_synonym(office, q: str) -> None:  # type: ignore[no-untyped-def]
    assert names(office, q) == []


def test_the_wegweiser_still_reads_a_rare_synonym(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "alkoholkrank") == ["Trockendock"]
