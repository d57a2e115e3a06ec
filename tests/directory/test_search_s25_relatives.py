"""Quality cases of s25-relatives (issue #14): a life situation of a relative whose concern is a kind of an
umbrella topic of the common list also finds the groups of that umbrella topic whose name says they are for
relatives. On topics named as in the common list WITHOUT the office's synonyms, so that what is found comes
from the resources alone:

- a topic is a kind of another by the language: its one-word name's compound head ("Spiel|sucht") or an
  OpenThesaurus broader term ("Drogenabhängigkeit" ^Sucht) is the other's one-word name, of the same area;
- "Tochter kifft", "Mann trinkt", "Sohn zockt" → the groups of that addiction open to relatives, then the
  circle "Angehörige Sucht" (topic Sucht), for relatives of any addiction;
- not a group of the umbrella that is no relatives' group by its name, nor a relatives' group of another
  umbrella, nor for a query without a relative.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _umbrella_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import relatives_office


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    relatives_office(world.dortmund)
    return world


def test_a_topic_is_a_kind_of_its_umbrella_by_head_or_broader_term() -> None:
    umbrellas = _umbrella_topics()
    for kind in ("Drogenabhängigkeit", "Alkoholabhängigkeit", "Medikamentenabhängigkeit", "Spielsucht"):
        assert umbrellas[kind] == {"Sucht"}  # ^Sucht, or "Spiel|sucht"
    assert umbrellas["Brustkrebs"] == {"Krebs"}
    assert umbrellas["Sucht"] == {"Sucht"}  # an umbrella is its own
    assert "Adoptiveltern" not in umbrellas  # "Adoptiv|eltern": a topic named for people says who
    assert "Glücksspiel" not in umbrellas  # "Glücks|spiel" is no kind of Sucht by its words
    # A psychische *Störung*; since s26-situation an Erkrankung (by its definition: a Störung) names it as well.
    assert umbrellas["Psychose"] == {"Psychische Erkrankungen"}


def test_tochter_kifft_finds_the_relatives_circle_of_every_addiction(office):  # type: ignore[no-untyped-def]
    found = names(office, "Tochter kifft")
    assert found[0] == "Elternkreis drogengefährdeter Jugendlicher"
    assert "Angehörige Sucht – Gesprächskreis" in found


def test_mann_trinkt_keeps_al_anon_first(office):  # type: ignore[no-untyped-def]
    assert names(office, "Mann trinkt") == ["Al-Anon Familiengruppe", "Angehörige Sucht – Gesprächskreis"]


def test_a_gambling_son_reaches_sucht_through_spielsucht(office):  # type: ignore[no-untyped-def]
    assert "Angehörige Sucht – Gesprächskreis" in names(office, "Sohn zockt nur noch")


def test_no_other_group_of_the_umbrella_and_no_other_umbrella(office):  # type: ignore[no-untyped-def]
    for query in ("Tochter kifft", "Mann trinkt", "Sohn zockt nur noch"):
        found = names(office, query)
        assert "Suchtselbsthilfe Eving" not in found  # of topic Sucht, but for the addicted
        assert "Angehörige psychisch Kranker" not in found  # for relatives, of no umbrella of an addiction
        assert "Clean-Treff" not in found and "Anonyme Alkoholiker" not in found


def test_without_a_relative_the_concern_s_groups_answer(office):  # type: ignore[no-untyped-def]
    assert "Angehörige Sucht – Gesprächskreis" not in names(office, "Anonyme Alkoholiker")
