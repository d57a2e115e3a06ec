"""What keeps the Wegweiser search fast without changing what it finds (issue #14, speed): the
search across many offices fetches only the groups its ranking can list or that decide its rules, in
two statements; and on SQLite a counted search miss never makes other requests wait."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event, true
from sqlalchemy.engine import Engine

from saas.directory import search
from saas.directory.queries import public_groups_by_ids
from saas.directory.search import search_ids
from saas.extensions import db
from tenants.scoping import cross_tenant
from tests.conftest import IS_POSTGRES
from tests.directory.helpers import make_group, make_topic


@pytest.fixture
def offices(world):  # type: ignore[no-untyped-def]
    """Two offices whose descriptions are full of words that are only synonyms of what is searched."""
    for office in (world.dortmund, world.hamm):
        make_topic(office, "Diabetes", area="chronic_illness")
        make_topic(office, "Trauer", area="social")
        make_topic(office, "Spielsucht", area="addiction")
    make_group(world.dortmund, "Diabetiker Treff", ["Diabetes"], topic_area="chronic_illness")
    make_group(world.hamm, "Diabetes Hamm", ["Diabetes"], topic_area="chronic_illness")
    make_group(world.dortmund, "Trauercafé", ["Trauer"], topic_area="social", description="Begegnung und Diabetes")
    make_group(world.hamm, "Verwaiste Eltern", ["Trauer"], topic_area="social", description="Wir spielen, reden.")
    make_group(world.hamm, "Spieler in Not", ["Spielsucht"], topic_area="addiction", description="Begegnung.")
    make_group(world.dortmund, "Spielsucht Angehörige", ["Spielsucht"], topic_area="addiction")
    return world


QUERIES = ["Zucker", "Diabetes", "Spiel", "Trauer", "Begegnung", "Zucker Trauer", "Diabets", "Eltern", "Spielen"]


def _everywhere(q: str) -> search.SearchResult:
    with cross_tenant("test: search across all offices"):
        result = search_ids(q, tenant_id=None, limit=50)
    db.session.remove()
    return result


@pytest.mark.parametrize("q", QUERIES)
def test_across_offices_the_narrowed_statement_finds_the_same(offices, monkeypatch, q: str) -> None:
    """Does the search across offices list the same groups, in the same order, with the same total and
    corrections, as when every group with some alternative of each term in its text is ranked?"""
    narrowed = _everywhere(q)
    monkeypatch.setattr(search, "_may_rank", lambda _terms: true())
    wide = _everywhere(q)
    assert (narrowed.ids, narrowed.total, narrowed.corrected, narrowed.ignored) == (
        wide.ids,
        wide.total,
        wide.corrected,
        wide.ignored,
    )


def test_a_synonym_in_a_description_is_never_fetched_across_offices(offices, monkeypatch) -> None:
    """Across offices, is a group that has a query word's synonym only in its description ("Diabetes" in
    the Trauercafé's text for "Zucker") left in the database instead of being loaded and ranked?"""
    ranked: list[str] = []
    rank = search.rank

    def recording(terms, candidates):  # type: ignore[no-untyped-def]
        ranked.extend(c.name for c in candidates)
        return rank(terms, candidates)

    monkeypatch.setattr(search, "rank", recording)
    result = _everywhere("Zucker")
    with cross_tenant("test"):
        found = {g.name for g in public_groups_by_ids(result.ids)}
    assert found == {"Diabetiker Treff", "Diabetes Hamm"}
    assert "Trauercafé" not in ranked
    assert sorted(ranked) == ["Diabetes Hamm", "Diabetiker Treff"]


@pytest.mark.parametrize(("q", "statements"), [("Diabetes", 2), ("Spiel", 2), ("Trauer Eltern", 2), ("Diabtes", 3)])
def test_a_search_across_offices_is_two_statements(offices, q: str, statements: int) -> None:
    """Does a search across any number of offices send two statements (vocabulary, then the groups) and a
    third only for a typo correction, never one per office or per word?"""
    count = [0]

    def counter(*_args) -> None:  # type: ignore[no-untyped-def]
        count[0] += 1

    with cross_tenant("test"):
        db.session.connection()  # the session's BEGIN is not the search's
        event.listen(Engine, "before_cursor_execute", counter)  # across offices: maybe the stats connection
        try:
            result = search_ids(q, tenant_id=None)
        finally:
            event.remove(Engine, "before_cursor_execute", counter)
        db.session.remove()
    assert result.total > 0
    assert count[0] == statements, (q, count[0])


@pytest.mark.skipif(IS_POSTGRES, reason="SQLite's journal: the embedded setup")
def test_sqlite_runs_in_wal_mode(app) -> None:
    """Is each SQLite connection in write-ahead-log mode with ``synchronous=NORMAL``, so that readers never
    wait for a writer's commit?"""
    with app.app_context():
        conn = db.session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        db.session.remove()


@pytest.mark.skipif(IS_POSTGRES, reason="SQLite's locking: the embedded setup")
def test_a_counted_miss_does_not_wait_for_a_reader(app, client, offices) -> None:
    """While another process's connection holds a read transaction open (another gunicorn worker in the
    middle of a request), is a search that found nothing counted at once? In SQLite's rollback journal
    the count's commit waited for the reader (here: until the 30-second busy timeout ran out)."""
    import time

    from sqlalchemy import select

    from saas.directory.models import SearchMiss
    from tenants.scoping import tenant_context

    with app.app_context():
        path = db.engine.url.database
    reader = sqlite3.connect(path, timeout=0.1)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM groups").fetchone()  # a shared lock until the transaction ends
        started = time.monotonic()
        response = client.get("/dortmund/gruppen?q=Mukoviszidose")
        took = time.monotonic() - started
    finally:
        reader.rollback()
        reader.close()
    assert response.status_code == 200
    assert took < 5, took
    with app.app_context(), tenant_context(offices.dortmund.id):
        assert [(m.term, m.count) for m in db.session.scalars(select(SearchMiss))] == [("mukoviszidose", 1)]
        db.session.remove()
