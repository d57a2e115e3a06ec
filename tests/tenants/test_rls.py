"""PostgreSQL Row-Level Security: the database itself keeps offices apart, whatever the SQL says."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from saas.audit.operations import record
from saas.extensions import db
from tenants.scoping import cross_tenant, tenant_context
from tests.conftest import USE_RLS

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.usefixtures("db"),
    pytest.mark.skipif(not USE_RLS, reason="Row-Level Security exists on PostgreSQL only (CI runs it there)"),
]


def test_app_role_is_restricted():
    """Does the app connect as a role that is neither superuser, nor owner, nor able to bypass RLS?"""
    row = db.session.execute(
        text("SELECT current_user, rolsuper, rolbypassrls, rolinherit FROM pg_roles WHERE rolname = current_user")
    ).one()
    assert row == ("lotse_app", False, False, False)  # NOINHERIT: no other role's rights by membership
    owners = db.session.scalars(text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")).all()
    assert "lotse_app" not in owners


def test_raw_sql_returns_only_the_bound_offices_rows(world):
    """Does raw SQL without any WHERE return only the bound office's rows?"""
    with tenant_context(world.hamm.id):
        names = sorted(db.session.scalars(text("SELECT name FROM sites")).all())
    db.session.commit()
    assert names == ["Hamm", "Hamm-Heessen"]


def test_no_office_bound_returns_nothing(world):
    """With no office set, does the database return no office-owned rows at all (fail closed)?"""
    db.session.commit()
    assert db.session.scalar(text("SELECT count(*) FROM sites")) == 0
    assert db.session.scalar(text("SELECT count(*) FROM memberships")) == 0


def test_pooled_connection_carries_no_office(world):
    """After a transaction as Dortmund, does the next transaction on the same pooled connection see nothing?"""
    from sqlalchemy import create_engine

    engine = create_engine(db.engine.url, pool_size=1, max_overflow=0)  # one connection: surely the same one
    with engine.connect() as conn:
        with tenant_context(world.dortmund.id):
            assert conn.execute(text("SELECT count(*) FROM sites")).scalar() == 1
        conn.commit()
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
        conn.commit()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT pg_backend_pid()")).scalar() == pid  # the same pooled connection
        assert conn.execute(text("SELECT coalesce(current_setting('app.tenant_id', true), '')")).scalar() == ""
        assert conn.execute(text("SELECT count(*) FROM sites")).scalar() == 0
    engine.dispose()


def test_writes_for_another_office_are_refused(world):
    """Does WITH CHECK refuse a row written for another office than the bound one?"""
    with tenant_context(world.dortmund.id), pytest.raises((ProgrammingError, DBAPIError)):
        db.session.execute(
            text(
                "INSERT INTO sites (tenant_id, name, street, postcode, city, phone, email, position) "
                "VALUES (:t, 'Fremd', '', '', '', '', '', 9)"
            ),
            {"t": world.hamm.id},
        )
    db.session.rollback()


def test_every_tenant_table_has_a_policy():
    """Does every table with a tenant_id column have RLS enabled, forced and a tenant policy?"""
    rows = db.session.execute(
        text(
            "SELECT c.table_name, t.relrowsecurity, t.relforcerowsecurity, "
            "EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.table_name AND p.policyname = 'lotse_tenant') "
            "FROM information_schema.columns c JOIN pg_class t ON t.relname = c.table_name "
            "WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.relkind = 'r'"
        )
    ).all()
    assert len(rows) >= 5
    missing = [name for name, enabled, forced, policy in rows if not (enabled and forced and policy)]
    assert missing == [], f"tables without Row-Level Security: {missing}"


def test_login_block_sees_only_the_persons_own_memberships(world):
    """Inside a login's cross-office block, does the database show only that person's memberships?"""
    with cross_tenant("test: own memberships", user_id=world.dortmund_staff.id):
        users = set(db.session.scalars(text("SELECT user_id FROM memberships")).all())
    db.session.commit()
    assert users == {world.dortmund_staff.id}


def test_aggregation_block_runs_as_its_own_role(world):
    """Does the aggregation's cross-office block run on its own connection as lotse_stats and see every office?"""
    with cross_tenant("test: aggregation"):
        role = db.session.scalar(text("SELECT current_user"))
        count = db.session.scalar(text("SELECT count(*) FROM sites"))
    db.session.commit()
    assert role == "lotse_stats" and count == 3
    assert db.session.scalar(text("SELECT current_user")) == "lotse_app"


def test_audit_log_cannot_be_changed_by_the_app_role(world):
    """Is the audit log append-only in the database: UPDATE and DELETE are not granted to the app?"""
    with tenant_context(world.dortmund.id):
        record("group.create", "group", 1, "x", actor_user_id=world.dortmund_staff.id)
        db.session.commit()
        with pytest.raises(ProgrammingError):
            db.session.execute(text("UPDATE audit_events SET summary = 'forged'"))
        db.session.rollback()
        with pytest.raises(ProgrammingError):
            db.session.execute(text("DELETE FROM audit_events"))
        db.session.rollback()


def test_group_topic_links_are_office_rows(world):
    """Is the group↔topic link table office-owned too (tenant_id filled on write, RLS in force)?"""
    from tests.directory.helpers import make_group

    make_group(world.dortmund, "Angst", ["Angst"])
    make_group(world.hamm, "Sucht", ["Sucht"])
    with tenant_context(world.hamm.id):
        rows = db.session.execute(text("SELECT tenant_id FROM group_topics")).scalars().all()
    db.session.commit()
    assert rows == [world.hamm.id]
