"""s33-precision (issue #14): a synonym a word shares only in sets of verbs finds no other word of its key.

OpenThesaurus puts "erwachsen" beside entstehen, aufkommen, bilden and ergeben: the verb *to arise*, not the
adjective *adult* (mündig, volljährig). Its Snowball key is that of "Erwachsene", so "entstehen" and "Aufkommen"
listed every group for adults ("ADHS bei Erwachsenen", "Typ-1 junge Erwachsene"). A synonym the word shares only
in sets whose every word is a verb of the dictionary now finds a group only where the group's name or topics have
a form of that verb ("erwachsen", "erwuchs"; "Stimmen|hören" for hören), as a noun synonym finds only forms of the
noun (s21-demo). The word's own verb stays ("hört" ~ hören finds "Stimmen hören").

Each search test of the change fails on the code before the branch; the others guard what stays.
"""

from __future__ import annotations

import pytest

from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topics, regional_and_own


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topics(
        d,
        [
            ("ADHS", "mental_health"),
            ("Diabetes", "chronic_illness"),
            ("Psychose", "mental_health"),
            ("Gewalt/Missbrauch, Opfer", "social"),
        ],
    )
    make_group(d, "ADHS bei Erwachsenen", ["ADHS"], topic_area="mental_health")
    make_group(d, "Typ-1 junge Erwachsene", ["Diabetes"], topic_area="chronic_illness")
    make_group(d, "Stimmen hören", ["Psychose"], topic_area="mental_health")
    make_group(d, "Gewalt in der Partnerschaft", ["Gewalt/Missbrauch, Opfer"], topic_area="social")
    return world


def test_a_verb_synonym_finds_no_noun_of_its_key(office):  # type: ignore[no-untyped-def]
    # Before: "entstehen" ~ erwachsen (to arise) → both adults' groups.
    assert names(office, "entstehen") == []
    assert names(office, "Aufkommen") == []


def test_the_words_own_verb_stays(office):  # type: ignore[no-untyped-def]
    assert names(office, "hört Stimmen") == ["Stimmen hören"]


def test_the_adjective_still_finds_the_adults(office):  # type: ignore[no-untyped-def]
    assert set(names(office, "erwachsen")) >= {"ADHS bei Erwachsenen"}


def test_the_regional_finder_reads_it_alike(office):  # type: ignore[no-untyped-def]
    regional, own = regional_and_own(office, "entstehen")
    assert own == [] and regional.get(office.dortmund.id, []) == []
