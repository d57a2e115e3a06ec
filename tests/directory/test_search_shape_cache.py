"""A one-office search's first statement is built once per shape of the query and kept
(``search._shaped_statement``); the office, the words and their patterns are its parameters. The kept
statement must never carry one office's, one query's or one vocabulary's values into another search."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from saas.directory import operations as ops
from saas.directory import search
from saas.directory.models import Topic
from saas.directory.queries import public_groups_by_ids
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.directory.helpers import make_group, make_topic


def _names(office: int, q: str) -> list[str]:
    with tenant_context(office):
        result = search.search_ids(q, tenant_id=office, limit=100)
        found = [g.name for g in public_groups_by_ids(result.ids)]
    db.session.remove()
    return found


def _shape(q: str) -> tuple:
    return search._statement_shape(search.query_terms(q), db.engine.dialect.name == "postgresql")[0]


@pytest.fixture
def two_offices(world):  # type: ignore[no-untyped-def]
    """Dortmund and Hamm, each with groups of the same two topics under names of their own."""
    for office, town in ((world.dortmund, "Dortmund"), (world.hamm, "Hamm")):
        make_topic(office, "Diabetes", area="chronic_illness")
        make_topic(office, "Parkinson", area="chronic_illness")
        make_group(office, f"Diabetiker {town}", ["Diabetes"], topic_area="chronic_illness")
        make_group(office, f"Parkinson Treff {town}", ["Parkinson"], topic_area="chronic_illness")
    search._shaped_statement.cache_clear()
    return SimpleNamespace(dortmund=world.dortmund.id, hamm=world.hamm.id)


def test_the_kept_statement_serves_each_office_its_own_groups(two_offices) -> None:
    """Does the same query, searched in Dortmund, then Hamm, then Dortmund again, list each time only that
    office's groups, while the second and third search reuse the statement the first one built?"""
    w = two_offices
    assert _names(w.dortmund, "Diabetes") == ["Diabetiker Dortmund"]
    built = search._shaped_statement.cache_info()
    assert _names(w.hamm, "Diabetes") == ["Diabetiker Hamm"]
    assert _names(w.dortmund, "Diabetes") == ["Diabetiker Dortmund"]
    after = search._shaped_statement.cache_info()
    assert after.hits >= built.hits + 2 and after.currsize == built.currsize


def test_the_kept_statement_binds_each_query_s_own_words(two_offices) -> None:
    """Two queries of one shape ("Diabetes", "Parkinson": one word, its alternatives of the same kinds): does
    each find its own topic's groups in each office, from one kept statement?"""
    w = two_offices
    assert _shape("Diabetes") == _shape("Parkinson")
    for office, town in ((w.dortmund, "Dortmund"), (w.hamm, "Hamm")):
        assert _names(office, "Diabetes") == [f"Diabetiker {town}"]
        assert _names(office, "Parkinson") == [f"Parkinson Treff {town}"]
    assert search._shaped_statement.cache_info().currsize == 1
    # A query of another shape (two words, one of them may be left out) gets a statement of its own.
    assert _shape("Parkinson Dortmund") != _shape("Parkinson")
    assert _names(w.hamm, "Parkinson Dortmund") == ["Parkinson Treff Hamm"]
    assert search._shaped_statement.cache_info().currsize == 2


def test_an_office_s_edited_synonyms_count_from_its_next_search(two_offices) -> None:
    """An office gives its topic "Parkinson" the search word "Gelenkbund" (a word of no dictionary): does
    the next search of it find the office's group, in that office only, and after the word is taken away
    again, nothing, though the statement of the query's shape is kept all along?"""
    w = two_offices
    assert _names(w.hamm, "Gelenkbund") == []
    with tenant_context(w.hamm):
        topic = db.session.query(Topic).filter_by(name="Parkinson").one()
        ops.save_topic(
            topic, name="Parkinson", topic_area="chronic_illness", search_words="Gelenkbund", relatives=False
        )
        db.session.commit()
    db.session.remove()
    assert _names(w.hamm, "Gelenkbund") == ["Parkinson Treff Hamm"]
    assert _names(w.dortmund, "Gelenkbund") == []
    with tenant_context(w.hamm):
        topic = db.session.query(Topic).filter_by(name="Parkinson").one()
        ops.save_topic(topic, name="Parkinson", topic_area="chronic_illness", search_words="", relatives=False)
        db.session.commit()
    db.session.remove()
    assert _names(w.hamm, "Gelenkbund") == []
    assert search._shaped_statement.cache_info().hits >= 3
