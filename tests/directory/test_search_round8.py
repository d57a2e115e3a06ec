"""Quality cases of the eighth search round's classes (issue #14, s14-round8), on topics named as in the common
list WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- a topic the word itself names matches a group filed under it in any topic area;
- a word the list gives for the topic named like its area (Sucht) finds the whole area;
- related words name topics by their own lemma only ("Manier" is no "Manie");
- a noun's synonyms name the list's topics as the last reading ("Koks" ~ Kokain);
- a compound whose head names a topic reads it before its front's fallback ("Haut|krebs");
- a spelling without umlauts is cut as with umlauts ("Gluecksspielsucht");
- a derived form reaches its verb's relations ("verängstigt");
- an abbreviation written with dots is known joined ("S.L.A.A." → SLAA);
- a synonym matches a compound's part only as its front ("Manie" ~ Sucht is no "Mager|sucht");
- a topic for some people ("Asperger Syndrom, Frauen") brings the broader topic it lists (Autismus).
"""

from __future__ import annotations

import pytest

from saas.directory import language, search
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Trauer", "social"),
            ("Suizid", "mental_health"),
            ("Adipositas", "chronic_illness"),
            ("Essstörungen", "mental_health"),
            ("Sucht", "addiction"),
            ("Alkoholabhängigkeit", "addiction"),
            ("Drogenabhängigkeit", "addiction"),
            ("Glücksspiel", "addiction"),
            ("Sex- / Liebessucht", "addiction"),
            ("Bipolare Störung", "mental_health"),
            ("Haarausfall", "chronic_illness"),
            ("Krebs", "chronic_illness"),
            ("Hauterkrankungen", "chronic_illness"),
            ("Angsterkrankungen", "mental_health"),
            ("Anorexie", "mental_health"),
            ("Medikamentenabhängigkeit", "addiction"),
            ("Autismus", "disability"),
            ("Asperger Syndrom, Frauen", "disability"),
        ],
    )
    make_group(d, "Trauercafé", ["Trauer"], topic_area="social")
    make_group(d, "AGUS – Angehörige um Suizid", ["Suizid", "Trauer"], topic_area="mental_health")
    # (Not "Übergewicht": on SQLite, find_topic's lower() does not fold a capital umlaut.)
    make_group(d, "Adipositas Selbsthilfe", ["Adipositas"], topic_area="chronic_illness")
    make_group(d, "Overeaters Anonymous", ["Essstörungen", "Adipositas"], topic_area="mental_health")
    make_group(d, "Suchtselbsthilfe Eving", ["Sucht"], topic_area="addiction", description="Offen für alle Süchte.")
    make_group(d, "Kreuzbund Gruppe", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(d, "Eltern drogenabhängiger Kinder", ["Drogenabhängigkeit"], topic_area="addiction")
    make_group(d, "Zocken ade", ["Glücksspiel"], topic_area="addiction")
    make_group(d, "S.L.A.A. Dortmund", ["Sex- / Liebessucht"], topic_area="addiction")
    make_group(d, "Bipolar – Leben zwischen den Polen", ["Bipolare Störung"], topic_area="mental_health")
    make_group(d, "Alopecia-Treff", ["Haarausfall"], topic_area="chronic_illness")
    make_group(d, "Frauenselbsthilfe Krebs", ["Krebs"], topic_area="chronic_illness")
    make_group(d, "Neurodermitis und Schuppenflechte", ["Hauterkrankungen"], topic_area="chronic_illness")
    make_group(d, "Angst im Alltag", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Essstörungen – Magersucht und Bulimie", ["Essstörungen", "Anorexie"], topic_area="mental_health")
    make_group(d, "Tablettenfrei leben", ["Medikamentenabhängigkeit"], topic_area="addiction")
    make_group(d, "Asperger-Frauen", ["Asperger Syndrom, Frauen"], topic_area="disability")
    make_group(d, "Autismus Eltern-Treff", ["Autismus"], topic_area="disability")
    make_group(d, "Essstörungen offen", ["Essstörungen"], topic_area="mental_health")
    return world


# --- a topic the word names, in any area ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "first", "also"),
    [
        ("Tod", "Trauercafé", "AGUS – Angehörige um Suizid"),  # Trauer (social); AGUS is mental health
        ("Abnehmen", "Adipositas Selbsthilfe", "Overeaters Anonymous"),  # Adipositas; OA is mental health
        ("dick", "Adipositas Selbsthilfe", "Overeaters Anonymous"),
    ],
)
def test_a_named_topic_finds_its_groups_of_other_areas_after_its_own(office, query, first, also):  # type: ignore[no-untyped-def]
    found = names(office, query)
    assert found[0] == first
    assert also in found
    assert found.index(also) > found.index(first)


def test_a_synonym_still_stays_within_the_areas_of_the_word(office):  # type: ignore[no-untyped-def]
    assert names(office, "Trauer") == ["Trauercafé", "AGUS – Angehörige um Suizid"]


# --- the topic named like its area -----------------------------------------------------------------------------


def test_a_search_word_of_the_area_topic_finds_the_whole_area(office):  # type: ignore[no-untyped-def]
    found = names(office, "Abhängigkeit")
    assert {"Zocken ade", "S.L.A.A. Dortmund", "Suchtselbsthilfe Eving", "Kreuzbund Gruppe"} <= set(found)


def test_a_kind_of_the_area_topic_does_not_widen_to_the_area(office):  # type: ignore[no-untyped-def]
    assert names(office, "Kaufsucht") == ["Suchtselbsthilfe Eving"]  # the topic Sucht, not every addiction group


# --- related words by their own lemma, noun synonyms ---------------------------------------------------------


def test_a_broader_term_names_no_topic_through_another_lemma_of_its_stem(office):  # type: ignore[no-untyped-def]
    assert language.norm("Manier") == language.norm("Manie")
    assert search._names_of_lemma("Manier") == frozenset()
    assert search._names_of_lemma("Manie") == frozenset({"Bipolare Störung"})
    assert "Bipolar – Leben zwischen den Polen" not in names(office, "Glatze")


@pytest.mark.parametrize(("query", "group"), [("Koks", "Eltern drogenabhängiger Kinder")])
def test_a_nouns_synonym_names_a_topic_as_the_last_reading(office, query, group):  # type: ignore[no-untyped-def]
    assert names(office, query) == [group]


# --- compounds ---------------------------------------------------------------------------------------------------


def test_a_compound_reads_its_heads_topic_before_its_fronts_fallback(office):  # type: ignore[no-untyped-def]
    found = names(office, "Hautkrebs")
    assert found[0] == "Frauenselbsthilfe Krebs"
    assert "Neurodermitis und Schuppenflechte" not in found


def test_a_compound_without_umlauts_is_cut_as_with_them(office):  # type: ignore[no-untyped-def]
    assert language.split_compound("Gluecksspielsucht") == language.split_compound("Glücksspielsucht")
    assert language.split_compound("Essstoerung") == ("ess", "störung")  # as before
    assert names(office, "Gluecksspielsucht") == names(office, "Glücksspielsucht") == ["Zocken ade"]


# --- derived forms, abbreviations ------------------------------------------------------------------------------


def test_a_participle_reaches_the_topic_its_verbs_relations_name(office):  # type: ignore[no-untyped-def]
    assert names(office, "verängstigt") == ["Angst im Alltag"]


def test_an_abbreviation_written_with_dots_is_known_joined(office):  # type: ignore[no-untyped-def]
    assert search._joined_words("S.L.A.A. Dortmund") == ["slaa"]
    assert names(office, "SLAA") == ["S.L.A.A. Dortmund"]
    assert names(office, "slaa") == ["S.L.A.A. Dortmund"]


# --- a synonym's compound parts -----------------------------------------------------------------------------------


def test_a_synonym_matches_no_compound_that_is_a_kind_of_it(office):  # type: ignore[no-untyped-def]
    assert names(office, "Manie") == ["Bipolar – Leben zwischen den Polen"]  # ~ Sucht: no "Mager|sucht"
    assert "Alopecia-Treff" not in names(office, "Entzug")  # ~ Ausfall: no "Haar|ausfall"


def test_a_synonym_still_matches_a_compound_it_is_the_front_of(office):  # type: ignore[no-untyped-def]
    assert "Tablettenfrei leben" in names(office, "Pillen")  # ~ Tabletten: "Tabletten|frei"


# --- a topic for some people -----------------------------------------------------------------------------------


def test_a_word_of_a_topic_for_some_people_finds_the_topic_it_lists_after_it(office):  # type: ignore[no-untyped-def]
    assert search._audience_topic("Asperger Syndrom, Frauen")
    assert not search._audience_topic("Missbrauch, sexueller")
    assert names(office, "Asperger") == ["Asperger-Frauen", "Autismus Eltern-Treff"]


def test_a_kind_of_a_topic_still_finds_only_the_narrower_topic(office):  # type: ignore[no-untyped-def]
    # Anorexie lists Essstörungen, but is a kind of it, not the same for some people.
    assert names(office, "Magersucht") == ["Essstörungen – Magersucht und Bulimie"]
