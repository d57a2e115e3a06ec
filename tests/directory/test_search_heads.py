"""Quality cases of s21-heads (issue #14): groups that only a generic part of the query reaches do not fill
the first five ahead of, or instead of, the groups its specific part finds. On topics named as in the common
list WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- a compound that is a kind of what its head names reads its own synonyms and the topics it names before the
  head's topics ("Trennungsangst" ~ Verlustangst: the fear-of-loss group, not every anxiety group);
- a noun read by its OpenThesaurus broader term is a kind of the topic of that name, not of the topics that
  only list the broader term among their words ("Melanom" ^Krebs: the cancer group, not lung or bowel cancer);
- a word that names topics (or a compound by its front) does not list the groups it matches only as the front of
  another topic's compound for people ("Vater im Pflegeheim", "Pflege": the carers, not the foster parents,
  "Pflege|eltern");
- a definition's noun names its topics but not those the list tells as kinds of it by another concern in front
  ("Emetophobie": *Angst* vor dem Erbrechen → the anxiety groups, not "Verlust|ängste");
- a compound whose front names topics of one condition area lists only groups of that area or those topics
  ("alkoholkranker Ehemann": the alcohol groups, not the FASD foster parents; "Alkohol" typed keeps them);
- where no group has an adjective and the noun after it, and some groups have the adjective as typed, the groups
  of the noun alone are its other kinds ("narzisstische Persönlichkeitsstörung": not the Borderline group);
- a relative's situation whose word finds as typed no group open to relatives reads the topics the word names for
  them ("spielsüchtiger Partner": the gambling group open to relatives, not the gamblers' own);
- a compound adjective with an umlaut names the topics its head's noun gives it ("spiel|süchtig" → Spiel + Sucht),
  as "süchtig" names Sucht: Snowball's folded umlaut is no homograph there;
- in a partial match, a common noun that names no topic itself only adds to the groups the other words find
  ("Gewalt zu *Hause*": the violence groups, not the parents' and war grandchildren's groups Hause ~ Familie reaches);
- a word for people among a topic's search words says whom the topic concerns, not what it is about: a group that
  says "Männer" only in its description is no answer to "Männer" for being filed under Prostatakrebs.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _kind_by_another_front, broader_topics, named_topics
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Verlustängste", "mental_health"),
            ("Angsterkrankungen", "mental_health"),
            ("Panikattacken", "mental_health"),
            ("Trennung", "social"),
            ("Krebs", "chronic_illness"),
            ("Lungenkrebs", "chronic_illness"),
            ("Darmkrebs", "chronic_illness"),
            ("Pflegende Angehörige", "social"),
            ("Pflegeeltern", "social"),
        ],
    )
    make_group(d, "Verlustangst überwinden", ["Verlustängste"], topic_area="mental_health")
    make_group(d, "Mutig gegen die Angst", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Angst im Alltag", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Panik? Nicht allein!", ["Panikattacken"], topic_area="mental_health")
    make_group(d, "Neu anfangen", ["Trennung"])
    make_group(d, "Frauenselbsthilfe Krebs", ["Krebs"], topic_area="chronic_illness")
    make_group(d, "Lungenkrebs Dortmund", ["Lungenkrebs"], topic_area="chronic_illness")
    make_group(d, "Darmkrebs Gesprächskreis", ["Darmkrebs"], topic_area="chronic_illness")
    make_group(d, "Pflegende Angehörige Hörde", ["Pflegende Angehörige"])
    make_group(d, "Pflegeeltern-Stammtisch", ["Pflegeeltern"])
    return world


# --- a compound's own synonyms before its head's topics -----------------------------------------------------


def test_a_compounds_synonym_comes_before_its_heads_topics(office):  # type: ignore[no-untyped-def]
    assert names(office, "Trennungsangst") == ["Verlustangst überwinden"]


def test_a_compound_without_a_synonym_the_groups_have_still_reads_its_head(office):  # type: ignore[no-untyped-def]
    assert {"Mutig gegen die Angst", "Angst im Alltag"} <= set(names(office, "Errötungsangst"))


# --- a broader term's own topic, not its other kinds ----------------------------------------------------------


def test_a_broader_term_names_its_own_topic_not_its_kinds():  # type: ignore[no-untyped-def]
    assert broader_topics("Melanom") == ("Krebs",)


def test_a_kind_of_cancer_finds_the_cancer_group_not_other_cancers(office):  # type: ignore[no-untyped-def]
    assert names(office, "Melanom") == ["Frauenselbsthilfe Krebs"]


def test_the_broader_term_typed_still_finds_every_kind(office):  # type: ignore[no-untyped-def]
    assert set(names(office, "Krebs")) == {
        "Frauenselbsthilfe Krebs",
        "Lungenkrebs Dortmund",
        "Darmkrebs Gesprächskreis",
    }


# --- a compound for people has its own meaning ----------------------------------------------------------------


def test_care_does_not_list_the_foster_parents(office):  # type: ignore[no-untyped-def]
    assert names(office, "Vater im Pflegeheim") == ["Pflegende Angehörige Hörde"]
    assert names(office, "Pflegeheim") == ["Pflegende Angehörige Hörde"]
    assert names(office, "Pflege") == ["Pflegende Angehörige Hörde"]


def test_a_case_of_care_is_no_word_for_foster_people(office):  # type: ignore[no-untyped-def]
    assert names(office, "Pflegefall") == ["Pflegende Angehörige Hörde"]


def test_a_foster_word_still_finds_the_foster_parents(office):  # type: ignore[no-untyped-def]
    assert names(office, "Pflegekind") == ["Pflegeeltern-Stammtisch"]
    assert names(office, "Pflegeeltern") == ["Pflegeeltern-Stammtisch"]


# --- a definition's noun, not its kinds by another concern ----------------------------------------------------


def test_a_topic_named_by_another_concern_in_front_is_a_sibling():  # type: ignore[no-untyped-def]
    assert _kind_by_another_front("angst", "Verlustängste")
    assert not _kind_by_another_front("angst", "Angsterkrankungen")
    assert not _kind_by_another_front("angst", "Panikattacken")


def test_a_phobia_by_its_definition_finds_the_anxiety_groups_not_fear_of_loss(office):  # type: ignore[no-untyped-def]
    found = names(office, "Emetophobie")
    assert {"Mutig gegen die Angst", "Angst im Alltag", "Panik? Nicht allein!"} <= set(found)
    assert "Verlustangst überwinden" not in found


def test_fear_of_loss_still_finds_its_group(office):  # type: ignore[no-untyped-def]
    assert "Verlustangst überwinden" in names(office, "Angst")
    assert names(office, "Verlustangst") == ["Verlustangst überwinden"]


# --- a compound's condition front ------------------------------------------------------------------------------


@pytest.fixture
def alcohol(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Alkoholabhängigkeit", "addiction"), ("Fetales Alkohol-Syndrom (FASD)", "disability")])
    make_group(d, "Kreuzbund Gruppe", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(
        d,
        "Al-Anon Familiengruppe",
        ["Alkoholabhängigkeit"],
        topic_area="addiction",
        audience="relatives",
        description="Für Angehörige und Freunde von Alkoholikern.",
    )
    make_group(
        d,
        "FASD Pflege- und Adoptiveltern",
        ["Fetales Alkohol-Syndrom (FASD)"],
        topic_area="disability",
        audience="parents",
        description="Kinder, die vor der Geburt Alkohol ausgesetzt waren.",
    )
    return world


def test_a_compound_with_a_condition_front_keeps_to_its_area(alcohol):  # type: ignore[no-untyped-def]
    assert "FASD Pflege- und Adoptiveltern" not in names(alcohol, "alkoholkranker Ehemann")
    assert "Al-Anon Familiengruppe" in names(alcohol, "alkoholkranker Ehemann")


def test_the_substance_typed_keeps_the_fasd_group(alcohol):  # type: ignore[no-untyped-def]
    assert "FASD Pflege- und Adoptiveltern" in names(alcohol, "Alkohol")


# --- an adjective says which kind of the noun ------------------------------------------------------------------


@pytest.fixture
def personality(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [("Narzissmus, Partnerschaft", "mental_health"), ("Borderline", "mental_health"), ("Demenz", "mental_health")],
    )
    make_group(d, "Narzisstischer Missbrauch", ["Narzissmus, Partnerschaft"], topic_area="mental_health")
    make_group(d, "Borderline Trialog", ["Borderline"], topic_area="mental_health")
    make_group(d, "Leben mit Vergesslichkeit", ["Demenz"], topic_area="mental_health")
    return world


def test_an_adjectives_groups_answer_not_the_nouns_other_kinds(personality):  # type: ignore[no-untyped-def]
    assert names(personality, "narzisstische Persönlichkeitsstörung") == ["Narzisstischer Missbrauch"]


def test_an_adjective_no_group_has_leaves_the_nouns_groups(personality):  # type: ignore[no-untyped-def]
    assert names(personality, "frontotemporale Demenz") == ["Leben mit Vergesslichkeit"]


# --- a relative's situation, by the topics the word names -------------------------------------------------------


@pytest.fixture
def gambling(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Spielsucht", "addiction"), ("Glücksspiel", "addiction")])
    make_group(d, "Anonyme Spieler", ["Spielsucht", "Glücksspiel"], topic_area="addiction", audience="affected")
    make_group(d, "Zocken ade", ["Glücksspiel"], topic_area="addiction", audience="both")
    return world


def test_a_relatives_situation_reads_the_words_topics_for_relatives(gambling):  # type: ignore[no-untyped-def]
    assert names(gambling, "Spielsuechtiger Partner") == ["Zocken ade"]


def test_the_addiction_alone_still_finds_the_own_group(gambling):  # type: ignore[no-untyped-def]
    assert "Anonyme Spieler" in names(gambling, "Spielsucht")


def test_a_compound_adjective_with_an_umlaut_names_its_topics():  # type: ignore[no-untyped-def]
    assert "Glücksspiel" in named_topics("spielsüchtig")


def test_a_relatives_situation_with_the_umlaut_typed(gambling):  # type: ignore[no-untyped-def]
    assert names(gambling, "Mann ist spielsüchtig") == ["Zocken ade"]


# --- a common noun in a partial match --------------------------------------------------------------------------


@pytest.fixture
def violence(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Gewalt/Missbrauch, Opfer", "social"), ("Kriegsenkel", "social"), ("Trauer", "social")])
    make_group(d, "Gewalt in der Partnerschaft", ["Gewalt/Missbrauch, Opfer"])
    make_group(d, "Kriegsenkel Gesprächskreis", ["Kriegsenkel"])
    make_group(d, "Verwaiste Eltern", ["Trauer"], audience="parents")
    return world


def test_a_common_noun_only_adds_to_the_other_words_groups(violence):  # type: ignore[no-untyped-def]
    assert names(violence, "Gewalt zu Hause") == ["Gewalt in der Partnerschaft"]


# --- a word for people among a topic's words ------------------------------------------------------------------


@pytest.fixture
def men(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Männer", "social"), ("Prostatakrebs", "chronic_illness")])
    make_group(d, "Männergruppe", ["Männer"])
    make_group(
        d,
        "Prostatakrebs Selbsthilfe",
        ["Prostatakrebs"],
        topic_area="chronic_illness",
        description="Männer helfen Männern.",
    )
    return world


def test_men_do_not_list_a_group_filed_under_prostate_cancer(men):  # type: ignore[no-untyped-def]
    assert names(men, "Maenner") == ["Männergruppe"]
    assert names(men, "Männer") == ["Männergruppe"]


def test_prostate_cancer_still_finds_its_group(men):  # type: ignore[no-untyped-def]
    assert names(men, "Prostatakrebs") == ["Prostatakrebs Selbsthilfe"]
