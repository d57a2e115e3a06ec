"""Quality cases of three general classes of issue #14 (seventh round, s14-round7b), on topics named as in the
common list WITHOUT the office's synonyms, so that what is found comes from the resources alone:

- a topic's groups all come in when the query word names that topic and matches one of its groups itself;
"""

from __future__ import annotations

import pytest

from saas.directory.queries import public_groups_by_ids
from saas.directory.search import search_ids
from tenants.scoping import tenant_context
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
    return world


def names(world, q: str) -> list[str]:  # type: ignore[no-untyped-def]
    with tenant_context(world.dortmund.id):
        result = search_ids(q, tenant_id=world.dortmund.id)
        return [g.name for g in public_groups_by_ids(result.ids)]


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
