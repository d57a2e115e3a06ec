"""PostgreSQL Row-Level Security: the last line of defence behind the ORM guard.

- Roles: ``lotse_app`` (the web app and workers: no superuser, NOBYPASSRLS, not the tables' owner),
  ``lotse_aggregator`` (BYPASSRLS; entered with ``SET LOCAL ROLE`` only inside the association
  aggregation's cross-office block) and the owner role that runs migrations.
- Every table with a ``tenant_id`` gets ``ENABLE`` + ``FORCE ROW LEVEL SECURITY`` and a policy
  ``USING``/``WITH CHECK`` ``tenant_id = lotse_current_tenant()``, which reads the transaction-local
  setting ``app.tenant_id`` and is NULL — so no row matches — when it is unset (fail closed).
- ``memberships`` has one more policy: a person may read their own memberships
  (``app.user_id``), which login needs to offer their offices.
- The audit tables are append-only for the app role (no UPDATE/DELETE grant).

The settings are applied per transaction (``set_config(…, true)``) on ``after_begin`` and again
before a statement whenever the bound office changed within the transaction, so a pooled connection
never carries an office into the next transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from saas.core.listeners import listen
from tenants import scoping

APP_ROLE = "lotse_app"
AGGREGATOR_ROLE = "lotse_aggregator"
APPEND_ONLY_TABLES = ("audit_events", "auth_events")
_STATE_KEY = "lotse_rls_state"


def tenant_tables(connection: Connection) -> list[str]:
    insp = inspect(connection)
    return sorted(t for t in insp.get_table_names() if any(c["name"] == "tenant_id" for c in insp.get_columns(t)))


def create_roles(connection: Connection, app_password: str | None = None) -> None:
    """Create the roles if missing (needs CREATEROLE). Passwords are set by the operator, not here,
    unless given (tests)."""
    for role, attrs in (
        (APP_ROLE, "NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE LOGIN"),
        (AGGREGATOR_ROLE, "NOSUPERUSER BYPASSRLS NOLOGIN"),
    ):
        connection.execute(
            text(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN "  # noqa: S608 - constant
                f"CREATE ROLE {role} {attrs}; END IF; END $$"
            )
        )
    # The app may become the aggregator only by SET ROLE inside the aggregation block; NOINHERIT so that
    # it never holds the aggregator's privileges (e.g. deleting old audit entries) by mere membership.
    if connection.execute(text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar():
        connection.execute(text(f"ALTER ROLE {APP_ROLE} NOINHERIT"))
        connection.execute(text(f"GRANT {AGGREGATOR_ROLE} TO {APP_ROLE}"))
    if app_password:
        # DDL takes no bind parameters; a doubled quote is the SQL-standard escape in a string literal.
        literal = "'" + app_password.replace("'", "''") + "'"
        connection.execute(text(f"ALTER ROLE {APP_ROLE} PASSWORD {literal}"))


def install(connection: Connection) -> list[str]:
    """Enable RLS with policies on every tenant table and grant the roles. Idempotent."""
    connection.execute(
        text(
            "CREATE OR REPLACE FUNCTION lotse_current_tenant() RETURNS integer LANGUAGE sql STABLE AS "
            "$$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::integer $$"
        )
    )
    connection.execute(
        text(
            "CREATE OR REPLACE FUNCTION lotse_current_user() RETURNS integer LANGUAGE sql STABLE AS "
            "$$ SELECT NULLIF(current_setting('app.user_id', true), '')::integer $$"
        )
    )
    tables = tenant_tables(connection)
    for table in tables:
        connection.execute(text(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY'))
        connection.execute(text(f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY'))
        connection.execute(text(f'DROP POLICY IF EXISTS lotse_tenant ON "{table}"'))
        connection.execute(
            text(
                f'CREATE POLICY lotse_tenant ON "{table}" USING (tenant_id = lotse_current_tenant()) '
                "WITH CHECK (tenant_id = lotse_current_tenant())"
            )
        )
    if "memberships" in tables:
        connection.execute(text("DROP POLICY IF EXISTS lotse_own_memberships ON memberships"))
        connection.execute(
            text("CREATE POLICY lotse_own_memberships ON memberships FOR SELECT USING (user_id = lotse_current_user())")
        )
    grant(connection)
    return tables


def grant(connection: Connection) -> None:
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {APP_ROLE}, {AGGREGATOR_ROLE}"))
    connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {APP_ROLE}"))
    connection.execute(
        text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {AGGREGATOR_ROLE}")
    )
    connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP_ROLE}, {AGGREGATOR_ROLE}"))
    existing = set(inspect(connection).get_table_names())
    for table in APPEND_ONLY_TABLES:
        if table in existing:
            # Append-only for the app; only the maintenance role (retention jobs) may delete old entries.
            connection.execute(text(f'REVOKE UPDATE, DELETE, TRUNCATE ON "{table}" FROM {APP_ROLE}'))
            connection.execute(text(f'REVOKE UPDATE, TRUNCATE ON "{table}" FROM {AGGREGATOR_ROLE}'))


# --- per-transaction settings -----------------------------------------------------------------------


def _wanted() -> tuple[str, str, bool]:
    tenant = scoping.current_tenant_id()
    user = scoping.cross_tenant_user()
    aggregator = scoping.in_cross_tenant_block() and user is None
    return (str(tenant) if tenant is not None else "", str(user) if user is not None else "", aggregator)


def _apply(dbapi_cursor: Any, info: dict, roles: bool) -> None:
    wanted = _wanted()
    if info.get(_STATE_KEY) == wanted:
        return
    tenant, user, aggregator = wanted
    dbapi_cursor.execute(
        "SELECT set_config('app.tenant_id', %s, true), set_config('app.user_id', %s, true)", (tenant, user)
    )
    if roles:
        dbapi_cursor.execute(f"SET LOCAL ROLE {AGGREGATOR_ROLE}" if aggregator else f"SET LOCAL ROLE {APP_ROLE}")
    info[_STATE_KEY] = wanted


def _switches_roles(conn: Connection) -> bool:
    # Only a connection made as the app role switches to the aggregator role; the owner (migrations,
    # test set-up) and superusers are left alone.
    return conn.engine.url.username == APP_ROLE


def bind_session(dbapi_cursor: Any) -> None:
    """Bind the current office for the whole database session of a connection used past SQLAlchemy.

    For a connection that one piece of work holds alone and drives through the DBAPI in autocommit mode
    (the newsletter ledger: one statement per mail), where a per-transaction setting would cost a round
    trip per statement. The caller must :func:`unbind_session` before the connection goes back to the
    pool — or discard it — so that a pooled connection still never carries an office. Never for the
    aggregator's cross-office block.
    """
    tenant, user, aggregator = _wanted()
    if aggregator or not tenant:
        raise RuntimeError("bind_session needs one bound office")
    dbapi_cursor.execute(
        "SELECT set_config('app.tenant_id', %s, false), set_config('app.user_id', %s, false)", (tenant, user)
    )


def unbind_session(dbapi_cursor: Any) -> None:
    dbapi_cursor.execute("SELECT set_config('app.tenant_id', '', false), set_config('app.user_id', '', false)")


def _after_begin(session: Session, transaction: Any, connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    # A new transaction starts with no transaction-local settings and no SET LOCAL ROLE: that is the
    # state "nothing bound", so only a bound office (or block) costs a round trip here.
    connection.info[_STATE_KEY] = ("", "", False)
    _apply(connection.connection.cursor(), connection.info, _switches_roles(connection))


def _before_execute(conn: Connection, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
    if conn.dialect.name != "postgresql" or statement.startswith("SELECT set_config('app.tenant_id'"):
        return
    if conn.in_transaction():
        _apply(cursor, conn.info, _switches_roles(conn))


def _forget_on_commit(conn: Connection) -> None:
    conn.info.pop(_STATE_KEY, None)


def _forget_on_rollback(conn: Connection) -> None:
    conn.info.pop(_STATE_KEY, None)


def install_session_hooks() -> None:
    """Keep ``app.tenant_id``/``app.user_id`` (and the aggregator role) in step with the bound office."""
    listen(Session, "after_begin", _after_begin)
    listen(Engine, "before_cursor_execute", _before_execute)
    listen(Engine, "commit", _forget_on_commit)
    listen(Engine, "rollback", _forget_on_rollback)
