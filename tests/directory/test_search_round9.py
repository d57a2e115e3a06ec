"""Quality cases of the ninth search round's classes (issue #14, s15-round9), on topics named as in the common
list WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- a definition's adjective says what kind a word is ("Dysthymie": langanhaltende *depressive* Verstimmung);
- a topic a definition's noun names finds its kinds by their compounds' head ("Karzinom": Krebserkrankung →
  Krebs → Darm|krebs), never by their front ("Krebs|nachsorge");
- a compound whose own definition names another topic than its parts reads as its definition ("Rosenkrieg":
  Scheidungs- … → Trennung, not Kriegsenkel through Krieg), not where the two agree ("Alkoholproblem"); by its
  adjectives too where the parts read no topic's own word ("Wechselmodell": … *getrennten* Eltern);
- another kind of a compound's head comes after the head's own topics ("Prüfungs|angst": Verlust|ängste last);
- a three-part compound is read by its front compound where that is a word ("Autismusspektrum|störung").

Each test fails on the code before the round.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Depression", "mental_health"),
            ("Trauer", "social"),
            ("Krebs", "chronic_illness"),
            ("Darmkrebs", "chronic_illness"),
            ("Krebsnachsorge", "chronic_illness"),
            ("Trennung", "social"),
            ("Väter nach Trennung", "social"),
            ("Kriegsenkel", "social"),
            ("Sucht", "addiction"),
            ("Alkoholabhängigkeit", "addiction"),
            ("Angsterkrankungen", "mental_health"),
            ("Panikattacken", "mental_health"),
            ("Verlustängste", "mental_health"),
            ("Autismus", "disability"),
            ("Bipolare Störung", "mental_health"),
        ],
    )
    make_group(d, "Lichtblick", ["Depression"], topic_area="mental_health")
    make_group(d, "Trauercafé", ["Trauer"], topic_area="social")
    make_group(d, "Frauenselbsthilfe Krebs", ["Krebs"], topic_area="chronic_illness")
    make_group(d, "Darmkrebs Gesprächskreis", ["Darmkrebs"], topic_area="chronic_illness")
    make_group(d, "Nachsorge-Treff", ["Krebsnachsorge"], topic_area="chronic_illness")
    make_group(d, "Neu anfangen nach Trennung", ["Trennung"], topic_area="social")
    make_group(d, "Väteraufbruch", ["Väter nach Trennung"], topic_area="social")
    make_group(d, "Kriegsenkel Gesprächskreis", ["Kriegsenkel"], topic_area="social")
    make_group(d, "Suchtselbsthilfe Eving", ["Sucht"], topic_area="addiction")
    make_group(d, "Kreuzbund Gruppe", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(d, "Angst im Alltag", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Panik? Nicht allein!", ["Panikattacken"], topic_area="mental_health")
    make_group(d, "Verlustangst überwinden", ["Verlustängste"], topic_area="mental_health")
    make_group(d, "Autismus Eltern-Treff", ["Autismus"], topic_area="disability")
    make_group(
        d,
        "Bipolar – Leben zwischen den Polen",
        ["Bipolare Störung"],
        topic_area="mental_health",
        description="Manie und Depression im Wechsel.",
    )
    return world


# --- a definition's adjectives -------------------------------------------------------------------------------


def test_the_definitions_keep_their_adjectives_after_their_nouns():  # type: ignore[no-untyped-def]
    assert "depressive" in language.gloss_adjectives("Dysthymie")
    assert all(w[0].isupper() for sense in language.glosses("Dysthymie") for w in sense)


def test_a_definitions_adjective_says_what_kind_a_word_is(office):  # type: ignore[no-untyped-def]
    assert names(office, "Dysthymie") == ["Lichtblick"]  # langanhaltende depressive Verstimmung


# --- a definition's topic and its kinds ----------------------------------------------------------------------


def test_a_topic_a_definition_names_finds_its_kinds_by_their_head(office):  # type: ignore[no-untyped-def]
    found = names(office, "Karzinom")  # Krebserkrankung, die vom Epithel ausgeht
    assert found[0] == "Frauenselbsthilfe Krebs"
    assert "Darmkrebs Gesprächskreis" in found  # Darm|krebs, a kind of Krebs
    assert "Nachsorge-Treff" not in found  # Krebs|nachsorge: Krebs in front, no kind of cancer


# --- a compound's own definition against its parts ------------------------------------------------------------


def test_a_compound_reads_as_its_definition_where_its_parts_name_another_topic(office):  # type: ignore[no-untyped-def]
    found = names(office, "Rosenkrieg")  # ein heftiger Scheidungs- oder Trennungskonflikt
    assert {"Neu anfangen nach Trennung", "Väteraufbruch"} <= set(found)
    assert "Kriegsenkel Gesprächskreis" not in found  # Krieg, a part, is no answer


def test_a_definitions_adjective_overrules_a_loose_part_reading(office):  # type: ignore[no-untyped-def]
    # Wechselmodell: "System zur Betreuung gemeinsamer Kinder von *getrennten* Eltern"; its parts read only the
    # common head "Wechsel", no topic's own word.
    assert set(names(office, "Wechselmodell")) == {"Neu anfangen nach Trennung", "Väteraufbruch"}


def test_a_definitions_adjective_never_overrules_a_part_that_is_a_topics_own_word(office):  # type: ignore[no-untyped-def]
    # Trunksucht: "zwanghafter Genuss alkoholischer Getränke"; Sucht is a topic's own word.
    assert names(office, "Trunksucht")[0] in {"Suchtselbsthilfe Eving", "Kreuzbund Gruppe"}


def test_a_definition_that_agrees_with_the_parts_changes_nothing(office):  # type: ignore[no-untyped-def]
    # Alkoholproblem: "Abhängigkeit einer Person von Alkohol"; Alkoholabhängigkeit is a kind of Abhängigkeit.
    assert names(office, "Alkoholproblem")[0] == "Kreuzbund Gruppe"


# --- another kind of the head ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Prüfungsangst", "Hoehenangst"])
def test_another_kind_of_the_head_comes_after_the_heads_own_topics(office, query):  # type: ignore[no-untyped-def]
    found = names(office, query)
    assert {"Angst im Alltag", "Panik? Nicht allein!", "Verlustangst überwinden"} <= set(found)
    assert found[-1] == "Verlustangst überwinden"  # Verlust|angst: a neighbour, though its name says Angst


def test_the_other_kind_typed_itself_still_comes_first(office):  # type: ignore[no-untyped-def]
    assert names(office, "Verlustangst")[0] == "Verlustangst überwinden"


# --- a three-part compound by its front compound --------------------------------------------------------------


def test_a_three_part_compound_is_read_by_its_front_compound(office):  # type: ignore[no-untyped-def]
    assert names(office, "Autismusspektrumstörung") == ["Autismus Eltern-Treff"]


# --- what stays ---------------------------------------------------------------------------------------------


def test_an_exact_match_still_shuts_out_the_new_readings(office):  # type: ignore[no-untyped-def]
    assert names(office, "Trauer") == ["Trauercafé"]
    assert names(office, "Krebs")[0] == "Frauenselbsthilfe Krebs"
