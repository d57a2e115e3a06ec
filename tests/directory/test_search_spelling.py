"""Spelling cases of s22-spelling (issue #14): a citizen on a phone types without umlauts and in lower case, and
the Wegweiser finds what the query as German writes it finds. On topics named as in the common list WITHOUT the
office's synonyms, so that what is found comes from the resources alone:

- a word typed with "ae", "oe", "ue" for ä, ö, ü is read as the word with its umlauts wherever the resources say
  so (:func:`language.umlaut_spelling`): a long compound ("Autismusspektrumstoerung": its front
  "Autismusspektrum" is cut where the head "störung" is found as typed), a verb's form in a sentence ("hoert",
  "schlaegt": the dictionary's forms of hören, schlagen, not "Hort"/horten nor "Schlag|anfall");
- a query typed all in lower case reads an adjective and the noun after it as German writes them, by the
  dictionary and the thesaurus ("narzisstische persönlichkeitsstörung" as "narzisstische
  Persönlichkeitsstörung");
- a common plural of a noun the thesaurus lists is that noun, not filler ("Flüchtlinge", as "Fluechtlinge").

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import as_written
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Autismus", "mental_health"),
            ("Asperger-Syndrom", "mental_health"),
            ("Psychosen", "mental_health"),
            ("Messies", "mental_health"),
            ("Schlaganfall", "chronic_illness"),
            ("Gewalt/Missbrauch, Opfer", "social"),
            ("Narzissmus, Partnerschaft", "mental_health"),
            ("Borderline", "mental_health"),
            ("Geflüchtete", "social"),
        ],
    )
    make_group(d, "Autismus Eltern-Treff", ["Autismus"], topic_area="mental_health")
    make_group(d, "Asperger-Frauen", ["Asperger-Syndrom"], topic_area="mental_health")
    make_group(d, "Stimmen hören", ["Psychosen"], topic_area="mental_health")
    make_group(d, "Messie-Selbsthilfe", ["Messies"], topic_area="mental_health")
    make_group(d, "Schlaganfall-Treff", ["Schlaganfall"], topic_area="chronic_illness")
    make_group(d, "Gewalt in der Partnerschaft", ["Gewalt/Missbrauch, Opfer"])
    make_group(d, "Narzisstischer Missbrauch", ["Narzissmus, Partnerschaft"], topic_area="mental_health")
    make_group(d, "Borderline Trialog", ["Borderline"], topic_area="mental_health")
    make_group(d, "Café International", ["Geflüchtete"])
    return world


# --- umlauts written out ------------------------------------------------------------------------------------------


def test_a_word_without_umlauts_is_read_with_them():  # type: ignore[no-untyped-def]
    assert language.umlaut_spelling("schlaegt") == "schlägt"
    assert language.umlaut_spelling("autismusspektrumstoerung") == "autismusspektrumstörung"
    assert as_written("Partner schlaegt mich") == "Partner schlägt mich"


def test_a_word_whose_letters_are_no_umlaut_stays():  # type: ignore[no-untyped-def]
    assert language.umlaut_spelling("trauer") == "trauer"
    assert language.umlaut_spelling("feuer") == "feuer"
    assert as_written("Trauer Michael") == "Trauer Michael"


def test_a_long_compound_without_umlauts_finds_what_it_finds_with_them(office):  # type: ignore[no-untyped-def]
    written = names(office, "Autismusspektrumstörung")
    assert "Autismus Eltern-Treff" in written
    assert names(office, "Autismusspektrumstoerung") == written


def test_a_verb_without_umlauts_in_a_sentence_reads_as_the_verb(office):  # type: ignore[no-untyped-def]
    written = names(office, "mein Bruder hört Stimmen")
    assert "Messie-Selbsthilfe" not in written
    assert names(office, "mein Bruder hoert Stimmen") == written
    assert names(office, "Partner schlaegt mich") == names(office, "Partner schlägt mich")
    assert "Schlaganfall-Treff" not in names(office, "Partner schlaegt mich")


# --- lower case ---------------------------------------------------------------------------------------------------


def test_an_adjective_and_noun_in_lower_case_read_as_written(office):  # type: ignore[no-untyped-def]
    written = names(office, "narzisstische Persönlichkeitsstörung")
    assert written == ["Narzisstischer Missbrauch"]
    assert names(office, "narzisstische persönlichkeitsstörung") == written


# --- a common plural --------------------------------------------------------------------------------------------


def test_a_common_plural_of_a_listed_noun_is_no_filler(office):  # type: ignore[no-untyped-def]
    assert names(office, "Flüchtlinge") == ["Café International"]
    assert names(office, "Fluechtlinge") == ["Café International"]
