"""What keeps the Wegweiser search fast without changing what it finds (issue #14, speed): the
search across many offices ranks each office as its own search does, in two statements for all of them;
and on SQLite a counted search miss never makes other requests wait."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine

from saas.directory.models import Group
from saas.directory.search import search_ids
from saas.extensions import db
from tenants.scoping import cross_tenant, tenant_context
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


@pytest.mark.parametrize("q", QUERIES)
def test_across_offices_each_office_is_ranked_as_alone(offices, q: str) -> None:
    """Does the search across all offices list each office's groups as that office's own search does (in
    its order), all of them, with the corrections the offices made? "Zucker" across offices never reaches
    the Trauercafé, whose description says "Diabetes", just as Dortmund's own search never does."""
    own = {}
    for office in [offices.dortmund.id, offices.hamm.id]:
        with tenant_context(office):
            own[office] = search_ids(q, tenant_id=office, limit=50)
        db.session.remove()
    with cross_tenant("test: search across all offices"):
        everywhere = search_ids(q, tenant_id=None, limit=50)
        office_of = dict(db.session.execute(select(Group.id, Group.tenant_id)).tuples().all())
    db.session.remove()
    for office, result in own.items():
        assert [i for i in everywhere.ids if office_of[i] == office] == result.ids
    assert everywhere.total == sum(r.total for r in own.values())
    for result in own.values():
        for word, fixes in result.corrected.items():
            assert set(fixes) <= set(everywhere.corrected[word])


@pytest.mark.parametrize(("q", "statements"), [("Diabetes", 2), ("Spiel", 2), ("Trauer Eltern", 2), ("Diabtes", 4)])
def test_a_search_across_offices_is_two_statements(offices, q: str, statements: int) -> None:
    """Does a search across any number of offices send two statements (vocabulary, then the groups of every
    office) and two more only for a typo correction (the spellings within reach, then which offices have
    them), never one per office or per word?"""
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
    # On PostgreSQL the groups' statement comes between SET LOCAL enable_seqscan off and on (no statistics of
    # token arrays: see search._ranked_by_office).
    assert count[0] == statements + (2 if IS_POSTGRES else 0), (q, count[0])


@pytest.mark.parametrize(
    ("q", "total", "statements"),
    [("Post-Covid", 0, 2), ("Diabetes Anfangsstadium", 1, 2)],
)
def test_a_fallback_asks_nothing_the_first_statement_read(offices, q: str, total: int, statements: int) -> None:
    """Does one office's search ask the database again for what its first statement already read? A query
    with punctuation whose readings find nothing reads the query as typed once (its best partial match
    reuses that statement: the first statement, then one per reading), and a best partial match settles the
    words from the first statement's vocabulary and typo candidates: only the groups of a word it rests on
    take a statement of their own."""
    count = [0]

    def counter(*_args) -> None:  # type: ignore[no-untyped-def]
        count[0] += 1

    office = offices.dortmund.id
    with tenant_context(office):
        db.session.connection()  # the session's BEGIN is not the search's
        event.listen(Engine, "before_cursor_execute", counter)
        try:
            result = search_ids(q, tenant_id=office)
        finally:
            event.remove(Engine, "before_cursor_execute", counter)
        db.session.remove()
    assert result.total == total, (q, result)
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


# Key sets of a term's one-token alternatives: a few (the regular expression everywhere) and, from
# search.HASHED_KEYS on, many (on PostgreSQL a look-up of the document's tokens), with keys that are only a
# compound's part in a document, and characters a regular expression or an SQL literal must escape.
KEY_SETS = [
    ["diabet", "spiel"],
    ["diabet", "trau", "spiel", "begegn", "abspalt", "sucht", "trennung", "eltern", "not", "hamm"],
    ["~diabet", "~treff", "verwaist", "abspalt", "trennung", "lupus", "mani", "last", "obsess", "besess"],
    ["o'brien", "a\\b", "c++", "x.y", "(ad)", "50%", "_x", "quer", "zwerg", "ohr", "'); drop table groups; --"],
    ["o'brien", "c++", "treff"],
    [f"wort{i}" for i in range(40)] + ["spiel"],
]


@pytest.mark.parametrize("keys", KEY_SETS)
def test_a_term_finds_the_documents_its_pattern_finds(offices, keys: list[str]) -> None:
    """Does the condition of a term's keys (the regular expression, or on PostgreSQL for many keys a look-up
    of the document's tokens written into the statement) find exactly the documents that have a key as a
    whole token, as a word or as a compound's part ("~key"), and nothing else, also for keys with quotes,
    backslashes and regular-expression characters?"""
    import re

    from sqlalchemy import update

    from saas.directory.search import HASHED_KEYS, Alternative, Term, _term_regex, _token_regex

    term = Term(keys[0], [Alternative((k,), 1.0, "exact") for k in keys])

    odd = " o'brien =o'brien ~c++ a\\b 50% =x x.y ~zwerg (ad) zwergohr "
    with tenant_context(offices.hamm.id):
        first = db.session.scalars(select(Group.id).order_by(Group.id)).first()
        db.session.execute(update(Group).where(Group.id == first).values(search_text=odd))
        db.session.commit()
    with cross_tenant("test: every document"):
        documents = dict(db.session.execute(select(Group.id, Group.search_text)).tuples().all())
        found = set(db.session.scalars(select(Group.id).where(_term_regex(term, Group.search_text + ""))))
        statement = str(
            select(Group.id)
            .where(_term_regex(term, Group.search_text))
            .compile(db.engine, compile_kwargs={"render_postcompile": True})
        )
        db.session.remove()
    expected = {i for i, doc in documents.items() if re.search(_token_regex(keys), doc)}
    assert found == expected
    assert found, keys  # every set finds some document
    assert (first in found) == (keys[0] == "o'brien"), keys
    if len({k.removeprefix("~") for k in keys}) >= HASHED_KEYS and IS_POSTGRES:
        assert "unnest(string_to_array(" in statement
    else:
        assert "unnest" not in statement


@pytest.mark.parametrize(
    ("q", "shared"), [("Diabetes", True), ("Zucker", True), ("Spiel", False), ("Trauer Eltern", False)]
)
def test_offices_share_the_matchers_of_their_terms(offices, monkeypatch, q: str, shared: bool) -> None:
    """Does a search across offices prepare the matchers of a term once for all offices whose terms are the
    same (not once per office: a search across 400 offices prepared them 400 times and scored each
    office's groups anew), with the same results as each office's own search? Where the offices' groups
    make them read a word differently (another nearest reading), each keeps its own, never more."""
    from saas.directory import search

    made: list[str] = []
    build = search._term_matchers

    def counted(term, kinds):  # type: ignore[no-untyped-def]
        made.append(term.word)
        return build(term, kinds)

    monkeypatch.setattr(search, "_term_matchers", counted)
    alone = []
    for office in [offices.dortmund.id, offices.hamm.id]:
        with tenant_context(office):
            alone.append(search_ids(q, tenant_id=office, limit=50).ids)
        db.session.remove()
    per_office = len(made)
    made.clear()
    with cross_tenant("test: search across offices"):
        together = search_ids(q, tenant_id=None, limit=50).ids
        db.session.remove()
    assert sorted(together) == sorted(alone[0] + alone[1])
    assert 0 < len(made) < per_office if shared else len(made) == per_office, (made, per_office)
