"""Quality cases of the eleventh search round (issue #14, s18-round11), found among held-out-10's answerable queries
that found nothing and made general: on topics named as in the common list WITHOUT the office's synonyms, so that
what is found comes from the resources alone:

- a learned plural that Wiktionary lists as a form only reads its singular's definition ("Antidepressiva" →
  Antidepressivum: Medikament gegen *Depressionen*), and so does an inflected noun ("Phantomschmerzen" →
  Phantomschmerz: … in einer *amputierten* Gliedmaße);
- a learned synonym stands for the noun it is derived from ("verwirrt" ~ dement → Demenz), and a rare noun of a
  property for its adjective ("Verwirrtheit" → verwirrt);
- a word no resource links to a topic reads the one topic word whose definition names it ("Juckreiz": Neurodermitis
  is a Hautkrankheit mit Hautrötung und *Juckreiz* → Hauterkrankungen).

Each test of a change fails on the code before the round; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import named_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Depression", "mental_health"),
            ("Demenz", "mental_health"),
            ("Hauterkrankungen", "chronic_illness"),
            ("Alkoholabhängigkeit", "addiction"),
            ("Trauer", "social"),
            ("Amputation", "disability"),
            ("Fibromyalgie", "chronic_illness"),
        ],
    )
    make_group(d, "Lichtblick Lindenau", ["Depression"], topic_area="mental_health")
    make_group(d, "Sonnenseite Steinbach", ["Depression"], topic_area="mental_health")
    make_group(
        d,
        "Demenz-Café Steinbach",
        ["Demenz"],
        topic_area="mental_health",
        description="Für Menschen, die merken, dass das Gedächtnis nachlässt, und für ihre Familien.",
    )
    make_group(d, "Hautnah", ["Hauterkrankungen"], topic_area="chronic_illness", description="Schuppenflechte.")
    make_group(d, "Kreuzbund Gruppe", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(d, "Weggefährten", ["Trauer"])
    make_group(d, "Amputierte und Prothesenträger", ["Amputation"], topic_area="disability")
    make_group(d, "Fibro-Treff", ["Fibromyalgie"], topic_area="chronic_illness", description="Schmerzen überall.")
    return world


# --- a learned plural reads its singular's definition --------------------------------------------------------------


def test_a_learned_plural_reads_its_singulars_definition():  # type: ignore[no-untyped-def]
    assert language.glosses("Antidepressiva") == language.glosses("Antidepressivum") != ()
    assert language.glosses("Neuroleptika") == language.glosses("Neuroleptikum") != ()


def test_a_drug_class_in_the_plural_finds_the_condition_it_treats(office):  # type: ignore[no-untyped-def]
    assert set(names(office, "Antidepressiva")) == {"Lichtblick Lindenau", "Sonnenseite Steinbach"}


def test_an_inflected_noun_reads_its_headwords_definition():  # type: ignore[no-untyped-def]
    assert language.glosses("Phantomschmerzen") == language.glosses("Phantomschmerz") != ()
    assert language.glosses("Tabletten") == language.glosses("Tablette") != language.glosses("Tablett")
    assert language.glosses("depressiven") == ()  # an adjective's form: "depressiv" is no noun


def test_an_inflected_compound_finds_what_its_definition_says(office):  # type: ignore[no-untyped-def]
    assert names(office, "Phantomschmerzen")[0] == "Amputierte und Prothesenträger"


# --- a learned synonym, a noun of a property -----------------------------------------------------------------------


def test_a_learned_synonym_stands_for_its_noun():  # type: ignore[no-untyped-def]
    assert language.learned_form_nouns("dement") == ("demenz",)
    assert "Demenz" in named_topics("verwirrt")
    assert "Demenz" in named_topics("Verwirrtheit")


def test_confused_finds_the_dementia_groups(office):  # type: ignore[no-untyped-def]
    assert names(office, "verwirrt") == ["Demenz-Café Steinbach"]
    assert names(office, "Verwirrtheit") == ["Demenz-Café Steinbach"]


def test_a_property_noun_stands_for_its_adjective():  # type: ignore[no-untyped-def]
    assert language.property_adjective("Verwirrtheit") == "verwirrt"
    assert language.property_adjective("Antriebslosigkeit") == "antriebslos"
    assert language.property_adjective("Kindheit") is None  # "Kind" is a noun: no property of an adjective


def test_an_everyday_property_noun_keeps_its_own_senses():  # type: ignore[no-untyped-def]
    """ "Sicherheit" is no "sicher" (whose relations reach Alleinstehend, Einsamkeit): a common noun has senses
    of its own, and names no topic through its adjective."""
    assert named_topics("Sicherheit") == ()
    assert named_topics("Möglichkeit") == ()


# --- a topic word whose definition names the word ------------------------------------------------------------------


def test_a_symptom_finds_the_condition_whose_definition_names_it(office):  # type: ignore[no-untyped-def]
    assert names(office, "Juckreiz") == ["Hautnah"]


def test_a_noun_many_definitions_use_names_nothing_by_them(office):  # type: ignore[no-untyped-def]
    """ "Verlust" is in the definitions of Demenz, Trauer, Haarausfall, Psychose …: a category, not a symptom;
    it finds what it finds as a word (grief), never the dementia group through Demenz's definition."""
    assert "Demenz-Café Steinbach" not in names(office, "Verlust")
