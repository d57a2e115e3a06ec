"""Quality cases of s25-situation (issue #14): a life situation whose concern is a kind of an umbrella topic by
its definition, and a situation typed with everyday words of time beside its concern. On topics named as in the
common list WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- a topic is also a kind of a topic named by an adjective and a noun where a sense of its German Wiktionary
  definition has that noun (or an OpenThesaurus synonym) as its genus and that adjective: "Depression", a
  *psychische Krankheit* → "Psychische Erkrankungen" (Krankheit ~ Erkrankung);
- "Frau depressiv", "Partner depressiv" → the circle for relatives of the psychically ill, alone where the
  depression groups are none for relatives; not where a person only qualifies the concern after it
  ("Depression Jugendliche");
- "Papa trinkt jeden Tag", "Sohn kifft immer": nothing answers every word; the everyday words of time and
  frequency beside the concern are left out, and the situation's groups answer (not the fallback by fewer
  words, which listed the drinkers' own groups: "Frauensuchtgruppe", whose description says "trinken" and
  "Tag").

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


def test_a_topic_is_a_kind_of_the_adjective_and_noun_its_definition_names() -> None:
    umbrellas = _umbrella_topics()
    assert umbrellas["Depression"] == {"Psychische Erkrankungen"}  # sense 2: psychische Krankheit
    assert umbrellas["Zwangsstörungen"] == {"Psychische Erkrankungen"}  # psychische Krankheit
    assert umbrellas["Psychische Erkrankungen"] == {"Psychische Erkrankungen"}
    # A psychische *Störung*; since s26-situation an Erkrankung (by its definition: a Störung) names it as well.
    assert umbrellas["Psychose"] == {"Psychische Erkrankungen"}
    assert umbrellas["Drogenabhängigkeit"] == {"Sucht"}  # "psychische" in its definition, but its genus is Rauschgift


def test_a_depressed_relative_finds_the_circle_for_relatives_of_the_psychically_ill(office):  # type: ignore[no-untyped-def]
    assert names(office, "Frau depressiv") == ["Angehörige psychisch Kranker"]
    assert names(office, "Partner depressiv") == ["Angehörige psychisch Kranker"]


def test_a_person_after_the_concern_qualifies_it(office):  # type: ignore[no-untyped-def]
    found = names(office, "Depression Jugendliche")
    assert "Lichtblick" in found
    assert "Angehörige psychisch Kranker" not in found


def test_everyday_words_of_time_beside_a_situation_are_left_out(office):  # type: ignore[no-untyped-def]
    assert names(office, "Papa trinkt jeden Tag") == ["Al-Anon Familiengruppe", "Angehörige Sucht – Gesprächskreis"]
    assert names(office, "Papa trinkt jeden Tag") == names(office, "Papa trinkt")
    assert names(office, "Sohn kifft immer")[0] == "Elternkreis drogengefährdeter Jugendlicher"


def test_the_addiction_circle_stays_no_answer_to_depression(office):  # type: ignore[no-untyped-def]
    for query in ("Frau depressiv", "Partner depressiv"):
        assert "Angehörige Sucht – Gesprächskreis" not in names(office, query)
    assert "Angehörige psychisch Kranker" not in names(office, "Papa trinkt jeden Tag")


def test_a_situation_every_word_answers_keeps_them(office):  # type: ignore[no-untyped-def]
    # "Mutter trinkt heimlich": a group says both words; nothing is left out, the relatives' groups answer.
    assert names(office, "Mutter trinkt heimlich")[0] == "Al-Anon Familiengruppe"
