"""No way around Row-Level Security for the app role: no SET ROLE into a role that bypasses it, and the
aggregation's own role (a separate login) may read the sources but write only its ``association_*`` tables."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from saas.audit.operations import record
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.conftest import USE_RLS
from tests.directory.helpers import make_group

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.usefixtures("db"),
    pytest.mark.skipif(not USE_RLS, reason="Row-Level Security exists on PostgreSQL only (CI runs it there)"),
]

FORBIDDEN = ["UPDATE groups SET name = 'übernommen'", "DELETE FROM audit_events", "SELECT count(*) FROM groups"]


def _seed(world) -> None:  # type: ignore[no-untyped-def]
    make_group(world.dortmund, "Angst")
    make_group(world.hamm, "Sucht")
    with tenant_context(world.dortmund.id):
        record("group.create", "group", 1, "x", actor_user_id=world.dortmund_staff.id)
        db.session.commit()


def _refused(conn, statement: str, *before: str) -> bool:  # type: ignore[no-untyped-def]
    """True when ``statement`` (after ``before``, all in one savepoint) raises a database error."""
    savepoint = conn.begin_nested()
    try:
        for sql in before:
            conn.execute(text(sql))
    except DBAPIError:
        savepoint.rollback()
        raise
    try:
        conn.execute(text(statement))
    except DBAPIError:
        savepoint.rollback()
        return True
    savepoint.rollback()
    return False


@pytest.mark.parametrize("role", ["lotse_aggregator", "lotse_stats", "lotse_owner", "postgres"])
def test_app_cannot_set_role_and_then_write_or_read_across_offices(world, role):
    """As lotse_app: after SET ROLE to any other role (where that is allowed at all), do UPDATE groups,
    DELETE FROM audit_events and a cross-office read all fail?"""
    _seed(world)
    with db.engine.connect() as conn, conn.begin():
        assert conn.scalar(text("SELECT current_user")) == "lotse_app"
        if _refused(conn, f"SET LOCAL ROLE {role}"):
            return  # no membership: the escape is closed at the door
        for statement in FORBIDDEN:
            assert _refused(conn, statement, f"SET LOCAL ROLE {role}"), statement


def test_app_alone_reads_no_office_and_cannot_touch_the_audit_log(world):
    """As lotse_app with no office bound (outside the aggregation): no office's groups, no audit deletes."""
    _seed(world)
    with db.engine.connect() as conn, conn.begin():
        assert conn.scalar(text("SELECT count(*) FROM groups")) == 0
        assert _refused(conn, "DELETE FROM audit_events")
        assert _refused(conn, "UPDATE audit_events SET summary = 'x'")


def test_stats_role_reads_sources_and_writes_only_association_tables(world):
    """On its own connection: may lotse_stats read every office, write association_* — and nothing else?"""
    _seed(world)
    engine = create_engine(os.environ["AGGREGATOR_DATABASE_URL"])
    try:
        with engine.connect() as conn, conn.begin():
            assert conn.scalar(text("SELECT current_user")) == "lotse_stats"
            assert conn.scalar(text("SELECT count(*) FROM groups")) == 2
            assert not _refused(conn, "DELETE FROM association_dirty_days")
            for statement in (
                "UPDATE groups SET name = 'übernommen'",
                "DELETE FROM groups",
                "DELETE FROM audit_events",
                "UPDATE audit_events SET summary = 'x'",
                "DELETE FROM auth_events",
                "UPDATE users SET password_hash = 'x'",
                "UPDATE tenants SET name = 'x'",
            ):
                assert _refused(conn, statement), statement
    finally:
        engine.dispose()


def test_login_events_purge_keeps_recent_entries(world):
    """Can the app's purge function delete recent login events? (It may delete only old ones.)"""
    from saas.audit.models import AuthEvent

    before = db.session.scalar(text("SELECT count(*) FROM auth_events"))
    db.session.add(AuthEvent(action="login.failed", subject_hash="x" * 64))
    db.session.commit()
    deleted = db.session.scalar(text("SELECT lotse_purge_auth_events(now() + interval '10 years')"))
    db.session.commit()
    assert deleted == 0
    assert db.session.scalar(text("SELECT count(*) FROM auth_events")) == before + 1
