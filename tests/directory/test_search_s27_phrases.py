"""Quality cases of s27-phrases (issue #14): queries of more than one word. On topics named as in the common list
WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- an adjective and a noun that the common topic list gives as a phrase for a topic whose name lacks the noun
  ("soziale Angst", a search word of Soziale Phobie) are a kind of what the noun names: the anxiety groups join
  the social phobia group, after it; a phrase that is a topic's own name ("pflegende Angehörige", "sexueller
  Missbrauch") keeps to that topic.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _phrase_noun_alternatives
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Angsterkrankungen", "mental_health"),
            ("Soziale Phobie", "mental_health"),
            ("Pflegende Angehörige", "social"),
            ("Psychische Erkrankungen", "mental_health"),
            ("Missbrauch, sexueller", "social"),
            ("Narzissmus, Partnerschaft", "social"),
        ],
    )
    make_group(
        d,
        "Schüchtern war gestern",
        ["Soziale Phobie"],
        topic_area="mental_health",
        description="Wenn andere Menschen Angst machen.",
    )
    make_group(d, "Angst im Alltag", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Mutig gegen die Angst", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Pflegende Angehörige Hörde", ["Pflegende Angehörige"], topic_area="social")
    make_group(
        d, "Angehörige psychisch Kranker", ["Psychische Erkrankungen"], topic_area="mental_health", audience="relatives"
    )
    make_group(d, "Wildwasser Gesprächsgruppe", ["Missbrauch, sexueller"], topic_area="social")
    make_group(d, "Narzisstischer Missbrauch", ["Narzissmus, Partnerschaft"], topic_area="social")
    return world


def test_a_listed_phrase_for_another_topic_is_a_kind_of_its_noun(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "soziale Angst")
    assert found[0] == "Schüchtern war gestern"
    assert set(found[1:]) == {"Angst im Alltag", "Mutig gegen die Angst"}


@pytest.mark.parametrize(
    "words",
    [("pflegende", "Angehörige"), ("sexueller", "Missbrauch"), ("häusliche", "Gewalt"), ("verwaiste", "Eltern")],
)
def test_a_phrase_that_names_its_topic_or_says_who_keeps_to_it(words: tuple[str, str]) -> None:
    assert _phrase_noun_alternatives(words) == []


def test_a_topic_name_phrase_finds_its_topic_only(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "pflegende Angehörige") == ["Pflegende Angehörige Hörde"]
    assert names(office, "sexueller Missbrauch") == ["Wildwasser Gesprächsgruppe"]
