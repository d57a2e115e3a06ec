"""Test fixtures: a fresh database per run (SQLite file, or PostgreSQL when TEST_DATABASE_URL is set),
tables emptied after each test, personas in two offices, a CSRF-aware client, a real Celery worker
and a real headless Chromium.

Tables are emptied rather than rolled back per test: real worker processes and the browser's live
server must see committed rows, and one mechanism for all tests keeps them honest.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

# --- environment: decided once, before any app is created, shared with worker subprocesses ---------
_INSTANCE = Path(tempfile.mkdtemp(prefix="lotse-test-"))
os.environ["LOTSE_INSTANCE"] = str(_INSTANCE)
os.environ["LOTSE_ENV"] = "testing"
os.environ["MAIL_URL"] = f"file://{_INSTANCE / 'outbox'}"
os.environ["BASE_URL"] = "http://lotse.test"
os.environ.pop("SECRET_KEY", None)
os.environ.setdefault("LOTSE_VISIBILITY_TIMEOUT", "20")

_PG_ADMIN_URL = os.environ.get("TEST_DATABASE_URL")
_DB_NAME = f"lotse_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"


def _create_database() -> str:
    if not _PG_ADMIN_URL:
        return f"sqlite:///{_INSTANCE / 'test.db'}"
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(_PG_ADMIN_URL)
    try:
        with psycopg.connect(
            host=url.host,
            port=url.port or 5432,
            user=url.username,
            password=url.password,
            dbname=url.database or "postgres",
            autocommit=True,
            connect_timeout=5,
        ) as conn:
            conn.execute(f'CREATE DATABASE "{_DB_NAME}"')
    except psycopg.OperationalError as exc:  # CI must fail, not skip, when PostgreSQL is missing
        raise RuntimeError(f"TEST_DATABASE_URL is set but PostgreSQL is unreachable: {exc}") from exc
    return url.set(drivername="postgresql+psycopg", database=_DB_NAME).render_as_string(hide_password=False)


def _drop_database() -> None:
    if not _PG_ADMIN_URL:
        return
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(_PG_ADMIN_URL)
    with psycopg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname=url.database or "postgres",
        autocommit=True,
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{_DB_NAME}" WITH (FORCE)')


_OWNER_URL = _create_database()  # the schema owner (migrations, cleanup)
# On PostgreSQL the app connects as the restricted role lotse_app, so Row-Level Security is in force in
# every test exactly as in production (TEST_RLS=0 runs as the owner instead, for debugging).
USE_RLS = bool(_PG_ADMIN_URL) and os.environ.get("TEST_RLS", "1") != "0"
if USE_RLS:
    from sqlalchemy.engine import make_url as _make_url

    os.environ["DATABASE_URL"] = (
        _make_url(_OWNER_URL).set(username="lotse_app", password="lotse-app-test").render_as_string(hide_password=False)
    )
    # The association aggregation's cross-office block: its own connection and credentials (docs/security.md).
    os.environ["AGGREGATOR_DATABASE_URL"] = (
        _make_url(_OWNER_URL)
        .set(username="lotse_stats", password="lotse-stats-test")
        .render_as_string(hide_password=False)
    )
else:
    os.environ["DATABASE_URL"] = _OWNER_URL
if os.environ.get("TEST_REDIS_URL"):
    os.environ["REDIS_URL"] = os.environ["TEST_REDIS_URL"]
    import redis as _redis

    try:
        _redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=3).flushdb()
    except _redis.exceptions.ConnectionError as exc:
        raise RuntimeError(f"TEST_REDIS_URL is set but Redis is unreachable: {exc}") from exc
else:
    os.environ.pop("REDIS_URL", None)
os.environ.pop("CELERY_BROKER_URL", None)
if not USE_RLS:
    os.environ.pop("AGGREGATOR_DATABASE_URL", None)

import email_validator  # noqa: E402

email_validator.TEST_ENVIRONMENT = True  # personas use the reserved .test domain; forms validate with Email()

import contextlib  # noqa: E402
import logging  # noqa: E402

from flask.testing import FlaskClient  # noqa: E402
from sqlalchemy import Integer, text  # noqa: E402

from saas import create_app  # noqa: E402
from saas.extensions import db as _db  # noqa: E402
from tests import factories  # noqa: E402


class _LogCollector(logging.Handler):
    """Every log line the suite writes (after the app's redacting filter, which create_app attaches to every
    root handler): scanned at the end for e-mail addresses and link tokens (issue 17, point 9)."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):  # a broken record is no finding
            self.lines.append(self.format(record))


LOG_COLLECTOR = _LogCollector()
logging.getLogger().addHandler(LOG_COLLECTOR)
logging.getLogger().setLevel(logging.INFO)
WORKER_LOG_LINES: list[str] = []


def pytest_sessionfinish(session, exitstatus):  # type: ignore[no-untyped-def]
    """Fail the run when any log line written during it holds an e-mail address or a link token."""
    from tests.security.test_logs import leaking_lines

    leaks = leaking_lines(LOG_COLLECTOR.lines + WORKER_LOG_LINES)
    if leaks:
        print("\nLOG LEAKS (e-mail addresses or tokens in logs):\n" + "\n".join(leaks[:20]))
        session.exitstatus = 1


IS_POSTGRES = bool(_PG_ADMIN_URL)
TEST_CONFIG = {
    "TESTING": True,
    "RATELIMIT_ENABLED": False,
    # Personas log in with a password only; tests/auth/test_mfa.py switches enforcement on.
    "MFA_ENFORCED": False,
    "SERVER_NAME": None,
    "CELERY": {"task_always_eager": True, "task_eager_propagates": True},
}


class LotseClient(FlaskClient):
    """A test client that knows the CSRF token of its session and can log in."""

    def csrf_token(self) -> str:
        # The login form carries a token for visitors; logged-in users are redirected to a page that does.
        response = self.get("/login", follow_redirects=True)
        match = re.search(r'name="csrf_token"[^>]*\svalue="([^"]+)"', response.get_data(as_text=True))
        assert match, "no CSRF token on the login page"
        return match.group(1)

    def post_form(self, url: str, data: dict | None = None, **kwargs):  # type: ignore[no-untyped-def]
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf_token())
        return self.post(url, data=data, **kwargs)

    def login(self, user_or_email, password: str = factories.PASSWORD):  # type: ignore[no-untyped-def]
        email = getattr(user_or_email, "email", user_or_email)
        response = self.post_form("/login", {"email": email, "password": password})
        assert response.status_code == 302, f"login failed for {email}: {response.status_code}"
        return response

    def logout(self):  # type: ignore[no-untyped-def]
        return self.post_form("/logout")


_owner_engine = None


def owner_engine():  # type: ignore[no-untyped-def]
    """An engine connected as the schema owner (not subject to RLS): schema set-up and cleanup."""
    global _owner_engine
    if _owner_engine is None:
        from sqlalchemy import create_engine

        _owner_engine = create_engine(_OWNER_URL, poolclass=__import__("sqlalchemy.pool").pool.NullPool)
    return _owner_engine


@pytest.fixture(scope="session")
def app():  # type: ignore[no-untyped-def]
    application = create_app(dict(TEST_CONFIG))
    application.test_client_class = LotseClient
    with application.app_context():
        owner = owner_engine()
        _db.metadata.create_all(owner)
        if USE_RLS:
            from tenants import rls

            with owner.begin() as conn:
                rls.create_roles(conn, app_password="lotse-app-test", stats_password="lotse-stats-test")
                rls.install(conn)
    yield application
    with application.app_context():
        _db.session.remove()
        _db.engine.dispose()
    owner_engine().dispose()
    _drop_database()
    for log_file in _INSTANCE.glob("*.log"):  # the worker processes' logs
        WORKER_LOG_LINES.extend(log_file.read_text(errors="replace").splitlines())
    shutil.rmtree(_INSTANCE, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clean_tables(request, app):  # type: ignore[no-untyped-def]
    """Each test starts with empty tables and an empty outbox (and the test app's Celery as default,
    in case a test built another app)."""
    # Every create_app() builds a Celery app that makes itself the thread's current app (and default);
    # a test that built another app must not leave shared tasks pointing at it.
    app.extensions["celery"].set_default()
    app.extensions["celery"].set_current()
    app.extensions["celery"].conf.task_always_eager = True
    yield
    with app.app_context():
        _db.session.rollback()
        _db.session.remove()
        tables = [t.name for t in reversed(_db.metadata.sorted_tables)]
        with owner_engine().begin() as conn:
            if IS_POSTGRES:
                # TRUNCATE costs per table (new files for the table and each index: ~2 s for all of them on
                # every test), whether a table holds rows or not, and CASCADE from a filled table reaches all
                # that reference it. So only the tables a test filled (one query finds them) are emptied, with
                # DELETE in dependency order (no foreign-key triggers on the owner's connection meanwhile), and
                # every sequence a test drew from starts at 1 again, as TRUNCATE ... RESTART IDENTITY did.
                probe = " UNION ALL ".join(f"SELECT '{t}' WHERE EXISTS (SELECT 1 FROM \"{t}\")" for t in tables)
                filled = set(conn.execute(text(probe)).scalars())
                conn.execute(text("SET LOCAL session_replication_role = replica"))
                for table in tables:
                    if table in filled:
                        conn.execute(text(f'DELETE FROM "{table}"'))
                conn.execute(
                    text(
                        "SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, 1, false) "
                        "FROM pg_sequences WHERE schemaname = current_schema() AND last_value IS NOT NULL"
                    )
                )
            else:
                for table in tables:
                    conn.execute(text(f'DELETE FROM "{table}"'))
    shutil.rmtree(_INSTANCE / "outbox", ignore_errors=True)
    from saas.directory import cache

    cache.clear()
    from saas.extensions import limiter

    if limiter.enabled:
        limiter.reset()


# --- the demo seed, computed once per run and copied in for every test that needs it --------------------

_DEMO_SNAPSHOTS: set[str] = set()  # the demo days (as snapshot names) whose rows are kept


@contextlib.contextmanager
def _snapshot_store(name: str):  # type: ignore[no-untyped-def]
    """An owner connection and the qualifier of the snapshot's tables: a schema of the test database on
    PostgreSQL, an attached database file in the run's instance folder on SQLite (removed with it). The
    copies are named snapshot_<table>, so that no catalogue query by table name (the RLS tests) finds them."""
    with owner_engine().connect() as conn:
        if IS_POSTGRES:
            yield conn, f'"{name}"'
            conn.commit()
            return
        conn.exec_driver_sql("ATTACH DATABASE ? AS demo_snapshot", (str(_INSTANCE / f"{name}.db"),))
        try:
            yield conn, "demo_snapshot"
            conn.commit()
        finally:
            conn.rollback()
            conn.exec_driver_sql("DETACH DATABASE demo_snapshot")


def _tables_empty() -> bool:
    with owner_engine().connect() as conn:
        tables = _db.metadata.sorted_tables
        return all(conn.execute(text(f'SELECT 1 FROM "{t.name}" LIMIT 1')).first() is None for t in tables)


def _columns(table) -> str:  # type: ignore[no-untyped-def]
    """The table's columns as the metadata knows them (PostgreSQL computes its generated search_tsv itself)."""
    return ", ".join(f'"{c.name}"' for c in table.columns)


def _take_demo_snapshot(name: str) -> None:
    with _snapshot_store(name) as (conn, where):
        if IS_POSTGRES:
            conn.execute(text(f"CREATE SCHEMA {where}"))
        for table in _db.metadata.sorted_tables:
            copy = f'{where}."snapshot_{table.name}"'
            conn.execute(text(f'CREATE TABLE {copy} AS SELECT {_columns(table)} FROM "{table.name}"'))


def _restore_demo_snapshot(name: str) -> None:
    with _snapshot_store(name) as (conn, where):
        if IS_POSTGRES:  # rows go in as they were taken (foreign keys held then); no triggers while copying
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        for table in _db.metadata.sorted_tables:  # on SQLite the search index's triggers fill groups_fts
            columns = _columns(table)
            copy = f'{where}."snapshot_{table.name}"'
            conn.execute(text(f'INSERT INTO "{table.name}" ({columns}) SELECT {columns} FROM {copy}'))
            if IS_POSTGRES:  # the sequences where a fresh seed leaves them
                for column in table.primary_key.columns:
                    if not isinstance(column.type, Integer):
                        continue
                    sequence = f"pg_get_serial_sequence('\"{table.name}\"', '{column.name}')"
                    conn.execute(
                        text(
                            f'SELECT setval({sequence}, COALESCE((SELECT max("{column.name}") FROM "{table.name}"), 0) '
                            f"+ 1, false) WHERE {sequence} IS NOT NULL"
                        )
                    )


@pytest.fixture
def demo_seed(app, db):  # type: ignore[no-untyped-def]
    """``seed_all()`` and commit, for tests that need the demo offices as data (tests of the seeding itself
    call seed_all). The first call in a run seeds into the empty tables and keeps a copy of every row;
    later calls on the same demo day into empty tables copy those rows in: the same rows, ids and sequences
    as a fresh seed, in a fraction of its time. Into tables that already hold rows it seeds for real."""
    from saas.core.demo import demo_today, seed_all

    def seed() -> bool:
        db.session.commit()
        name = f"demo_snapshot_{demo_today():%Y%m%d}"
        empty = _tables_empty()
        if empty and name in _DEMO_SNAPSHOTS:
            _restore_demo_snapshot(name)
            db.session.expire_all()
            return True
        created = seed_all()
        db.session.commit()
        if empty and created:
            _take_demo_snapshot(name)
            _DEMO_SNAPSHOTS.add(name)
        return created

    return seed


@pytest.fixture
def db(app):  # type: ignore[no-untyped-def]
    """The database inside an app context (no office bound)."""
    with app.app_context():
        yield _db
        _db.session.rollback()


@pytest.fixture
def client(app) -> LotseClient:  # type: ignore[no-untyped-def]
    return app.test_client()


@pytest.fixture
def make_client(app):  # type: ignore[no-untyped-def]
    """A new, independent browser session (another person)."""
    return lambda: app.test_client()


# --- factories and personas ------------------------------------------------------------------------


@pytest.fixture
def make_tenant(db):  # type: ignore[no-untyped-def]
    return factories.make_tenant


@pytest.fixture
def make_user(db):  # type: ignore[no-untyped-def]
    return factories.make_user


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    """Two offices with people: Dortmund (admin, staff, readonly) and Hamm (admin, staff), an association
    analyst of "paritaet-nrw" (both offices are members), and a platform operator."""
    return factories.make_world()


@pytest.fixture
def outbox() -> factories.Outbox:
    return factories.Outbox(_INSTANCE / "outbox")


# --- a real Celery worker ---------------------------------------------------------------------------


@pytest.fixture
def celery_worker(app):  # type: ignore[no-untyped-def]
    """A real ``celery -A workers worker`` process on the configured broker (filesystem or Redis).

    The test app is switched out of eager mode while the worker runs, so ``.delay()`` goes through
    the broker to the other process.
    """
    celery_app = app.extensions["celery"]
    celery_app.conf.task_always_eager = False
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log = _INSTANCE / f"worker-{uuid.uuid4().hex[:6]}.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "workers",
                "worker",
                "--loglevel=INFO",
                "--concurrency=1",
                "--pool=prefork",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                f"--hostname=test-{uuid.uuid4().hex[:6]}@%h",
            ],
            cwd=str(Path(__file__).resolve().parents[1]),
            env=env,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    deadline = time.time() + 60
    while time.time() < deadline:
        if b"ready" in log.read_bytes():
            break
        if proc.poll() is not None:
            raise RuntimeError("worker died at start:\n" + log.read_text(errors="replace"))
        time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError("worker did not start:\n" + log.read_text(errors="replace"))
    worker = factories.WorkerProcess(proc, log)
    yield worker
    worker.stop()
    celery_app.conf.task_always_eager = True


# --- a real browser --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def live_server(app):  # type: ignore[no-untyped-def]
    """The real app served over HTTP on loopback, for the browser."""
    import threading

    from werkzeug.serving import make_server

    from saas.directory import search

    search.warm_up()  # as gunicorn.conf.py does for a worker: the first search in a browser test is not the slow one
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


REQUIRE_TOOLS = "LOTSE_REQUIRE_TOOLS"  # set by CI (.ci/run): a missing tool fails instead of skipping


def require_tool(path: str | None, what: str, package: str) -> str:
    """The tool's path; if it is missing, skip the test with one line naming the Debian package to
    install — or fail, when ``LOTSE_REQUIRE_TOOLS`` is set (CI must run every test)."""
    if path and Path(path).exists():
        return path
    message = f"{what} not found ({path or 'not on PATH'}): apt-get install {package}"
    if os.environ.get(REQUIRE_TOOLS):
        pytest.fail(f"{message} ({REQUIRE_TOOLS} is set)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    executable = require_tool(os.environ.get("CHROMIUM", "/usr/bin/chromium"), "Chromium", "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    """A browser page; the test fails if the page broke the Content-Security-Policy (e.g. an inline script)."""
    context = browser.new_context(base_url=live_server, locale="de-DE", java_script_enabled=True)
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    violations: list[str] = []
    pg.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    yield pg
    context.close()
    assert not violations, (
        "Content-Security-Policy violated (no inline <script> or on*= handlers; put JS in saas/static/js/): "
        + " | ".join(violations[:3])
    )


@pytest.fixture
def page_nojs(browser, live_server):  # type: ignore[no-untyped-def]
    """A browser page with JavaScript switched off: public pages must work without it."""
    context = browser.new_context(base_url=live_server, locale="de-DE", java_script_enabled=False)
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    context.close()


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    for item in items:
        if "page" in getattr(item, "fixturenames", ()) or "page_nojs" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
