"""Quality cases of s30-prec-gloss (issue #14): everyday words read by German Wiktionary's definitions. On
topics named as in the common list WITHOUT the office's synonyms, so that what is found comes from the
resources alone:

- an everyday word (wordfreq) has many senses, and its own definitions, its synonyms' and its compound head's
  read one of them, seldom the one typed: "Arbeitsplatz" ~ Arbeitsverhältnis (… *Beziehung* zwischen Arbeitgeber
  und Arbeitnehmer) listed the polyamory group by its search word Beziehung, "Brot" (… *Nahrung*, *Essen*) the
  eating disorder group; they now list nothing;
- it still reads a topic word whose common sense names it ("Ehe kaputt": Scheidung is the *Auflösung* einer *Ehe*
  → Trennung), but not through another sense of that word ("Gold": Scheidung of metals, *Trennung* von *Gold* und
  Silber) nor as its genus ("Wissenschaft": Psychiatrie is the *Wissenschaft* … → Psychose);
- a word that is no everyday word reads its definitions as before ("Fehlgeburt" … *Verlust* → Trauer).

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
            ("Polyamorie", "social"),
            ("Essstörungen", "mental_health"),
            ("Trennung", "social"),
            ("Trauer", "social"),
            ("Psychose", "mental_health"),
        ],
    )
    make_group(d, "Polyamorie Stammtisch", ["Polyamorie"], topic_area="social")
    make_group(d, "Overeaters Anonymous", ["Essstörungen"], topic_area="mental_health")
    make_group(d, "Neu anfangen nach Trennung", ["Trennung"], topic_area="social")
    make_group(d, "Trauercafé", ["Trauer"], topic_area="social")
    make_group(d, "Psychose-Seminar", ["Psychose"], topic_area="mental_health")
    return world


# --- an everyday word's definitions read another sense --------------------------------------------------------


def test_an_everyday_word_does_not_read_a_synonyms_definition(office):  # type: ignore[no-untyped-def]
    assert names(office, "Arbeitsplatz") == []  # ~ Arbeitsverhältnis: Beziehung → Polyamorie
    assert names(office, "Mobbing am Arbeitsplatz") == []


def test_an_everyday_word_does_not_read_its_own_definition(office):  # type: ignore[no-untyped-def]
    assert names(office, "Brot") == []  # … Nahrung, Essen → Essstörungen


def test_an_everyday_word_is_not_read_through_another_sense_of_a_topic_word():
    tokens = {a.tokens for a in gloss_alternatives("Gold")}  # Scheidung: Trennung von Metall, Gold, Silber
    assert ("trennung",) not in tokens
    assert gloss_alternatives("Punkte") == ()  # Auge: the pips of a die


def test_an_everyday_word_is_not_read_as_the_genus_of_a_topic_word():
    assert gloss_alternatives("Wissenschaft") == ()  # Psychiatrie is a Wissenschaft


# --- what stays ---------------------------------------------------------------------------------------------


def test_an_everyday_word_named_by_a_topic_words_common_sense_stays(office):  # type: ignore[no-untyped-def]
    assert names(office, "Ehe kaputt") == ["Neu anfangen nach Trennung"]


def test_a_word_that_is_no_everyday_word_reads_its_definition(office):  # type: ignore[no-untyped-def]
    assert names(office, "Fehlgeburt") == ["Trauercafé"]  # … Verlust → Trauer
