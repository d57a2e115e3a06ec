"""PostgreSQL Row-Level Security: the last line of defence behind the ORM guard.

- Roles: ``lotse_app`` (the web app and workers: no superuser, NOBYPASSRLS, not the tables' owner),
  ``lotse_stats`` (BYPASSRLS, a login of its own: the association aggregation's cross-office block runs on
  a separate connection with its own credentials, ``AGGREGATOR_DATABASE_URL``, which only the worker has)
  and the owner role that runs migrations. ``lotse_stats`` may read the source tables and write only the
  ``association_*`` tables: with a leaked connection it can neither change an office's rows nor the audit
  log. The app cannot become it (no membership; a password it does not know). See docs/security.md.
- ``lotse_aggregator``, the role the app once entered by ``SET ROLE`` without a credential, keeps no
  privilege in a migrated database (0010 revokes them here; the role itself is cluster-wide and left alone
  so that older installations on the same server keep working until they migrate).
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
STATS_ROLE = "lotse_stats"
LEGACY_AGGREGATOR_ROLE = "lotse_aggregator"  # entered by SET ROLE with no credential: stripped of every grant
APPEND_ONLY_TABLES = ("audit_events", "auth_events")
STATS_WRITABLE_PREFIX = "association_"
# Login events are purged after the retention period by a SECURITY DEFINER function (owned by the schema
# owner, which the app cannot become) that never deletes anything younger than this.
PURGE_MINIMUM_DAYS = 30
_STATE_KEY = "lotse_rls_state"


def tenant_tables(connection: Connection) -> list[str]:
    insp = inspect(connection)
    return sorted(t for t in insp.get_table_names() if any(c["name"] == "tenant_id" for c in insp.get_columns(t)))


def _literal(value: str) -> str:
    # DDL takes no bind parameters; a doubled quote is the SQL-standard escape in a string literal.
    return "'" + value.replace("'", "''") + "'"


def create_roles(connection: Connection, app_password: str | None = None, stats_password: str | None = None) -> None:
    """Create the roles if missing (needs CREATEROLE). Passwords are set by the operator, not here,
    unless given (tests)."""
    for role, attrs in (
        (APP_ROLE, "NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT LOGIN"),
        (STATS_ROLE, "NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT LOGIN"),
    ):
        connection.execute(
            text(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN "  # noqa: S608 - constant
                f"CREATE ROLE {role} {attrs}; END IF; END $$"
            )
        )
    # No GRANT of any role to the app: it enters nothing by SET ROLE. (An old installation's
    # "GRANT lotse_aggregator TO lotse_app" is harmless once 0010 ran: that role holds no privilege here.)
    if app_password:
        connection.execute(text(f"ALTER ROLE {APP_ROLE} PASSWORD {_literal(app_password)}"))
    if stats_password:
        connection.execute(text(f"ALTER ROLE {STATS_ROLE} PASSWORD {_literal(stats_password)}"))


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


def _role_exists(connection: Connection, role: str) -> bool:
    return bool(connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar())


def grant(connection: Connection) -> None:
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {APP_ROLE}"))
    connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {APP_ROLE}"))
    connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP_ROLE}"))
    existing = set(inspect(connection).get_table_names())
    for table in APPEND_ONLY_TABLES:
        if table in existing:
            # Append-only for the app; old login events go through lotse_purge_auth_events() only.
            connection.execute(text(f'REVOKE UPDATE, DELETE, TRUNCATE ON "{table}" FROM {APP_ROLE}'))
    if _role_exists(connection, LEGACY_AGGREGATOR_ROLE):
        # Grants are per database: in this one the old SET ROLE target can do nothing at all.
        connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {LEGACY_AGGREGATOR_ROLE}"))
        connection.execute(text(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {LEGACY_AGGREGATOR_ROLE}"))
        connection.execute(text(f"REVOKE ALL ON SCHEMA public FROM {LEGACY_AGGREGATOR_ROLE}"))
    if _role_exists(connection, STATS_ROLE):
        connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {STATS_ROLE}"))
        connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {STATS_ROLE}"))
        connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {STATS_ROLE}"))
        for table in sorted(t for t in existing if t.startswith(STATS_WRITABLE_PREFIX)):
            connection.execute(text(f'GRANT INSERT, UPDATE, DELETE ON "{table}" TO {STATS_ROLE}'))
        connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {STATS_ROLE}"))
    if "auth_events" in existing:
        connection.execute(
            text(
                "CREATE OR REPLACE FUNCTION lotse_purge_auth_events(cutoff timestamptz) RETURNS bigint "
                "LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$ "
                "WITH gone AS (DELETE FROM auth_events WHERE created_at < LEAST(cutoff, now() - "
                "interval '30 days') RETURNING 1) SELECT count(*) FROM gone $$"  # PURGE_MINIMUM_DAYS
            )
        )
        connection.execute(text("REVOKE ALL ON FUNCTION lotse_purge_auth_events(timestamptz) FROM PUBLIC"))
        connection.execute(text(f"GRANT EXECUTE ON FUNCTION lotse_purge_auth_events(timestamptz) TO {APP_ROLE}"))


def uses_stats_connection(app_database_url: str) -> bool:
    """Whether the cross-office block needs the separate ``lotse_stats`` connection: only when the app itself
    connects as the RLS-bound app role (the owner and superusers see every row anyway)."""
    from sqlalchemy.engine import make_url

    url = make_url(app_database_url)
    return url.get_backend_name() == "postgresql" and url.username == APP_ROLE


# --- per-transaction settings -----------------------------------------------------------------------


def _wanted() -> tuple[str, str, bool]:
    tenant = scoping.current_tenant_id()
    user = scoping.cross_tenant_user()
    aggregator = scoping.in_cross_tenant_block() and user is None
    return (str(tenant) if tenant is not None else "", str(user) if user is not None else "", aggregator)


def _apply(dbapi_cursor: Any, info: dict) -> None:
    wanted = _wanted()
    if info.get(_STATE_KEY) == wanted:
        return
    tenant, user, _aggregator = wanted
    dbapi_cursor.execute(
        "SELECT set_config('app.tenant_id', %s, true), set_config('app.user_id', %s, true)", (tenant, user)
    )
    info[_STATE_KEY] = wanted


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
    _apply(connection.connection.cursor(), connection.info)


def _before_execute(conn: Connection, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
    if conn.dialect.name != "postgresql" or statement.startswith("SELECT set_config('app.tenant_id'"):
        return
    if conn.in_transaction():
        _apply(cursor, conn.info)


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
