"""Quality cases of s23-abbrev (issue #14): abbreviations and association names that find their own group but
not the topic it stands for. On topics named as in the common list WITHOUT the office's synonyms:

- a group found by its name's initials stands for each of its topics, not for all of them at once ("OA":
  Overeaters Anonymous, filed under Essstörungen and Übergewicht → the eating-disorder group and the
  obesity group, which have one of the two);
- an association's name no resource explains, the first word of its groups' names ("Kreuzbund", "Alanon" of
  "Al-Anon"), stands for the topics its groups share, all at once; one whose groups are all for relatives for
  its topic's groups open to relatives (the about words do not tell a group for both from one for relatives:
  Kreuzbund's groups, for both, read so too). A place ("Eving") or a word for a group is no such name.

Each test of a change fails on the code before the branch; the others guard what stays.
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
            ("Essstörungen", "mental_health"),
            ("Übergewicht", "chronic_illness"),
            ("Adipositas", "chronic_illness"),
            ("Alkoholabhängigkeit", "addiction"),
            ("Depression", "mental_health"),
        ],
    )
    make_group(
        d,
        "Overeaters Anonymous",
        ["Essstörungen", "Übergewicht"],
        topic_area="mental_health",
        description="Zwanghaftes Essen und Essanfälle.",
    )
    make_group(d, "Essstörungen – Magersucht und Bulimie", ["Essstörungen"], topic_area="mental_health")
    make_group(d, "Adipositas Selbsthilfe", ["Adipositas", "Übergewicht"], topic_area="chronic_illness")
    make_group(
        d,
        "Kreuzbund Gruppe Hörde",
        ["Alkoholabhängigkeit"],
        topic_area="addiction",
        audience="both",
    )
    make_group(
        d,
        "Al-Anon Familiengruppe",
        ["Alkoholabhängigkeit"],
        topic_area="addiction",
        audience="relatives",
        description="Für Angehörige und Freunde von Alkoholikern.",
    )
    make_group(d, "Blaues Kreuz Begegnungsgruppe", ["Alkoholabhängigkeit"], topic_area="addiction", audience="affected")
    make_group(d, "Suchtselbsthilfe Eving", ["Alkoholabhängigkeit"], topic_area="addiction", audience="affected")
    make_group(d, "Lichtblick", ["Depression"], topic_area="mental_health", audience="affected")
    return world


# --- a group's initials stand for each of its topics ---------------------------------------------------------


def test_initials_of_a_group_of_two_topics_find_the_groups_of_each(office):  # type: ignore[no-untyped-def]
    found = names(office, "OA")
    assert found[0] == "Overeaters Anonymous"
    assert {"Essstörungen – Magersucht und Bulimie", "Adipositas Selbsthilfe"} <= set(found)


# --- an association's name stands for its topic --------------------------------------------------------------


def test_an_association_name_finds_its_topics_groups_after_its_own(office):  # type: ignore[no-untyped-def]
    found = names(office, "Kreuzbund")
    assert found[0] == "Kreuzbund Gruppe Hörde"
    # Its groups are open to relatives (the about words tell "both" from "relatives" not): the alcohol groups
    # open to relatives follow, no group of another topic.
    assert "Al-Anon Familiengruppe" in found
    assert "Lichtblick" not in found


def test_a_relatives_association_finds_the_topics_groups_open_to_relatives(office):  # type: ignore[no-untyped-def]
    found = names(office, "Alanon")
    assert found[0] == "Al-Anon Familiengruppe"
    assert "Kreuzbund Gruppe Hörde" in found
    assert "Blaues Kreuz Begegnungsgruppe" not in found


def test_a_place_in_a_name_stands_for_no_topic(office):  # type: ignore[no-untyped-def]
    assert names(office, "Eving") == ["Suchtselbsthilfe Eving"]
