"""Recall on queries nobody tuned on (issue #14, held-out-4): a query is not empty when some of its words find
groups (best partial match), person words the thesaurus knows only through their synonyms, punctuated terms
("AD(H)S", "Down-Syndrom"), typos of words the office reaches only through the thesaurus or the topic list."""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.queries import public_groups_by_ids
from saas.directory.search import search_ids, specificity
from tenants.scoping import tenant_context
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topic


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    """Topics named as in the common list, without the office's synonyms."""
    d = world.dortmund
    for name, area in [
        ("Alkoholabhängigkeit", "addiction"),
        ("Demenz", "chronic_illness"),
        ("Gewalt/Missbrauch, Opfer", "social"),
        ("Depression", "mental_health"),
        ("Trauer", "social"),
        ("Nichtraucher", "addiction"),
        ("ADHS, Erwachsene", "mental_health"),
        ("Psychose", "mental_health"),
        ("Morbus Crohn", "chronic_illness"),
        ("Angsterkrankungen", "mental_health"),
        ("Behinderung", "disability"),
    ]:
        make_topic(d, name, area=area)
    make_group(d, "Trocken leben Hörde", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(
        d, "Angehörige von Alkoholkranken", ["Alkoholabhängigkeit"], topic_area="addiction", audience="relatives"
    )
    make_group(d, "Leben mit Vergesslichkeit", ["Demenz"], topic_area="chronic_illness")
    make_group(d, "Gewalt in der Partnerschaft", ["Gewalt/Missbrauch, Opfer"], topic_area="social")
    make_group(d, "Lichtblick", ["Depression"], topic_area="mental_health")
    make_group(d, "Trauercafé Aplerbeck", ["Trauer"], topic_area="social")
    make_group(d, "Nichtraucher werden", ["Nichtraucher"], topic_area="addiction", description="Vertraulichkeit zählt.")
    make_group(d, "ADHS bei Erwachsenen", ["ADHS, Erwachsene"], topic_area="mental_health")
    make_group(d, "Stimmen hören", ["Psychose"], topic_area="mental_health")
    make_group(d, "DCCV Dortmund", ["Morbus Crohn"], topic_area="chronic_illness")
    make_group(d, "Mutig gegen die Angst", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Eltern behinderter Kinder", ["Behinderung"], topic_area="disability", audience="parents")
    return world


# --- B: graceful degradation ------------------------------------------------------------------------------


def test_a_noun_no_group_has_no_longer_empties_the_query(office) -> None:
    """Do "Gewalt in der Ehe" and "Demenz Anfangsstadium" (no group says "Ehe", "Anfangsstadium") find the
    groups their other word finds, instead of nothing?"""
    assert names(office, "Gewalt in der Ehe") == ["Gewalt in der Partnerschaft"]
    assert names(office, "Demenz Anfangsstadium") == ["Leben mit Vergesslichkeit"]


def test_a_partial_match_never_rests_on_generic_words_nor_hides_a_condition(office) -> None:
    """A condition the office lacks stays unanswered ("Mukoviszidose Angehörige" lists no group for relatives
    of something else), and a full match is never mixed with partial ones."""
    assert names(office, "Mukoviszidose Angehörige") == []
    assert names(office, "Mukoviszidose") == []
    assert names(office, "Alkohol Angehörige") == ["Angehörige von Alkoholkranken"]


def test_a_partial_match_ranks_by_specificity(office) -> None:
    """With no group matching all words, the group matching the rarer word (wordfreq) comes first."""
    assert specificity("Demenz") > specificity("Ehe")
    found = names(office, "Demenz Gewalt Anfangsstadium")
    assert found[:2] == ["Leben mit Vergesslichkeit", "Gewalt in der Partnerschaft"]


@pytest.mark.parametrize("word", ["Ehemann", "Freundin", "Gatte"])
def test_person_words_known_through_their_synonyms(word: str) -> None:
    """OpenThesaurus files "Ehemann" under no broader term, but its synonyms ("Mann", "Partner") under people;
    "Tod" ~ "Sensenmann" stays no person."""
    assert language.is_person(word)
    assert language.is_relative(word)
    assert not language.is_person("Tod")


def test_a_relative_known_through_synonyms_makes_a_situation(office) -> None:
    """Does "Ehemann trinkt" find the group for relatives of alcoholics, as "Mann trinkt" does?"""
    assert names(office, "Ehemann trinkt") == names(office, "Mann trinkt")
    assert names(office, "Ehemann trinkt")[0] == "Angehörige von Alkoholkranken"
    assert names(office, "Freundin Depression") == ["Lichtblick"]


# --- A: punctuation inside a term ---------------------------------------------------------------------------


def test_punctuation_readings() -> None:
    from saas.directory.search import punctuation_readings

    assert punctuation_readings("AD(H)S") == ["ADHS", "ADS"]
    assert punctuation_readings("ME/CFS Dortmund") == ["MECFS Dortmund", "ME Dortmund", "CFS Dortmund"]
    assert punctuation_readings("Down-Syndrom") == ["DownSyndrom"]
    assert punctuation_readings("Angst vor Menschen") == []


def test_a_term_with_punctuation_is_read_joined_where_its_words_find_nothing(office) -> None:
    """Does "AD(H)S" (read as "ad", "h", "s") find the ADHS group by its joined reading, while a hyphenated
    term the directory knows by its words still finds them ("Alkohol-Abhängigkeit")?"""
    assert names(office, "AD(H)S") == ["ADHS bei Erwachsenen"]
    assert names(office, "ADHS/ADS") == ["ADHS bei Erwachsenen"]
    assert "Trocken leben Hörde" in names(office, "Alkohol-Abhängigkeit")


def test_a_short_fragment_does_not_empty_a_query_but_a_hyphenated_concept_is_one(office) -> None:
    """An unknown short fragment ("Co-") leaves the rest; the words of "Down-Syndrom" are never searched alone
    ("down" ~ niedergeschlagen is no depression here)."""
    assert "Trocken leben Hörde" in names(office, "Co-Abhängigkeit")
    assert "Lichtblick" not in names(office, "Down-Syndrom")


# --- C: typos of words the office reaches only through a resource ----------------------------------------


def test_dictionary_suggestions_for_words_that_are_none() -> None:
    """hunspell-de-de's nouns and OpenThesaurus's entries suggest the word meant; a word spelled right gets
    none ("Mukoviszidose", "Trauer")."""
    assert language.spelling_suggestions("Skizophrenie", 2) == ("schizophrenie",)
    assert language.spelling_suggestions("Angstörung", 2) == ("angststörung",)
    assert language.spelling_suggestions("Mukoviszidose", 2) == ()
    assert language.spelling_suggestions("Trauer", 1) == ()


def test_a_moved_letter_is_one_typo() -> None:
    from saas.directory.search import moved_letter

    assert moved_letter("chron", "crohn")
    assert moved_letter("parkinosn", "parkinson")
    assert not moved_letter("chron", "chrom")
    assert not moved_letter("trauer", "trauer")


def test_a_typo_of_a_word_reached_through_a_resource_is_corrected(office) -> None:
    """ "Skizophrenie" → Schizophrenie, which the common topic list files under Psychose; "Angstörung" →
    Angststörung → Angst; "Morbus Chron" → Crohn (a moved letter). "Trauer" still finds only grief."""
    assert names(office, "Skizophrenie") == ["Stimmen hören"]
    assert names(office, "Angstörung") == ["Mutig gegen die Angst"]
    assert names(office, "Morbus Chron") == ["DCCV Dortmund"]
    assert names(office, "Trauer") == ["Trauercafé Aplerbeck"]
    with tenant_context(office.dortmund.id):
        assert search_ids("Skizophrenie", tenant_id=office.dortmund.id).corrected == {"skizophrenie": ["schizophrenie"]}


# --- D: a noun that is a kind of a topic by OpenThesaurus's broader terms --------------------------------


def test_a_noun_reaches_the_topic_its_broader_term_names() -> None:
    """ "Downsyndrom" names no topic, nor do its synonyms; OpenThesaurus files it under Behinderung, a topic of
    the common list. A noun whose synonyms name a topic keeps to them ("Trunksucht" ~ Alkoholismus, not every
    addiction), and a person's broader terms ("Rentner" → Mensch) name none."""
    from saas.directory.search import broader_topics

    assert "Behinderung" in broader_topics("downsyndrom")
    assert broader_topics("trunksucht") == ()
    assert broader_topics("rentner") == ()
    assert broader_topics("schizophrenie") == ()  # it names a topic itself (Psychose)


def test_down_syndrom_finds_the_disability_groups(office) -> None:
    """The broader term's topic is the last reading: only where nothing else finds a group."""
    assert names(office, "Down-Syndrom") == ["Eltern behinderter Kinder"]
    assert names(office, "Downsyndrom") == ["Eltern behinderter Kinder"]
    make_topic(office.dortmund, "Inklusion", area="social")
    make_group(office.dortmund, "Inklusion leben", ["Inklusion"], topic_area="social", description="Downsyndrom.")
    assert names(office, "Downsyndrom") == ["Inklusion leben"]


def test_across_offices_a_partial_match_comes_after_every_full_one(office) -> None:
    """Each office ranks alone and the lists are merged by score: an office's partial match (no group there
    has both words) is listed after another office's full match, as its own search lists it."""
    from tenants.scoping import cross_tenant

    hamm = office.hamm
    make_topic(hamm, "Gewalt/Missbrauch, Opfer", area="social")
    make_group(hamm, "Ehe ohne Gewalt", ["Gewalt/Missbrauch, Opfer"], topic_area="social")
    with cross_tenant("test: search across offices"):
        result = search_ids("Gewalt in der Ehe", tenant_ids=[office.dortmund.id, hamm.id])
        found = [g.name for g in public_groups_by_ids(result.ids)]
    assert found == ["Ehe ohne Gewalt", "Gewalt in der Partnerschaft"]
