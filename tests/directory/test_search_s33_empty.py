"""s33-empty (issue #14): a definition's learned adjective says what the word is about.

German Wiktionary often says what a term is about by an adjective in "-isch" made of a noun: "Zwangseinweisung" is
an *Einweisung* in eine *psychiatrische* Klinik, "Polychondritis" a seltene *rheumatische* … Knorpelerkrankung.
``scripts/build_glosses.py`` kept only the adjectives OpenThesaurus knows, and it lacks most of these, so the sense
kept "Klinik Einrichtung" and the search found nothing. The builder now keeps, where a word's first sense has fewer
than two adjectives, such an adjective of a noun of the dictionary ("psychiatrische" → Psychiatrie), and the search
reads it by that noun as it reads the others (``search._gloss_adjective_alternatives``). Not in a later sense, which
is another thing ("Anstalt" is an *Einrichtung* before it is a *psychiatrische* Klinik: s30-prec2-gloss keeps it
from Psychiatrie); not "-lich" or "-ig": "verlustig" (in "quitt") is no loss, "väterlicher" (in "Agnat") no father.
On topics named as in the common list WITHOUT the office's synonyms.

Each search test of a change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from saas.directory import language
from tests.directory.helpers import found_names as names
from tests.directory.helpers import load_script, make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [("Psychiatrie-Erfahrene", "mental_health"), ("Trauer", "social"), ("Väter nach Trennung", "social")],
    )
    make_group(d, "Psychiatrie-Erfahrene Dortmund", ["Psychiatrie-Erfahrene"], topic_area="mental_health")
    make_group(d, "Trauercafé", ["Trauer"], topic_area="social", description="Nach dem Verlust eines Menschen.")
    make_group(d, "Väteraufbruch", ["Väter nach Trennung"], topic_area="social")
    return world


def test_the_builder_keeps_a_learned_adjective_of_a_noun():  # type: ignore[no-untyped-def]
    build = load_script("build_glosses")
    assert build.learned_adjective("psychiatrische")
    assert build.learned_adjective("rheumatischen")
    assert not build.learned_adjective("verlustig")  # "-ig": no loss
    assert not build.learned_adjective("väterlicher")  # "-lich": a line of descent
    assert not build.learned_adjective("ähnliche")  # no noun of its own


def test_the_glosses_keep_it_in_the_first_sense():  # type: ignore[no-untyped-def]
    assert "psychiatrische" in language.gloss_adjectives("Zwangseinweisung")
    assert "psychiatrische" not in language.gloss_adjectives("Anstalt")  # its third sense


def test_a_later_sense_stays_unread(office):  # type: ignore[no-untyped-def]
    assert names(office, "Anstalt") == []


def test_a_definition_by_a_learned_adjective_finds_its_groups(office):  # type: ignore[no-untyped-def]
    # Before: nothing ("Zwangseinweisung": Klinik, Einrichtung, ähnliche).
    assert names(office, "Zwangseinweisung") == ["Psychiatrie-Erfahrene Dortmund"]


def test_the_regional_finder_reads_it_alike(office):  # type: ignore[no-untyped-def]
    regional, own = regional_and_own(office, "Zwangseinweisung")
    assert own and regional.get(office.dortmund.id, []) == own


def test_adjectives_in_lich_or_ig_stay_unread(office):  # type: ignore[no-untyped-def]
    assert names(office, "quitt") == []
    assert names(office, "Agnat") == []
