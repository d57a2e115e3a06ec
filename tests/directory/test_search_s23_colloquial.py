"""Quality cases of s23-colloquial (issue #14): everyday words for a concern that reached only part of its groups,
or none. On topics named as in the common list WITHOUT the office's synonyms, so that what is found comes from
the resources alone:

- a definition's noun that is the noun of a topic's name of an adjective and a noun, which no other topic has
  among its words, names that topic ("Nervenzusammenbruch": Versagen des Nervensystems aufgrund einer …
  *Belastung* → Psychische Belastung);
- a word only descriptions have, all in groups of one topic, widens to that topic's groups in that topic's area,
  not in the area its fallback part names ("Herz|rasen": a panic group's description has it, Herz names the
  heart children's topic);
- where a word is read by its synonyms, a synonym that is a search word of a topic and matches a group filed
  under it widens to that topic's other groups ("Pillen" ~ Tablette: Medikamentenabhängigkeit);
- a narrower term of two letters is no reading ("Bier" > "Äl", key "al", matched "Al-Anon" and hid the alcohol
  groups that Bier's broader term Alkohol reads).

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _action_noun, _adjective_named_topics, _alternatives
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Psychische Belastung", "mental_health"),
            ("Panikattacken", "mental_health"),
            ("Angsterkrankungen", "mental_health"),
            ("Herzerkrankte, Kinder", "chronic_illness"),
            ("Medikamentenabhängigkeit", "addiction"),
            ("Alkoholabhängigkeit", "addiction"),
        ],
    )
    make_group(d, "Frühstückstreff Wiesental", ["Psychische Belastung"], topic_area="mental_health")
    make_group(
        d,
        "Panik? Nicht allein!",
        ["Panikattacken"],
        topic_area="mental_health",
        description="Panikattacken, Herzrasen und Angst vor der Angst.",
    )
    make_group(d, "Mutig gegen die Angst", ["Angsterkrankungen", "Panikattacken"], topic_area="mental_health")
    make_group(d, "Herzkinder Dortmund", ["Herzerkrankte, Kinder"], topic_area="chronic_illness")
    make_group(d, "Tablettenfrei leben", ["Medikamentenabhängigkeit"], topic_area="addiction")
    make_group(
        d,
        "Kreuzbund Gruppe Hörde",
        ["Alkoholabhängigkeit", "Medikamentenabhängigkeit"],
        topic_area="addiction",
    )
    make_group(d, "Al-Anon Familiengruppe", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(d, "Blaues Kreuz Begegnungsgruppe", ["Alkoholabhängigkeit"], topic_area="addiction")
    return world


# --- a definition's noun that names a topic of an adjective and a noun -------------------------------------------


def test_the_noun_of_an_adjective_and_noun_topic_name_names_it() -> None:
    assert _adjective_named_topics().get("belast") == frozenset(["Psychische Belastung"])
    # A noun other topics have as well says a category: "Bipolare / Dissoziative Störung", "Chronische /
    # Psychische Erkrankungen".
    assert "stor" not in _adjective_named_topics()
    assert "erkrank" not in _adjective_named_topics()


def test_such_a_noun_is_no_action_noun_of_a_definition() -> None:
    assert not _action_noun("Belastung")
    assert _action_noun("Bildung")


def test_nervenzusammenbruch_finds_the_strain_group(office):  # type: ignore[no-untyped-def]
    assert names(office, "Nervenzusammenbruch") == ["Frühstückstreff Wiesental"]


# --- a word only descriptions have widens within its described topic's area --------------------------------------


def test_herzrasen_finds_every_panic_group(office):  # type: ignore[no-untyped-def]
    found = names(office, "Herzrasen")
    assert found[0] == "Panik? Nicht allein!"  # the group that says it, first
    assert set(found) == {"Panik? Nicht allein!", "Mutig gegen die Angst"}


# --- a synonym's topic under which the group it matches is filed -------------------------------------------------


def test_pillen_finds_every_medication_group(office):  # type: ignore[no-untyped-def]
    found = names(office, "Pillen")
    assert found[0] == "Tablettenfrei leben"  # the group its synonym Tablette matches, first
    assert set(found) == {"Tablettenfrei leben", "Kreuzbund Gruppe Hörde"}


# --- a narrower term of two letters ------------------------------------------------------------------------------


def test_a_two_letter_narrower_term_is_no_reading() -> None:
    narrower = {a.tokens for a in _alternatives("Bier") if a.kind == "narrower"}
    assert ("al",) not in narrower  # "Äl"
    assert ("pils",) in narrower  # "Pilsener" stays


def test_bier_finds_every_alcohol_group(office):  # type: ignore[no-untyped-def]
    assert set(names(office, "Bier")) == {
        "Al-Anon Familiengruppe",
        "Blaues Kreuz Begegnungsgruppe",
        "Kreuzbund Gruppe Hörde",
    }
