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
from sqlalchemy import create_engine
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
            context = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
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
