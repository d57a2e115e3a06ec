"""Quality cases of s30-prec2-gloss (issue #14): words read by the German Wiktionary definition of a word of the
common topic list that names them (the reverse reading, ``_defined_by_readings``). On topics named as in the
common list WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- only the listed word's first sense, the most common one, is read, and not where the word is that sense's
  genus, now for every word as for an everyday one before: "Kartoffel" (Auge: *Knospe* einer *Kartoffel*) no
  longer lists the glaucoma group, "Motoren" (Stottern: *Lauf* eines *Motors*) no longer the stuttering group,
  "Anstalt" (Psychiatrie: an *Anstalt*) and "Wanderung" (Migration: *Wanderung* von Volksgruppen) read
  nothing;
- a verb form is not read by its OpenThesaurus synonyms' definitions ("schaute", "angucken" ~ betrachten … →
  Glaukom); a noun still is ("Totgeburt" ~ Fehlgeburt: … *Verlust* → Trauer);
- a word that the common sense names stays ("Juckreiz": Neurodermitis is a *Hautkrankheit* mit Hautrötung und
  *Juckreiz*; "Ehe kaputt": Scheidung is the *Auflösung* einer *Ehe*).

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import gloss_alternatives
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Glaukom", "chronic_illness"),
            ("Stottern", "disability"),
            ("Psychose", "mental_health"),
            ("Neurodermitis", "chronic_illness"),
            ("Trennung", "social"),
            ("Trauer", "social"),
        ],
    )
    make_group(d, "Glaukom Selbsthilfe", ["Glaukom"], topic_area="chronic_illness")
    make_group(d, "Stotterer-Selbsthilfe", ["Stottern"], topic_area="disability")
    make_group(d, "Psychose-Seminar", ["Psychose"], topic_area="mental_health")
    make_group(d, "Hautnah", ["Neurodermitis"], topic_area="chronic_illness")
    make_group(d, "Neu anfangen nach Trennung", ["Trennung"], topic_area="social")
    make_group(d, "Trauercafé", ["Trauer"], topic_area="social")
    return world


# --- another sense of the listed word, or the word as its genus -----------------------------------------------


def test_a_word_is_not_read_through_a_later_sense_of_a_topic_word(office):  # type: ignore[no-untyped-def]
    assert names(office, "Kartoffel") == []  # Auge: Knospe einer Kartoffel → Glaukom
    assert names(office, "Motoren") == []  # Stottern: Lauf eines Motors


def test_a_word_is_not_read_as_the_genus_of_a_later_sense():
    assert gloss_alternatives("Anstalt") == ()  # Psychiatrie: an Anstalt
    assert gloss_alternatives("Wanderung") == ()  # Migration: Wanderung von Volksgruppen


def test_a_verb_form_is_not_read_by_its_synonyms_definitions():
    assert gloss_alternatives("schaute") == ()  # ~ betrachten … → Auge → Glaukom
    assert gloss_alternatives("qualifizieren") == ()  # … Bildung → Arbeiterkinder


# --- what stays ---------------------------------------------------------------------------------------------


def test_a_word_named_by_a_topic_words_common_sense_stays(office):  # type: ignore[no-untyped-def]
    assert names(office, "Juckreiz") == ["Hautnah"]
    assert names(office, "Ehe kaputt") == ["Neu anfangen nach Trennung"]


def test_a_noun_reads_its_synonyms_definition(office):  # type: ignore[no-untyped-def]
    assert names(office, "Totgeburt") == ["Trauercafé"]  # ~ Fehlgeburt: … Verlust → Trauer
