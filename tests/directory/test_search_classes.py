"""Quality cases of three general classes of issue #14 (seventh round, s14-round7b), on topics named as in the
common list WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- an adjective or participle of the learned vocabulary the dictionary lacks stands for its noun;
- a topic's groups all come in when the query word names that topic and matches one of its groups itself;
- a Snowball stem shared by words of different lemmas ("Leben", "Leber") matches only forms of the query's
  lemma, and a homonym's synonyms are those of its sense in the directory's topics.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topic


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    for name, area in [
        ("Demenz", "chronic_illness"),
        ("Alzheimer", "chronic_illness"),
        ("Essstörungen", "mental_health"),
        ("Anorexie", "mental_health"),
        ("Bulimie", "mental_health"),
        ("Angsterkrankungen", "mental_health"),
        ("Panikattacken", "mental_health"),
        ("Nichtraucher", "addiction"),
        ("Trauer", "social"),
        ("Epilepsie", "chronic_illness"),
        ("Dystonie", "chronic_illness"),
        ("Traumatisierung", "mental_health"),
        ("ADHS, Erwachsene", "mental_health"),
        ("Schlaganfall", "chronic_illness"),
        ("Lebererkrankungen", "chronic_illness"),
        ("Magenentfernung", "chronic_illness"),
    ]:
        make_topic(d, name, area=area)
    make_group(d, "Leben mit Vergesslichkeit", ["Demenz"], topic_area="chronic_illness")
    make_group(d, "Gedächtnis-Café", ["Demenz"], topic_area="chronic_illness")
    make_group(d, "Alzheimer Gesprächskreis", ["Alzheimer"], topic_area="chronic_illness")
    make_group(
        d, "Essstörungen – Magersucht und Bulimie", ["Essstörungen", "Anorexie", "Bulimie"], topic_area="mental_health"
    )
    make_group(d, "Overeaters Anonymous", ["Essstörungen"], topic_area="mental_health")
    make_group(d, "Panik? Nicht allein!", ["Panikattacken"], topic_area="mental_health")
    make_group(d, "Mutig gegen die Angst", ["Angsterkrankungen", "Panikattacken"], topic_area="mental_health")
    make_group(d, "Angst im Alltag", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Rauchfrei werden", ["Nichtraucher"], topic_area="addiction")
    make_group(d, "Trauercafé", ["Trauer"], topic_area="social")
    make_group(
        d, "Epilepsie Selbsthilfe", ["Epilepsie"], topic_area="chronic_illness", description="Leben mit Anfällen."
    )
    make_group(d, "Schlaganfall-Treff", ["Schlaganfall"], topic_area="chronic_illness")
    make_group(d, "Bewegt leben", ["Dystonie"], topic_area="chronic_illness")
    make_group(d, "Wege aus dem Trauma", ["Traumatisierung"], topic_area="mental_health")
    make_group(d, "Chaos im Kopf", ["ADHS, Erwachsene"], topic_area="mental_health")
    make_group(d, "Leber-Selbsthilfe", ["Lebererkrankungen"], topic_area="chronic_illness")
    make_group(d, "Nach der Magenentfernung", ["Magenentfernung"], topic_area="chronic_illness")
    return world


# --- A: adjectives of the learned vocabulary ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "noun"),
    [
        ("epileptisch", "epilepsie"),  # -tisch → -sie (hunspell-de-de)
        ("epileptischer", "epilepsie"),  # inflected
        ("thrombotische", "thrombose"),  # -tisch → -se
        ("psoriatisch", "psoriasis"),  # -tisch → -sis (OpenThesaurus)
        ("autistisch", "autismus"),  # -tisch → -mus
        ("anorektisch", "anorexie"),  # -ktisch → -xie
        ("traumatisch", "trauma"),  # -atisch → -a
        ("arthritisch", "arthritis"),  # -itisch → -itis
        ("dystonisch", "dystonie"),  # -isch → -ie (the common topic list only)
        ("schizophren", "schizophrenie"),  # + -ie
        ("hyperaktiv", "hyperaktivität"),  # -iv → -ivität
        ("inkontinent", "inkontinenz"),  # -ent → -enz
        ("arthrotisch", "arthrose"),  # -tisch → -se
        ("stomatisiert", "stoma"),  # a participle: -atisiert → -a
    ],
)
def test_a_learned_adjective_stands_for_its_noun(word: str, noun: str) -> None:
    assert noun in language.learned_adjective_nouns(word)
    assert noun in language.derivations(word)


@pytest.mark.parametrize("word", ["kritisch", "praktisch", "ataktisch", "homosexuell", "diabetisch", "Epilepsie"])
def test_no_learned_noun_for_a_common_adjective_an_unknown_noun_or_a_word_the_thesaurus_knows(word: str) -> None:
    """A common adjective has a sense of its own ("kritisch" is no "Krise"); "Ataxie" is in none of the
    resources; "homosexuell" and "diabetisch" are read by their OpenThesaurus synonyms (schwul, lesbisch;
    Zucker); a noun is no adjective."""
    assert language.learned_adjective_nouns(word) == ()


def test_learned_adjectives_find_the_groups_of_their_nouns(office) -> None:
    """They found nothing: the dictionary lacks the adjectives, and no synonym leads anywhere."""
    assert names(office, "epileptisch") == ["Epilepsie Selbsthilfe"]
    # "Anfall" alone would find the stroke group: with the adjective, the epilepsy group, whose description has it.
    assert names(office, "epileptischer Anfall") == ["Epilepsie Selbsthilfe"]
    assert names(office, "dystonisch") == ["Bewegt leben"]
    assert names(office, "traumatische") == ["Wege aus dem Trauma"]
    assert names(office, "hyperaktiv") == ["Chaos im Kopf"]  # Hyperaktivität: a search word of ADHS in the list


# --- B: a topic the word names brings all its groups ------------------------------------------------------


def test_a_word_naming_a_topic_of_a_group_it_matches_finds_the_topics_other_groups(office) -> None:
    """The word "vergesslich" stands for "Vergesslichkeit", which one group has in its name and which the
    common list gives as a search word of Demenz, under which that group is filed: every Demenz group answers,
    the one that says the word first. "panisch" (→ Panik, a search word of Angsterkrankungen and
    Panikattacken) finds the anxiety group that never says "Panik", after those that do."""
    found = names(office, "vergesslich")
    assert found[0] == "Leben mit Vergesslichkeit"
    assert set(found) == {"Leben mit Vergesslichkeit", "Gedächtnis-Café"}
    found = names(office, "panisch")
    assert set(found) == {"Panik? Nicht allein!", "Mutig gegen die Angst", "Angst im Alltag"}
    assert found[-1] == "Angst im Alltag"


def test_a_topics_own_name_and_a_broader_topic_do_not_widen(office) -> None:
    """A word that is a topic's own name means that topic ("Alzheimer" is no answer for every Demenz group,
    though the list gives each as the other's search word), and a word for a kind does not widen to the
    broader topic that lists it ("Magersucht": Anorexie lists "Essstörung", so Essstörungen is the broader
    one; the overeaters' group is no answer). Nor does a fuzzy match come in: "Trauer" finds no non-smokers."""
    assert names(office, "Alzheimer") == ["Alzheimer Gesprächskreis"]
    assert names(office, "Magersucht") == ["Essstörungen – Magersucht und Bulimie"]
    assert names(office, "Trauer") == ["Trauercafé"]


# --- C: stem collisions and senses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "other", "same"),
    [
        ("Leber", "Leben", False),  # Snowball: both "leb"
        ("Magen", "mager", False),  # both "mag" ("Mager|sucht")
        ("Leber", "Lebern", True),
        ("Lebens", "Leben", True),
        ("Trauer", "trauern", True),
        ("Alkohol", "Alkoholiker", True),
        ("Pflege", "Pfleger", True),
        ("Diabetes", "Diabetiker", True),
    ],
)
def test_words_of_one_stem_are_forms_of_one_lemma_only_where_the_resources_say_so(
    word: str, other: str, same: bool
) -> None:
    assert language.norm(word) == language.norm(other)
    assert language.same_lemma(word, other) is same


def test_a_stem_shared_by_two_lemmas_matches_only_the_querys(office) -> None:
    """ "Leber" finds the liver group, not "Leben mit Vergesslichkeit"; "Leben" not the liver group; a compound's
    front as written decides: "Magen|verkleinerung" is no "Mager|sucht"."""
    assert names(office, "Leber") == ["Leber-Selbsthilfe"]
    assert "Leber-Selbsthilfe" not in names(office, "Leben")
    assert "Leben mit Vergesslichkeit" in names(office, "Leben")
    assert names(office, "Magen") == ["Nach der Magenentfernung"]
    assert "Essstörungen – Magersucht und Bulimie" not in names(office, "Magenverkleinerung")


def test_a_homonyms_synonyms_are_those_of_the_directorys_sense() -> None:
    """ "Schuppen" is the skin's (^Erkrankung), not the shed or the pub; "Spiel" the gambling, not the match; an
    inflected word reaches no synonyms of another lemma of its stem ("Leber" is no form of "leben")."""
    assert "Kopfschuppen" in language.synonyms("Schuppen")
    assert not {"Baracke", "Kneipe"} & set(language.synonyms("Schuppen"))
    assert "Glücksspiel" in language.synonyms("Spiel") and "Match" not in language.synonyms("Spiel")
    assert "Diabetes" in language.synonyms("Zucker") and "Saccharose" not in language.synonyms("Zucker")
    assert not {"existieren", "wohnen", "Dasein"} & set(language.synonyms("Leber"))
    assert "Dasein" in language.synonyms("Leben")
