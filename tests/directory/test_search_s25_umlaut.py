"""Quality cases of s25-umlaut (issue #14): spellings without umlauts or ß.

A query typed with "ae", "oe", "ue", "ss" is already read as its umlaut spelling (``as_written``, s22-spelling):
every judged query of the form "umlaut" in the studied sets finds what its umlaut spelling finds. What the form
still missed was the umlaut spelling's own reading. One of it is general: a noun in -ung whose compound front
is a verb's prefix is the noun of that verb's action, a word of its own ("Über|forderung" of überfordern), as a
form of the verb is ("überfordert", round 10). Its front alone ("über") found every "Über|gewicht" group. A
compound of three parts falls back to its concept fronts where the others are everyday nouns
("Trauma|folge|störung" → Trauma), never to a front before a word of grammar ("Schilddrüsen|über|funktion").

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _everyday_noun, _verb_beginning_with, as_written, query_terms
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(d, [("Übergewicht", "chronic_illness"), ("Psychische Belastung", "mental_health")])
    make_group(
        d,
        "Leichter leben Lindenau",
        ["Übergewicht"],
        topic_area="chronic_illness",
        description="Für Menschen mit starkem Übergewicht, vor oder nach einer Magen-OP oder ohne.",
    )
    make_topics(d, [("Traumatisierung", "mental_health")])
    make_group(
        d,
        "Wege aus dem Trauma",
        ["Traumatisierung"],
        topic_area="mental_health",
        description="Nach schweren Erlebnissen wieder Boden finden.",
    )
    make_group(
        d,
        "Ausgebrannt – Gesprächskreis Steinbach",
        ["Psychische Belastung"],
        topic_area="mental_health",
        description="Wenn Beruf, Familie oder Pflege über den Kopf wachsen und gar nichts mehr geht.",
    )
    return world


def test_the_noun_of_a_prefixed_verbs_action_is_a_word_of_its_own() -> None:
    assert _verb_beginning_with("überforderung", "über")  # überfordern
    assert _verb_beginning_with("ueberforderung", "über")  # typed without the umlaut
    assert _verb_beginning_with("überfordert", "über")  # a form of the verb, as before
    # A compound of a noun is none: no verb "übergewichten" of the dictionary, no "hörstören".
    assert not _verb_beginning_with("übergewicht", "über")
    assert not _verb_beginning_with("hörstörung", "hör")
    assert not _verb_beginning_with("essstörung", "ess")


@pytest.mark.parametrize("q", ["Ueberforderung", "Überforderung"])
def test_ueberforderung_has_no_reading_by_its_prefix(q: str) -> None:
    (term,) = query_terms(as_written(q))
    assert all("uber" not in tokens for tokens in (a.tokens for a in term.alternatives))
    assert all(a.kind == "exact" for a in term.alternatives)


@pytest.mark.parametrize("q", ["Ueberforderung", "Überforderung"])
def test_ueberforderung_lists_no_overweight_group(office, q: str) -> None:  # type: ignore[no-untyped-def]
    assert "Leichter leben Lindenau" not in names(office, q)


def test_spelled_without_umlauts_as_with_them() -> None:
    assert as_written("Ueberforderung") == "Überforderung"
    assert as_written("Hoerstoerung") == "Hörstörung"
    assert as_written("Gedaechtnisverlust") == "Gedächtnisverlust"
    assert as_written("Angehoerige Gluecksspiel") == "Angehörige Glücksspiel"


def test_the_overweight_group_is_found_as_before(office):  # type: ignore[no-untyped-def]
    assert names(office, "Uebergewicht") == ["Leichter leben Lindenau"]
    assert names(office, "Übergewicht") == ["Leichter leben Lindenau"]


def test_a_three_part_compound_falls_back_to_its_concept_front() -> None:
    assert _everyday_noun("folge")
    assert not _everyday_noun("über")  # a word of grammar
    assert not _everyday_noun("trauma")  # names a concept
    (term,) = query_terms(as_written("Traumafolgestoerung"))
    assert ("trauma",) in [a.tokens for a in term.alternatives if a.kind == "fallback"]
    (term,) = query_terms(as_written("Schilddruesenueberfunktion"))
    assert not [a for a in term.alternatives if a.kind == "fallback"]


@pytest.mark.parametrize("q", ["Traumafolgestoerung", "Traumafolgestörung"])
def test_traumafolgestoerung_finds_the_trauma_group(office, q: str) -> None:  # type: ignore[no-untyped-def]
    assert names(office, q) == ["Wege aus dem Trauma"]
