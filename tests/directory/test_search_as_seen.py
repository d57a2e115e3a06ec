"""Readings found wrong by a citizen's eye on the demo (issue #14), each made general.

A word spelled right is no typo (a fuzzy match never fires where it is not one). On the demo, "Migräne"
listed the refugee groups: no group has the word, so the search corrected it by its search key, and
Snowball's key of "Migräne" (migran) is one edit from the one of "Migration" (migrat), a search word of the
topic Geflüchtete. The key's neighbour is meant only for a typo whose inflection differs from the groups'
words ("Essstörrung" → Essstörungen); a word the German dictionary has is meant as typed. Likewise in Hamm
"stammeln" was read as "sammeln" and everywhere "zunehmen" as "abnehmen": a word spelled
right is read only as another form of itself ("dement" → Demenz), never as another word.

A compound's front part that is no noun stands for a topic only by itself, its forms or its synonyms, not by
the thesaurus's loose relations: "Schüttel|lähmung" (Parkinson) listed the group after a stomach removal
first, schütteln being related far off to "entfernen". Nor does a front part that says who stand for the
compound ("Alters|diabetes" is no seniors' group; from held-out-8), but an audience the groups name does
("Eltern|kreis").
"""

from __future__ import annotations

import pytest

from saas.directory import search
from tenants.scoping import tenant_context
from tests.directory.helpers import found_names as names
from tests.directory.helpers import make_group, make_topic


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topic(d, "Geflüchtete", "Flucht, Migration, Asyl", area="social")
    make_topic(d, "Essstörungen", area="mental_health")
    make_group(d, "Treffpunkt Geflüchtete Brackel", ["Geflüchtete"])
    make_group(d, "Esslust und Essfrust", ["Essstörungen"], topic_area="mental_health")
    make_topic(d, "Messies", area="mental_health")
    make_topic(d, "Adipositas", area="chronic_illness")
    make_topic(d, "Demenz", area="mental_health")
    make_group(d, "Vom Sammeln befreit", ["Messies"], topic_area="mental_health", description="Wir sammeln zu viel.")
    make_group(d, "Gemeinsam abnehmen", ["Adipositas"], topic_area="chronic_illness")
    make_group(d, "Gesprächskreis Demenz", ["Demenz"], topic_area="mental_health")
    return world


def test_a_word_of_the_dictionary_is_not_read_as_its_search_keys_neighbour(office):  # type: ignore[no-untyped-def]
    """Does "Migräne" find nothing (no migraine group here) instead of the refugee groups, and say no
    correction? The words of the topic itself still find them."""
    assert names(office, "Migräne") == []
    with tenant_context(office.dortmund.id):
        assert search.search_ids("Migräne", tenant_id=office.dortmund.id).corrected == {}
    assert names(office, "Migration") == ["Treffpunkt Geflüchtete Brackel"]


def test_a_typo_with_another_inflection_is_still_corrected_by_its_key(office):  # type: ignore[no-untyped-def]
    """The key's neighbour stays for words the dictionary does not know: "Essstörrung" (a typo, singular)
    finds the group whose topic is "Essstörungen"."""
    assert names(office, "Essstörrung") == ["Esslust und Essfrust"]


def test_a_word_spelled_right_is_read_only_as_a_form_of_itself(office):  # type: ignore[no-untyped-def]
    """Does "stammeln" (stammering; no stuttering group here) find no collectors' group, "zunehmen" (to gain
    weight) no group for losing it — while "dement" still reaches the dementia group as a form of Demenz?"""
    assert names(office, "stammeln") == []
    assert names(office, "zunehmen") == []
    assert names(office, "dement") == ["Gesprächskreis Demenz"]
    assert names(office, "Tinitus") == []  # a typo: nothing near here, and no reading of another word either


def test_a_compounds_front_is_not_read_by_loose_relations(world):  # type: ignore[no-untyped-def]
    """Does "Schüttellähmung" find the Parkinson group only, not the one about a stomach removal?"""
    d = world.dortmund
    make_topic(d, "Parkinson", area="chronic_illness")
    make_topic(d, "Magenentfernung", "Magen, Magenkrebs", area="chronic_illness")
    make_group(d, "Leben mit Parkinson", ["Parkinson"], topic_area="chronic_illness")
    make_group(d, "Gastrektomie-Gruppe", ["Magenentfernung"], topic_area="chronic_illness")
    assert names(world, "Schüttellähmung") == ["Leben mit Parkinson"]


def test_a_compounds_front_that_says_who_is_no_fallback(world):  # type: ignore[no-untyped-def]
    """Does "Altersdiabetes" find the diabetes group, not the seniors' group its front part would, while
    "Elternkreis Drogen" still finds the parents' group through its front (an audience)?"""
    d = world.dortmund
    make_topic(d, "Diabetes", area="chronic_illness")
    make_topic(d, "Senioren", "Alter, Ruhestand", area="social")
    make_topic(d, "Drogenabhängigkeit", area="addiction")
    make_group(d, "Diabetiker-Treff", ["Diabetes"], topic_area="chronic_illness")
    make_group(d, "Senior*innen aktiv", ["Senioren"])
    make_group(d, "Eltern drogenabhängiger Kinder", ["Drogenabhängigkeit"], topic_area="addiction", audience="parents")
    assert names(world, "Altersdiabetes") == ["Diabetiker-Treff"]
    assert names(world, "Elternkreis Drogen") == ["Eltern drogenabhängiger Kinder"]
