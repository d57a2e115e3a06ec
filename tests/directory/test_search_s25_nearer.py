"""Quality cases of s25-nearer (issue #14): the filed-topic widening (``_with_filed_topics``) of a word that
stands in a topic's name only as a compound's front. On topics named as in the common list WITHOUT the office's
synonyms, so that what is found comes from the resources alone:

- "Verlust" is a search word of Trauer and of Verlustängste, whose name has it only in front of its head
  ("Verlust|ängste": an Angst). A group the word matches by its name ("Bindung und Verlust"), filed under
  Verlustängste, points to the nearer topic, Trauer: the grief groups answer after it, though none says
  "Verlust";
- a word that names no other topic keeps its one ("Alkohol" → every Alkoholabhängigkeit group), and a word
  that names the topic by a word of its name itself is no front ("Trauer").

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _word_is_front, _word_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Verlustängste", "mental_health"),
            ("Trauer", "social"),
            ("Alkoholabhängigkeit", "addiction"),
        ],
    )
    make_group(
        d,
        "Bindung und Verlust",
        ["Verlustängste"],
        topic_area="mental_health",
        description="Wir haben große Angst, verlassen zu werden.",
    )
    make_group(d, "Trauercafé Lindenau", ["Trauer"], topic_area="social")
    make_group(
        d,
        "Weggefährten Hohenfeld",
        ["Trauer"],
        topic_area="social",
        description="Für Menschen, die ihre Partnerin oder ihren Partner verloren haben.",
    )
    make_group(d, "Kreuzbund Gruppe Hörde", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(d, "Blaues Kreuz Begegnungsgruppe", ["Alkoholabhängigkeit"], topic_area="addiction")
    return world


def test_a_word_in_front_of_a_topic_names_head_is_a_front() -> None:
    topics = dict.fromkeys(_word_topics("Verlust"))
    assert set(topics) == {("trau",), ("verlustang",)}
    assert _word_is_front("Verlust", ("verlustang",))
    assert not _word_is_front("Verlust", ("trau",))  # a search word of Trauer, no part of its name
    assert _word_is_front("Darm", ("darmkreb",))
    # The head, or a word of the name itself, is no front.
    assert not _word_is_front("Angst", ("verlustang",))
    assert not _word_is_front("Trauer", ("trau",))


def test_verlust_finds_the_grief_groups_after_the_group_that_says_it(office):  # type: ignore[no-untyped-def]
    found = names(office, "Verlust")
    assert found[0] == "Bindung und Verlust"  # the group that has the word, first
    assert set(found) == {"Bindung und Verlust", "Trauercafé Lindenau", "Weggefährten Hohenfeld"}


def test_a_word_that_names_no_other_topic_keeps_its_one(office):  # type: ignore[no-untyped-def]
    assert set(names(office, "Alkohol")) == {"Kreuzbund Gruppe Hörde", "Blaues Kreuz Begegnungsgruppe"}


def test_the_topic_name_itself_is_unchanged(office):  # type: ignore[no-untyped-def]
    assert set(names(office, "Trauer")) == {"Trauercafé Lindenau", "Weggefährten Hohenfeld"}
