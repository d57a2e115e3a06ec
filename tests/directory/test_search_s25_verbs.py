"""Quality cases of s25-verbs (issue #14): a concern said by a verb. On topics named as in the common list
WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- a strong verb's present with a raised stem vowel is read back to its infinitive, which the dictionary
  (hunspell-de-de) must list ("vergisst" → vergessen, "isst" → essen, "spricht" → sprechen, "schläft" →
  schlafen): "Opa vergisst alles" reads as vergessen, which the list names (Alzheimer, Demenz);
- a verb form whose verb has a noun of its stem reads that noun's definition as a noun typed is read
  ("hungert" → hungern → Hunger: Verlangen nach *Essen* → Essstörungen).

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from saas.directory.search import _verb_noun_definition_readings, gloss_alternatives
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Essstörungen", "mental_health"),
            ("Anorexie", "mental_health"),
            ("Bulimie", "mental_health"),
            ("Alzheimer", "chronic_illness"),
            ("Demenz", "chronic_illness"),
            ("Depression", "mental_health"),
        ],
    )
    make_group(
        d,
        "Essstörungen – Magersucht und Bulimie",
        ["Essstörungen", "Anorexie", "Bulimie"],
        topic_area="mental_health",
        description="Für Betroffene und Eltern.",
    )
    make_group(
        d,
        "Alzheimer Angehörigengruppe",
        ["Alzheimer", "Demenz"],
        topic_area="chronic_illness",
        description="Für Angehörige von Menschen mit Alzheimer oder einer anderen Demenz.",
    )
    make_group(d, "Lichtblick", ["Depression"], topic_area="mental_health")
    return world


# --- a strong verb's present with a raised vowel ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "verb"),
    [
        ("vergisst", "vergessen"),
        ("isst", "essen"),
        ("frisst", "fressen"),
        ("spricht", "sprechen"),
        ("stirbt", "sterben"),
        ("sieht", "sehen"),
        ("liest", "lesen"),
        ("schläft", "schlafen"),
        ("säuft", "saufen"),
        ("stößt", "stoßen"),
        ("hält", "halten"),  # the bare stem in "-t": no ending of its own
        ("wächst", "wachsen"),  # the third person first, not a second person of "wachen"
        ("vergißt", "vergessen"),  # the spelling before 1996
    ],
)
def test_a_raised_present_reads_as_its_infinitive(form: str, verb: str) -> None:
    assert language.infinitives(form) == (verb,)


def test_a_regular_form_keeps_its_own_verb() -> None:
    # "liebt" is of lieben, not a raised "leben"; "wirkt" of wirken, not "werken".
    assert language.infinitives("liebt") == ("lieben",)
    assert language.infinitives("wirkt") == ("wirken",)
    # A weak verb's second person is no raised form either ("klickst" of klicken is no "klecksen").
    assert "klecksen" not in language.infinitives("klickst")
    assert "leben" not in language.infinitives("liebst")


def test_no_raised_reading_without_a_verb_of_the_dictionary() -> None:
    # "sind" ends in no "-t" ("senden"), "Licht" and "Gift" are nouns, "nicht" spells no verb ("nechen").
    for word in ("sind", "Licht", "Gift", "nicht", "mit", "ist"):
        assert language.infinitives(word) == ()


def test_opa_vergisst_alles_finds_the_dementia_group(office):  # type: ignore[no-untyped-def]
    assert names(office, "Opa vergisst alles") == ["Alzheimer Angehörigengruppe"]


# --- the definition of the noun of a verb's stem -----------------------------------------------------------------


def test_hungert_reads_the_definition_of_hunger() -> None:
    readings = {a.tokens for a in _verb_noun_definition_readings("hungert")}
    assert ("essstor",) in readings  # Hunger: Verlangen nach *Essen* → Essstörungen
    assert ("essstor",) in {a.tokens for a in gloss_alternatives("hungert")}


def test_a_noun_typed_is_no_verb_form() -> None:
    assert _verb_noun_definition_readings("Hunger") == ()


def test_tochter_hungert_finds_the_eating_disorder_group(office):  # type: ignore[no-untyped-def]
    assert names(office, "Tochter hungert") == ["Essstörungen – Magersucht und Bulimie"]
    assert names(office, "Tochter hungert sich runter") == ["Essstörungen – Magersucht und Bulimie"]
