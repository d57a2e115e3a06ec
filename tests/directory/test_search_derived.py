"""Quality cases of s22-derived (issue #14): derived forms (participles, adjectives, participles used as nouns)
that did not reach the word they are made of. On topics named as in the common list WITHOUT the office's
synonyms, so that what is found comes from the resources alone:

- a past participle of an inchoative verb the dictionary lacks reads as its adjective ("ertaubt": er|taub|t,
  taub geworden → taub ~ schwerhörig), not only as the topic list's "Ertaubte";
- a compound adjective whose front is a kind of its head's property noun reads as the front alone, as a compound
  with a filler head does ("parkinson|krank": Parkinson is a Krankheit → every Parkinson group, not only the one
  that says "Parkinsonkranke"; "rheuma|krank" → the Rheuma group, not the kinds the list files under Rheuma);
- a participle used as a noun in a definition reads as its verb's noun ("Hinterbliebene": Angehörige eines
  *Verstorbenen* → Sterben ~ Tod → the grief groups).

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import _kind_of_head_adjective
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Hörgeschädigte", "disability"),
            ("Gehörlosigkeit", "disability"),
            ("Parkinson", "chronic_illness"),
            ("Rheuma", "chronic_illness"),
            ("Fibromyalgie", "chronic_illness"),
            ("Morbus Bechterew", "chronic_illness"),
            ("Trauer", "social"),
        ],
    )
    make_group(
        d,
        "Schwerhörigen-Treff",
        ["Hörgeschädigte"],
        topic_area="disability",
        description="Für schwerhörige Menschen, mit Ringschleife.",
    )
    make_group(d, "Gehörlosen-Stammtisch", ["Gehörlosigkeit"], topic_area="disability")
    make_group(d, "Parkinson Regionalgruppe", ["Parkinson"], topic_area="chronic_illness")
    make_group(d, "Junge Parkinsonkranke", ["Parkinson"], topic_area="chronic_illness")
    make_group(d, "Rheuma-Liga", ["Rheuma"], topic_area="chronic_illness")
    make_group(d, "Fibro-Treff", ["Fibromyalgie"], topic_area="chronic_illness")
    make_group(d, "Morbus Bechterew Gruppe", ["Morbus Bechterew"], topic_area="chronic_illness")
    make_group(d, "Trauercafé", ["Trauer"], description="Ein offener Ort für Trauernde.")
    return world


# --- an inchoative verb's participle reads as its adjective ------------------------------------------------------


def test_an_inchoative_participle_the_dictionary_lacks_is_its_adjective() -> None:
    assert language.inchoative_adjective("ertaubt") == "taub"
    assert language.inchoative_adjective("ertaubte") == "taub"


def test_a_verb_of_the_dictionary_or_a_common_form_is_no_inchoative() -> None:
    # "erblindet" is read by its verb (erblinden → Erblindung); "erkannt" is erkennen's, no "kann".
    assert language.inchoative_adjective("erblindet") is None
    assert language.inchoative_adjective("erkannt") is None
    assert language.inchoative_adjective("verbringst") is None


def test_ertaubt_finds_the_hard_of_hearing_through_taub(office):  # type: ignore[no-untyped-def]
    assert {"Schwerhörigen-Treff", "Gehörlosen-Stammtisch"} <= set(names(office, "ertaubt"))


# --- a compound adjective whose front is a kind of its head ----------------------------------------------------


def test_a_front_that_is_a_kind_of_the_heads_noun() -> None:
    assert _kind_of_head_adjective(["parkinson", "krank"])
    assert not _kind_of_head_adjective(["herz", "krank"])  # Herz is an organ, no illness
    assert not _kind_of_head_adjective(["voll", "umfänglich"])  # no noun in front


def test_parkinsonkrank_finds_every_parkinson_group(office):  # type: ignore[no-untyped-def]
    assert set(names(office, "parkinsonkrank")) == {"Parkinson Regionalgruppe", "Junge Parkinsonkranke"}


def test_rheumakrank_reads_as_rheuma(office):  # type: ignore[no-untyped-def]
    assert names(office, "rheumakrank") == names(office, "Rheuma") == ["Rheuma-Liga"]


# --- a definition's participle used as a noun ------------------------------------------------------------------


def test_hinterbliebene_finds_the_grief_group(office):  # type: ignore[no-untyped-def]
    assert names(office, "Hinterbliebene") == ["Trauercafé"]
