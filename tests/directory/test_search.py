"""The public search finds what people type — the same on SQLite (FTS5) and PostgreSQL (FTS + pg_trgm)."""

from __future__ import annotations

import pytest

from saas.directory.queries import public_groups_by_ids
from saas.directory.search import query_words, search_ids, within_one_edit
from tenants.scoping import tenant_context
from tests.directory.helpers import make_group, make_topic


@pytest.fixture
def directory(world):  # type: ignore[no-untyped-def]
    d = world.dortmund
    make_topic(d, "Angsterkrankungen", "Angst, Panik, Phobie")
    make_topic(d, "Diabetes", "Zucker, Zuckerkrankheit", area="chronic_illness")
    make_topic(d, "Alkoholabhängigkeit", "Alkohol, Trinken", area="addiction")
    make_group(d, "Selbsthilfe bei Angst", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Gesprächskreis Verlustängste", ["Angsterkrankungen"], topic_area="mental_health")
    make_group(d, "Diabetiker Treff Hörde", ["Diabetes"], topic_area="chronic_illness")
    make_group(d, "Trocken leben", ["Alkoholabhängigkeit"], topic_area="addiction")
    make_group(d, "Pflegeeltern im Austausch", ["Pflegeeltern"], topic_area="social")
    make_group(d, "Kinder mit Herzfehler", ["Herzerkrankte Kinder"], topic_area="chronic_illness", audience="parents")
    make_group(d, "Angst aufgelöst", ["Angsterkrankungen"], status="active", topic_area="mental_health")
    make_group(d, "Angst im Aufbau", ["Angsterkrankungen"], status="founding", topic_area="mental_health")
    make_group(world.hamm, "Angst Hamm", ["Angsterkrankungen"], topic_area="mental_health")
    return world


def names(world, q: str, **kw) -> list[str]:  # type: ignore[no-untyped-def]
    with tenant_context(world.dortmund.id):
        result = search_ids(q, tenant_id=world.dortmund.id, **kw)
        return [g.name for g in public_groups_by_ids(result.ids)]


def test_angst_and_panik_find_the_anxiety_groups(directory) -> None:
    """Does "angst" (lower case, part of compounds) and the synonym "Panik" find "Selbsthilfe bei Angst"?"""
    assert "Selbsthilfe bei Angst" in names(directory, "angst")
    assert "Gesprächskreis Verlustängste" in names(directory, "angst")  # compound with umlaut: Verlust-ängste
    assert "Selbsthilfe bei Angst" in names(directory, "Panik")
    assert "Selbsthilfe bei Angst" in names(directory, "Ängste")  # stemmed plural


def test_results_are_ranked_name_hits_first(directory) -> None:
    """Is a group whose name is the searched word listed before groups that match only by topic?"""
    found = names(directory, "Angst")
    assert found.index("Selbsthilfe bei Angst") < found.index("Gesprächskreis Verlustängste")


def test_eltern_finds_parents_groups(directory) -> None:
    """Does "Eltern" find groups for parents and compounds like "Pflegeeltern"?"""
    found = names(directory, "Eltern")
    assert "Pflegeeltern im Austausch" in found
    assert "Kinder mit Herzfehler" in found  # audience: parents


def test_synonyms_lead_to_the_topic(directory) -> None:
    """Do search words of a topic ("Zucker", "Trinken") find the topic's groups?"""
    assert names(directory, "Zucker") == ["Diabetiker Treff Hörde"]
    assert names(directory, "trinken") == ["Trocken leben"]


@pytest.mark.parametrize("typo", ["Diabetis", "Diabetez", "Alkohl", "Ankst", "Panki"])
def test_one_wrong_letter_is_tolerated(directory, typo: str) -> None:
    """Does a query with one wrong, missing or swapped letter still find the group?"""
    assert names(directory, typo), typo


def test_only_active_and_founding_groups_are_offered(directory) -> None:
    """Are paused, dissolved and abandoned groups hidden from citizens, founding groups shown?"""
    from sqlalchemy import select

    from saas.directory import operations as ops
    from saas.directory.access import Group
    from saas.extensions import db

    with tenant_context(directory.dortmund.id):
        group = db.session.scalar(select(Group).where(Group.name == "Angst aufgelöst"))
        ops.change_status(group, "dissolved", acting_user=None)
        db.session.commit()
    found = names(directory, "angst")
    assert "Angst aufgelöst" not in found
    assert "Angst im Aufbau" in found


def test_other_offices_groups_are_not_found(directory) -> None:
    """Does an office's search never return another office's group?"""
    assert "Angst Hamm" not in names(directory, "angst")


def test_topic_area_filter(directory) -> None:
    """Does the topic-area filter narrow the results?"""
    assert names(directory, "", topic_area="addiction") == ["Trocken leben"]


def test_query_words_drop_stopwords_and_limit_length() -> None:
    """Are filler words ignored and absurdly long queries cut?"""
    assert query_words("Selbsthilfegruppe für Angst und Panik") == ["angst", "panik"]
    assert len(query_words("wort " * 500)) <= 8


def test_within_one_edit() -> None:
    """Does the typo rule accept exactly one substitution, insertion, deletion or swap?"""
    assert within_one_edit("angst", "ankst") and within_one_edit("angst", "angts")
    assert within_one_edit("angst", "angste") and within_one_edit("angst", "ngst")
    assert not within_one_edit("angst", "anxts")
