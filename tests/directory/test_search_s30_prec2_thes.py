"""Quality cases of s30-prec2-thes (issue #14): everyday words that named Haarausfall through an idiom on hair.

s30-prec-thes made the nouns of idioms on a part of the body name no topic (:func:`language.idiom_nouns`), by the
nouns OpenThesaurus files under Körperteil or Organ. It files "Haar" under Behaarung only, so the idiom "um ein
Haar" (in the set "fast|annähernd|beinah|haarscharf|knapp|…") still made "fast", "kaum", "bald", "knapp",
"beinahe", "nahezu", "soeben" list the Alopecia group, "sich in die Haare kriegen" "streiten", and "Haut und Haar"
"hart" and "streng". A noun that shares an OpenThesaurus set with a body part ("Haar" with "Fell", "Pelz", filed
under Körperteil) counts as one now (:func:`language._bodily`); the rest of the idiom rule is unchanged (Wiktionary
ties, the word's own broader terms), and "kahl" still names Haarausfall.

Each test of the change fails on the code before; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import named_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.mark.parametrize(
    "word", ["fast", "kaum", "bald", "knapp", "beinahe", "nahezu", "soeben", "hart", "streng", "streiten"]
)
def test_no_topic_through_an_idiom_on_hair(word: str) -> None:
    assert named_topics(word) == ()


def test_hair_is_a_body_part_by_its_set() -> None:
    assert "Haar" in language.idiom_nouns("fast")
    assert language.idiom_nouns("tot") == frozenset()  # "zu Tode bringen": no body part


@pytest.mark.parametrize(
    ("word", "topic"),
    [
        ("tot", "Trauer"),
        ("kiffen", "Drogenabhängigkeit"),
        ("kahl", "Haarausfall"),
    ],
)
def test_other_relations_stay(word: str, topic: str) -> None:
    assert topic in named_topics(word)


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Haarausfall", "chronic_illness"),
            ("Trauer", "social"),
        ],
    )
    make_group(d, "Alopecia-Gruppe", ["Haarausfall"], topic_area="chronic_illness")
    make_group(d, "Trauercafé", ["Trauer"], topic_area="social")
    return world


@pytest.mark.parametrize("q", ["fast", "Kaum", "beinahe", "knapp"])
def test_the_wegweiser_lists_no_group_for_an_everyday_word(office, q: str) -> None:  # type: ignore[no-untyped-def]
    assert names(office, q) == []


def test_the_wegweiser_still_reads_hair_and_death(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Haarausfall") == ["Alopecia-Gruppe"]
    assert names(office, "meine Frau ist tot") == ["Trauercafé"]
