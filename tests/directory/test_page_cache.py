"""The public search page: no cookie for visitors, cached, and never stale after a change."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool

from saas.directory.models import Group
from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import tenant_context
from tests.conftest import IS_POSTGRES, owner_engine
from tests.directory.helpers import make_group


def test_visitors_get_no_cookie_on_public_pages(client, world):
    """Do the office home, the Wegweiser and the topic list set no cookie for a visitor?"""
    make_group(world.dortmund, "Selbsthilfe bei Angst", ["Angst"])
    for url in ("/dortmund/", "/dortmund/gruppen?q=angst", "/dortmund/themen"):
        response = client.get(url)
        assert response.status_code == 200 and "Set-Cookie" not in response.headers, url


def test_cached_search_shows_changes_at_once(client, world, monkeypatch):
    """Is a repeated search served from the cache, and does any change to a group show immediately?"""
    from saas.directory import public

    group = make_group(world.dortmund, "Selbsthilfe bei Angst", ["Angst"])
    calls = []
    original = public._search
    monkeypatch.setattr(public, "_search", lambda *a, **k: calls.append(1) or original(*a, **k))

    first = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    second = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    assert "Selbsthilfe bei Angst" in first and first == second and len(calls) == 1

    with tenant_context(world.dortmund.id):
        db.session.merge(group).name = "Mut statt Angst"
        db.session.commit()
    third = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    assert "Mut statt Angst" in third and len(calls) == 2


def test_office_profile_change_also_renews_the_page(client, world):
    client.get("/dortmund/gruppen?q=x")
    world.dortmund.phone = "0231 777 000"
    db.session.commit()
    assert "0231 777 000" in client.get("/dortmund/gruppen?q=x").get_data(as_text=True)


def test_hamm_and_english_pages_are_separate_entries(client, world):
    make_group(world.dortmund, "Dortmunder Angstgruppe", ["Angst"])
    make_group(world.hamm, "Hammer Angstgruppe", ["Angst"])
    assert "Hammer" not in client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    assert "Dortmunder" not in client.get("/hamm/gruppen?q=angst").get_data(as_text=True)
    client.get("/sprache/en?next=/dortmund/gruppen?q=angst")
    english = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    assert 'lang="en"' in english


class _DatabaseUse:
    """Pool checkouts (all pools, and the session engine's own) and the statements SQLAlchemy sends."""

    def __init__(self) -> None:
        self.checkouts = 0
        self.session_checkouts = 0
        self.statements: list[str] = []

    def _checkout(self, *args: object) -> None:
        self.checkouts += 1

    def _session_checkout(self, *args: object) -> None:
        self.session_checkouts += 1

    def _execute(self, conn, cursor, statement, params, context, many) -> None:  # type: ignore[no-untyped-def]
        self.statements.append(statement)

    def __enter__(self) -> _DatabaseUse:
        event.listen(Pool, "checkout", self._checkout)
        event.listen(db.engine.pool, "checkout", self._session_checkout)
        event.listen(Engine, "before_cursor_execute", self._execute)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(Pool, "checkout", self._checkout)
        event.remove(db.engine.pool, "checkout", self._session_checkout)
        event.remove(Engine, "before_cursor_execute", self._execute)


def test_a_cache_hit_takes_one_lookup_and_no_session(client, world):
    """Does a repeated visitor search cost one connection checkout for the office lookup only: no session
    connection (no pre-ping, BEGIN, RLS settings or ROLLBACK) and no statement through SQLAlchemy?"""
    make_group(world.dortmund, "Selbsthilfe bei Angst", ["Angst"])
    first = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    with _DatabaseUse() as use:
        second = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    assert second == first and "Selbsthilfe bei Angst" in second
    assert (use.checkouts, use.session_checkouts, use.statements) == (1, 0, [])


def test_a_change_committed_by_another_process_shows_at_once(client, world):
    """Is a cached page replaced as soon as another process (a second gunicorn worker, a Celery task, a CLI
    import) commits a change? Its write reaches this process only through the database: no hook runs
    here, so a copy of the office's version kept in this process would serve the old page."""
    group = make_group(world.dortmund, "Selbsthilfe bei Angst", ["Angst"])
    assert "Selbsthilfe bei Angst" in client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    # What another process's flush writes (saas.directory.cache bumps the version in the same transaction),
    # on a connection of its own.
    with owner_engine().begin() as conn:
        conn.execute(update(Group).where(Group.id == group.id).values(name="Mut statt Angst"))
        conn.execute(
            update(Tenant).where(Tenant.id == world.dortmund.id).values(directory_version=Tenant.directory_version + 1)
        )
    page = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    assert "Mut statt Angst" in page and "Selbsthilfe bei Angst" not in page


def test_unknown_office_search_answers_404_and_staff_still_see_the_search(client, world):
    """Does the search of an office that does not exist answer 404, and does a logged-in person (never
    served from the cache) get the page rendered with the office's details?"""
    assert client.get("/gibt-es-nicht/gruppen?q=angst").status_code == 404
    make_group(world.dortmund, "Selbsthilfe bei Angst", ["Angst"])
    client.login(world.dortmund_staff.email)
    page = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    assert "Selbsthilfe bei Angst" in page and world.dortmund.name in page


def _drop_idle_connections() -> int:
    """Terminate every idle connection to the test database, as a restart or failover would; their number."""
    with owner_engine().begin() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle'"
                )
            ).scalar()
            or 0
        )


@pytest.mark.postgres
@pytest.mark.skipif(not IS_POSTGRES, reason="a dropped server connection is a PostgreSQL matter")
def test_office_lookup_survives_dropped_connections(client, world):
    """After PostgreSQL dropped the app's idle pooled connections (restart, failover), does the next search
    still answer, although the office lookup's pool does not ping before each use?"""
    make_group(world.dortmund, "Selbsthilfe bei Angst", ["Angst"])
    first = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    dropped = _drop_idle_connections()
    assert dropped >= 1
    assert client.get("/dortmund/gruppen?q=angst").get_data(as_text=True) == first


@pytest.mark.postgres
@pytest.mark.skipif(not IS_POSTGRES, reason="a dropped server connection is a PostgreSQL matter")
def test_office_lookup_survives_a_restart_with_several_pooled_connections(app, client, world):
    """After a restart dropped every idle connection, is the office lookup's whole pool known to be dead,
    not only the connection that failed first? (It retried once, on the next pooled connection, which was
    dead too: the search answered 500 until each stale connection had failed once.)"""
    from tenants.resolve import _key_lookup

    make_group(world.dortmund, "Selbsthilfe bei Angst", ["Angst"])
    first = client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)
    with app.app_context():
        engine = _key_lookup().engine
    held = [engine.raw_connection() for _ in range(3)]  # three connections in the pool, as under load
    for conn in held:
        conn.close()
    dropped = _drop_idle_connections()
    assert dropped >= 3
    assert client.get("/dortmund/gruppen?q=angst").get_data(as_text=True) == first
    assert client.get("/dortmund/gruppen?q=angst").get_data(as_text=True) == first
