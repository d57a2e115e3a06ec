"""s34-umbrella (issue #14): a word naming an umbrella no longer reads all its kinds first.

- The umbrella's own group (filed under the topic Sucht) comes before the groups only the area word "Sucht"
  matches: a word among a group's topics weighs a little more than the same word among its area's words.
- A definition whose genus is an umbrella's own word ("Hypochondrie": *Angst*, krank zu sein) reads the
  umbrella, not the kinds the list files under it (panic, social phobia); a word named as a kind by its ending
  ("Emeto|phobie") keeps them.
- A compound's front that names no topic says the umbrella's kind by its synonyms' heads ("Rektum" ~ Mast|darm:
  "Rektumkarzinom", "Rektumkrebs" → Darmkrebs), also where the head is read by its definition (Karzinom: a
  *Krebserkrankung*).
- Among groups of one score, the one that says what the query word's definition says comes first
  ("Wochenbettdepression": … nach der *Geburt*).

Each search test of the change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Sucht", "addiction"),
            ("Alkoholabhängigkeit", "addiction"),
            ("Drogenabhängigkeit", "addiction"),
            ("Angsterkrankungen", "mental_health"),
            ("Panikattacken", "mental_health"),
            ("Soziale Phobie", "mental_health"),
            ("Krebs", "chronic_illness"),
            ("Darmkrebs", "chronic_illness"),
            ("Lungenkrebs", "chronic_illness"),
            ("Blasenkrebs", "chronic_illness"),
            ("Depression", "mental_health"),
        ],
    )
    make_group(d, "Al-Anon Familiengruppe", ["Alkoholabhängigkeit"], topic_area="addiction", audience="relatives")
    make_group(d, "Anonyme Alkoholiker", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(d, "Narcotics Anonymous", ["Drogenabhängigkeit"], topic_area="addiction")
    make_group(d, "Suchtselbsthilfe Eving", ["Sucht"], topic_area="addiction", audience="both")
    make_group(d, "Angst im Alltag", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Panik? Nicht allein!", ["Panikattacken"], topic_area="mental_health")
    make_group(d, "Schüchtern war gestern", ["Soziale Phobie"], topic_area="mental_health")
    make_group(d, "Frauenselbsthilfe Krebs", ["Krebs"], topic_area="chronic_illness")
    make_group(d, "Darmkrebs Gesprächskreis", ["Darmkrebs"], topic_area="chronic_illness")
    make_group(d, "Lungenkrebs Dortmund", ["Lungenkrebs"], topic_area="chronic_illness")
    make_group(d, "Blasenkrebs-Treff", ["Blasenkrebs"], topic_area="chronic_illness")
    make_group(d, "Aufwind", ["Depression"], topic_area="mental_health")
    make_group(d, "Lichtblick", ["Depression"], topic_area="mental_health")
    make_group(
        d,
        "Zuversicht",
        ["Depression"],
        topic_area="mental_health",
        description="Für Mütter, die sich nach der Geburt nicht freuen können.",
    )
    return world


def test_the_umbrellas_own_group_comes_first(office):  # type: ignore[no-untyped-def]
    # Before: every addiction group scored alike on the area word "Sucht", ordered by name (Eving last).
    found = names(office, "Sucht")
    assert found[0] == "Suchtselbsthilfe Eving"
    assert {"Al-Anon Familiengruppe", "Anonyme Alkoholiker", "Narcotics Anonymous"} <= set(found)


def test_a_definitions_umbrella_word_reads_the_umbrella(office):  # type: ignore[no-untyped-def]
    # Before: the panic and the social phobia group too ("Angst" names their topics).
    assert names(office, "Hypochondrie") == ["Angst im Alltag"]


def test_a_word_named_as_a_kind_keeps_the_kinds(office):  # type: ignore[no-untyped-def]
    assert set(names(office, "Emetophobie")) >= {"Angst im Alltag", "Panik? Nicht allein!", "Schüchtern war gestern"}


def test_the_fronts_synonym_says_the_kind_of_cancer(office):  # type: ignore[no-untyped-def]
    # Before: every cancer group ("Karzinom": a *Krebserkrankung*), and "Rektumkrebs" the umbrella's group alone.
    assert names(office, "Rektumkarzinom") == ["Darmkrebs Gesprächskreis"]
    assert names(office, "Rektumkrebs") == ["Darmkrebs Gesprächskreis"]


def test_a_front_that_names_the_kind_stays(office):  # type: ignore[no-untyped-def]
    assert names(office, "Lungenkarzinom") == ["Lungenkrebs Dortmund"]
    assert names(office, "Darmkrebs") == ["Darmkrebs Gesprächskreis"]


def test_the_definitions_words_break_a_tie(office):  # type: ignore[no-untyped-def]
    # Before: the three Depression groups by name ("Zuversicht" last).
    found = names(office, "Wochenbettdepression")
    assert found[0] == "Zuversicht"
    assert set(found) == {"Aufwind", "Lichtblick", "Zuversicht"}


def test_an_office_without_the_kind_lists_the_umbrella(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Krebs", "chronic_illness"), ("Lungenkrebs", "chronic_illness")])
    make_group(d, "Frauenselbsthilfe Krebs", ["Krebs"], topic_area="chronic_illness")
    make_group(d, "Lungenkrebs Dortmund", ["Lungenkrebs"], topic_area="chronic_illness")
    assert "Frauenselbsthilfe Krebs" in names(world, "Rektumkarzinom")
    assert "Frauenselbsthilfe Krebs" in names(world, "Rektumkrebs")
