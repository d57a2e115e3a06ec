"""Quality cases of s27-phrases (issue #14): queries of more than one word. On topics named as in the common list
WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- an adjective and a noun that the common topic list gives as a phrase for a topic whose name lacks the noun
  ("soziale Angst", a search word of Soziale Phobie) are a kind of what the noun names: the anxiety groups join
  the social phobia group, after it; a phrase that is a topic's own name ("pflegende Angehörige", "sexueller
  Missbrauch") keeps to that topic;
- a query of several words that only descriptions have, all in groups of one topic, is about that topic, as one
  such word already was ("Witwe"): "trocken bleiben" ("… die trocken werden oder bleiben wollen" of a women's
  alcohol group) finds the other alcohol groups after it; a topic that says whom ("Frauen") is no such topic;
- the adjective of a two-word search word of the common list whose noun says who names that topic: "verwaist"
  ("verwaiste Eltern" of Trauer) finds the grief groups, no longer the loneliness group through its synonym
  "einsam";
- a noun that names no topic, found only in the names of a few groups of one topic, stands for that topic:
  "Stimmen im Kopf" finds the voice hearers' group "Stimmen hören" (Psychose) and the other psychosis groups.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _people_phrase_topics, _phrase_noun_alternatives, named_topics
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
            ("Alkoholabhängigkeit", "addiction"),
            ("Frauen", "social"),
            ("Trauer", "social"),
            ("Einsamkeit", "social"),
            ("Psychose", "mental_health"),
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
    make_group(
        d,
        "Trockendock – Frauen und Alkohol",
        ["Alkoholabhängigkeit", "Frauen"],
        topic_area="addiction",
        description="Eine Gruppe nur für Frauen, die trocken werden oder bleiben wollen.",
    )
    make_group(d, "Anonyme Alkoholiker", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(d, "Kreuzbund Gruppe Hörde", ["Alkoholabhängigkeit"], topic_area="addiction", audience="both")
    make_group(d, "Frauentreff Mitte", ["Frauen"], topic_area="social", description="Frauen unter sich.")
    make_group(d, "Verwaiste Eltern Dortmund", ["Trauer"], topic_area="social", audience="parents")
    make_group(d, "Trauercafé Lütgendortmund", ["Trauer"], topic_area="social")
    make_group(d, "Gemeinsam statt einsam", ["Einsamkeit"], topic_area="social")
    make_group(d, "Stimmen hören", ["Psychose"], topic_area="mental_health", description="Menschen, die Stimmen hören.")
    make_group(d, "Psychose-Seminar", ["Psychose"], topic_area="mental_health", audience="both")
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


def test_words_only_descriptions_have_are_about_their_groups_topic(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "trocken bleiben")
    assert found[0] == "Trockendock – Frauen und Alkohol"
    assert set(found[1:]) == {"Anonyme Alkoholiker", "Kreuzbund Gruppe Hörde"}  # not the women's group


def test_words_a_name_has_are_not_widened(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Frauen Alkohol") == ["Trockendock – Frauen und Alkohol"]


def test_the_adjective_of_a_phrase_for_people_names_its_topic() -> None:
    assert named_topics("verwaist") == ("Trauer",)
    assert _people_phrase_topics()["hochbegabt"] == frozenset({"Hochbegabte Kinder"})
    assert "pflegend" not in _people_phrase_topics()  # "pflegende Angehörige": a topic's name of its own


def test_verwaist_finds_the_grief_groups(office) -> None:  # type: ignore[no-untyped-def]
    found = names(office, "verwaist")
    assert found[0] == "Verwaiste Eltern Dortmund"
    assert "Trauercafé Lütgendortmund" in found
    assert "Gemeinsam statt einsam" not in found


def test_a_noun_only_a_groups_name_has_stands_for_its_topic(office) -> None:  # type: ignore[no-untyped-def]
    assert names(office, "Stimmen im Kopf") == ["Stimmen hören", "Psychose-Seminar"]
