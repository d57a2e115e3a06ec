"""Quality cases of s23-situation (issue #14): a life situation or a query of several words whose only word
about the concern reaches a topic by its definition alone. On topics named as in the common list WITHOUT the
office's synonyms, so that what is found comes from the resources alone:

- a word among others reads its definitions (German Wiktionary) where no other word of the query names a
  concern itself: "*Ehe* kaputt" (Ehe: … Scheidung, Trennung) → the separation group, "*schizoaffektive*
  Störung" (… Schizophrenie, Psychose) → the psychosis group;
- not beside a word that names a topic: "Gewalt in der *Ehe*" stays with the violence group, the separation
  group that the definition of "Ehe" reaches does not join it.

Each test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory.search import _names_concern, query_terms
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("Trennung/Scheidung", "social"),
            ("Psychose", "mental_health"),
            ("Gewalt/Missbrauch, Opfer", "social"),
            ("Essstörungen", "mental_health"),
        ],
    )
    make_group(d, "Neu anfangen nach Trennung", ["Trennung/Scheidung"], topic_area="social")
    make_group(d, "Psychose-Seminar", ["Psychose"], topic_area="mental_health")
    make_group(
        d,
        "Gewalt in der Partnerschaft",
        ["Gewalt/Missbrauch, Opfer"],
        topic_area="social",
        description="Für Frauen, die in der Beziehung Gewalt erleben.",
    )
    make_group(
        d,
        "Essstörungen – Magersucht und Bulimie",
        ["Essstörungen"],
        topic_area="mental_health",
        description="Wenn Essen zur Störung wird.",
    )
    return world


def test_a_topic_word_names_a_concern_a_relative_and_filler_do_not() -> None:
    gewalt, ehe = query_terms("Gewalt Ehe")
    assert _names_concern(gewalt)
    assert not _names_concern(ehe)
    mann, kaputt = query_terms("Mann kaputt")
    assert not _names_concern(mann)  # names the men's topics, but says who
    assert not _names_concern(kaputt)


def test_ehe_kaputt_reads_the_definition_of_ehe(office):  # type: ignore[no-untyped-def]
    assert names(office, "Ehe kaputt") == ["Neu anfangen nach Trennung"]


def test_schizoaffektive_stoerung_finds_the_psychosis_group(office):  # type: ignore[no-untyped-def]
    assert "Psychose-Seminar" in names(office, "schizoaffektive Störung")


def test_beside_a_topic_word_no_definition_is_read(office):  # type: ignore[no-untyped-def]
    assert "Neu anfangen nach Trennung" not in names(office, "Gewalt in der Ehe")
    assert names(office, "Gewalt in der Ehe")[0] == "Gewalt in der Partnerschaft"
