"""Migrations: `lotse db upgrade` builds the schema from empty, and it matches the models."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from saas.core import timeutil
from saas.extensions import db

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def empty_database(tmp_path):  # type: ignore[no-untyped-def]
    admin = os.environ.get("TEST_DATABASE_URL")
    if not admin:
        yield f"sqlite:///{tmp_path / 'migrated.db'}"
        return
    import psycopg

    url = make_url(admin)
    name = f"lotse_migr_{uuid.uuid4().hex[:8]}"
    params = dict(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname=url.database or "postgres",
        autocommit=True,
    )
    with psycopg.connect(**params) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield url.set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    with psycopg.connect(**params) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _lotse(args: list[str], database_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "saas.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_upgrade_from_empty_to_head_matches_the_models(app, empty_database):
    """Does `lotse db upgrade` build a schema that has no difference to the SQLAlchemy models?"""
    result = _lotse(["db", "upgrade"], empty_database)
    assert result.returncode == 0, result.stderr[-3000:]
    engine = create_engine(empty_database)
    try:
        with engine.connect() as conn:
            from saas.core.schema import include_object

            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "render_as_batch": True, "include_object": include_object}
            )
            diff = compare_metadata(context, db.metadata)
    finally:
        engine.dispose()
    assert diff == [], f"models and migrations disagree: {diff}"


def test_demo_seed_is_idempotent(app, empty_database):
    """Does `lotse demo seed` create the demo offices once and change nothing the second time?"""
    assert _lotse(["db", "upgrade"], empty_database).returncode == 0
    # One fixed day: without it, a run in office hours saw a contact "entered" between the two seeds and
    # rightly added it (CI flaked on a Monday afternoon). The default path is the same code on today.
    day = timeutil.today().isoformat()
    first = _lotse(["demo", "seed", "--day", day], empty_database)
    assert first.returncode == 0, first.stderr[-3000:]
    second = _lotse(["demo", "seed", "--day", day], empty_database)
    assert second.returncode == 0 and "nothing changed" in second.stdout, second.stdout
    bad = _lotse(["demo", "seed", "--day", "2026-13-01"], empty_database)
    assert bad.returncode == 2 and "--day" in bad.stderr and "Traceback" not in bad.stderr
    listing = _lotse(["tenants", "list"], empty_database).stdout
    for slug in ("dortmund", "hamm", "kreis-unna", "dithmarschen"):
        assert slug in listing


def test_migrated_postgres_has_row_level_security_on_every_office_table(app, empty_database):
    """After `lotse db upgrade` on PostgreSQL, does every table with a tenant_id have its RLS policy?"""
    if not empty_database.startswith("postgresql"):
        pytest.skip("Row-Level Security exists on PostgreSQL only (CI runs it there)")
    assert _lotse(["db", "upgrade"], empty_database).returncode == 0
    engine = create_engine(empty_database)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT c.table_name, t.relforcerowsecurity, EXISTS (SELECT 1 FROM pg_policies p "
                    "WHERE p.tablename = c.table_name AND p.policyname = 'lotse_tenant') "
                    "FROM information_schema.columns c JOIN pg_class t ON t.relname = c.table_name "
                    "WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.relkind = 'r'"
                )
            ).all()
    finally:
        engine.dispose()
    assert len(rows) > 30
    assert [name for name, forced, policy in rows if not (forced and policy)] == []


def _filler(column) -> object:  # type: ignore[no-untyped-def]
    import datetime as dt

    from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Numeric

    kind = column["type"]
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer | Numeric):
        return 0
    if isinstance(kind, DateTime):
        return dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    if isinstance(kind, Date):
        return dt.date(2026, 1, 1)
    if isinstance(kind, JSON):
        return "{}"
    return "x"


def test_compact_association_counts_carry_the_stored_aggregates_over(app, empty_database):
    """0014 stores one row per office, family and period: are the cells stored one per row before carried over
    unchanged (and back again on downgrade)?"""
    import datetime as dt
    import json
    import re

    from sqlalchemy import inspect

    source = (ROOT / "migrations/versions/0014_association_counts_one_row_per_period.py").read_text()
    before = re.search(r'^down_revision = "(\w+)"', source, re.M).group(1)  # type: ignore[union-attr]
    assert _lotse(["db", "upgrade", before], empty_database).returncode == 0
    engine = create_engine(empty_database)
    old = [
        ("contacts", "day", dt.date(2023, 3, 14), "total", "", 3),
        ("contacts", "day", dt.date(2023, 3, 14), "kind", "citizen", 2),
        ("contacts", "day", dt.date(2023, 3, 14), "kind", "professional", 1),
        ("contacts", "month", dt.date(2023, 3, 1), "total", "", 3),
        ("contacts", "year", dt.date(2023, 1, 1), "kind_area", "citizen:addiction", 2),
        ("groups", "year", dt.date(2023, 1, 1), "figure", "founded", 4),
    ]
    try:
        with engine.begin() as conn:
            columns = [c for c in inspect(conn).get_columns("tenants") if c["name"] != "id"]
            values = {c["name"]: _filler(c) for c in columns if not c["nullable"]}
            values.update(slug="dortmund", name="Dortmund")
            names = ", ".join(values)
            conn.execute(text(f"INSERT INTO tenants ({names}) VALUES ({', '.join(':' + n for n in values)})"), values)
            office = conn.scalar(text("SELECT id FROM tenants WHERE slug = 'dortmund'"))
            for family, granularity, start, dimension, value, count in old:
                conn.execute(
                    text(
                        "INSERT INTO association_aggregates (office_id, family, granularity, period_start, dimension,"
                        " value, count) VALUES (:o, :f, :g, :s, :d, :v, :n)"
                    ),
                    {"o": office, "f": family, "g": granularity, "s": start, "d": dimension, "v": value, "n": count},
                )
        result = _lotse(["db", "upgrade"], empty_database)
        assert result.returncode == 0, result.stderr[-3000:]
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT family, granularity, period_start, counts FROM association_counts ORDER BY id")
            ).all()
        stored = {
            (f, g, s if isinstance(s, dt.date) else dt.date.fromisoformat(s)): c
            if isinstance(c, dict)
            else json.loads(c)
            for f, g, s, c in rows
        }
        assert len(rows) == 4  # one row per office, family and period
        assert stored == {
            ("contacts", "day", dt.date(2023, 3, 14)): {"kind": {"citizen": 2, "professional": 1}, "total": {"": 3}},
            ("contacts", "month", dt.date(2023, 3, 1)): {"total": {"": 3}},
            ("contacts", "year", dt.date(2023, 1, 1)): {"kind_area": {"citizen:addiction": 2}},
            ("groups", "year", dt.date(2023, 1, 1)): {"figure": {"founded": 4}},
        }
        result = _lotse(["db", "downgrade", before], empty_database)
        assert result.returncode == 0, result.stderr[-3000:]
        with engine.connect() as conn:
            back = conn.execute(
                text("SELECT family, granularity, period_start, dimension, value, count FROM association_aggregates")
            ).all()
        assert sorted(
            (f, g, s if isinstance(s, dt.date) else dt.date.fromisoformat(s), d, v, n) for f, g, s, d, v, n in back
        ) == sorted(old)
    finally:
        engine.dispose()


def test_upgrade_rebuilds_the_search_documents_when_the_rules_changed(app, empty_database, tmp_path):
    """Does `lotse db upgrade` rebuild every office's search documents and vocabulary when they were built with
    other rules than the installed code's (and leave them alone when the rules are the same), so that a
    change of the search needs no migration of its own?"""
    from saas.directory.cli import document_rules

    assert _lotse(["db", "upgrade"], empty_database).returncode == 0
    assert _lotse(["tenants", "create", "muenster", "--name", "Münster"], empty_database).returncode == 0
    groups = tmp_path / "groups.csv"
    groups.write_text(
        "name,topics,topic_area,description\n"
        "Lichtblick,Depression,mental_health,Leben mit Depression\n"
        "Trockendock,Alkoholabhängigkeit,addiction,Ein Leben ohne Alkohol\n",
        encoding="utf-8",
    )
    imported = _lotse(["groups", "import", "--tenant", "muenster", str(groups)], empty_database)
    assert imported.returncode == 0, imported.stderr[-3000:]
    engine = create_engine(empty_database)
    query = "SELECT search_name, search_topics, search_text FROM groups ORDER BY name"
    try:
        with engine.begin() as conn:
            assert conn.scalar(text("SELECT rules FROM directory_search_rules")) == document_rules()
            built = conn.execute(text(query)).all()
            words = set(conn.scalars(text("SELECT word FROM directory_search_words")))
            assert "depression" in " ".join(built[0]) and any(":" in w for w in words)  # topic-area words too
            # Documents built by older rules (here: none), and a record that says so.
            conn.execute(text("UPDATE groups SET search_name = '', search_topics = '', search_text = ''"))
            conn.execute(text("DELETE FROM directory_search_words"))
        result = _lotse(["db", "upgrade"], empty_database)
        assert result.returncode == 0, result.stderr[-3000:]
        with engine.connect() as conn:
            assert conn.execute(text(query)).all() == [("", "", "")] * 2  # same rules: nothing rebuilt
        with engine.begin() as conn:
            conn.execute(text("UPDATE directory_search_rules SET rules = 'older rules'"))
        assert _lotse(["db", "current"], empty_database).returncode == 0
        with engine.connect() as conn:  # a command that only reads changes nothing
            assert conn.execute(text(query)).all() == [("", "", "")] * 2
        result = _lotse(["db", "upgrade"], empty_database)
        assert result.returncode == 0, result.stderr[-3000:]
        assert "Search documents rebuilt with the installed rules: 2 groups" in result.stderr
        with engine.connect() as conn:
            assert conn.execute(text(query)).all() == built
            assert set(conn.scalars(text("SELECT word FROM directory_search_words"))) == words
            assert conn.scalar(text("SELECT rules FROM directory_search_rules")) == document_rules()
    finally:
        engine.dispose()
