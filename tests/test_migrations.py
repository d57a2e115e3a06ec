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
    first = _lotse(["demo", "seed"], empty_database)
    assert first.returncode == 0, first.stderr[-3000:]
    second = _lotse(["demo", "seed"], empty_database)
    assert second.returncode == 0 and "nothing changed" in second.stdout
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
