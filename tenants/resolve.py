"""Resolve the office from the URL prefix ``/<slug>/…`` and bind it for the request.

Most views get ``g.tenant``, the office row in the request's session. A view marked :func:`by_office_key`
(the cached Wegweiser search) needs only the office's :class:`OfficeKey` to answer from the page cache:
resolving reads just that, in one autocommit statement on a small connection pool of its own, so a
cache hit begins no transaction, checks out no session connection and rolls nothing back. ``g.tenant``
is then loaded in the request's session on first use (a cache miss renders the page as before).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from threading import Lock
from typing import Any, TypeVar

from flask import Flask, abort, current_app, g, request
from flask.ctx import _AppCtxGlobals
from sqlalchemy import bindparam, create_engine, select
from sqlalchemy.engine import Engine

from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import bind_tenant, unbind_tenant

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class OfficeKey:
    """An office and the version of what its public directory pages show (see saas.directory.cache)."""

    id: int
    slug: str
    created_at: dt.datetime | str
    directory_version: int

    @classmethod
    def of(cls, tenant: Tenant) -> OfficeKey:
        return cls(tenant.id, tenant.slug, tenant.created_at, tenant.directory_version)


def get_tenant_by_slug(slug: str) -> Tenant | None:
    return db.session.scalar(select(Tenant).where(Tenant.slug == slug))


def by_office_key(view: F) -> F:
    """Mark a view that can answer from :func:`office_key` alone; ``g.tenant`` is loaded when used."""
    view.by_office_key = True  # type: ignore[attr-defined]  # a marker on the view function, read with getattr
    return view


def office_key() -> OfficeKey:
    """The current office's key: as resolved for a view marked :func:`by_office_key`, else from g.tenant."""
    key = g.__dict__.get("office_key")
    return key if key is not None else OfficeKey.of(g.tenant)


_KEY_QUERY = select(Tenant.id, Tenant.created_at, Tenant.directory_version).where(Tenant.slug == bindparam("slug"))
_engine_lock = Lock()


@dataclass(frozen=True, slots=True)
class _KeyLookup:
    engine: Engine
    sql: str
    positional: bool


def _key_lookup() -> _KeyLookup:
    """A small pool beside the session's, in autocommit: a lone SELECT needs no BEGIN/ROLLBACK round trips,
    and there is no pre-ping round trip per checkout (a dropped connection is retried once instead)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]  # LocalProxy's; Flask types the proxy as Flask
    lookup = app.extensions.get("lotse_office_key")
    if lookup is None:
        with _engine_lock:
            lookup = app.extensions.get("lotse_office_key")
            if lookup is None:
                options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
                options.pop("pool_pre_ping", None)
                engine = create_engine(
                    db.engine.url, isolation_level="AUTOCOMMIT", pool_reset_on_return=None, **options
                )
                compiled = _KEY_QUERY.compile(dialect=engine.dialect)
                lookup = _KeyLookup(engine, str(compiled), bool(compiled.positiontup))
                app.extensions["lotse_office_key"] = lookup
    return lookup


def lookup_office_key(slug: str) -> OfficeKey | None:
    """The office's key as committed right now (an autocommit read sees every finished write).

    Straight on the driver's connection: this runs for every Wegweiser search, and SQLAlchemy's
    Connection and Result layers would cost more than the query. No RLS settings are needed: ``tenants``
    has no ``tenant_id``, and the connection holds no transaction to carry them.
    """
    lookup = _key_lookup()
    params: Any = (slug,) if lookup.positional else {"slug": slug}
    for attempt in (1, 2):
        conn = lookup.engine.raw_connection()
        cursor = None
        try:
            cursor = conn.cursor()
            cursor.execute(lookup.sql, params)
            row = cursor.fetchone()
            break
        except lookup.engine.dialect.loaded_dbapi.Error as exc:
            if attempt == 2 or not lookup.engine.dialect.is_disconnect(exc, conn.dbapi_connection, cursor):
                raise
            # PostgreSQL restarted or dropped its connections: every pooled one is as dead as this one, so
            # the pool starts afresh (as SQLAlchemy's own disconnect handling does) and the retry connects.
            conn.invalidate()
            lookup.engine.dispose()
        finally:
            if cursor is not None:
                cursor.close()
            conn.close()
    # created_at as the driver returns it (SQLite: text); it is only compared, see saas.directory.cache.
    return None if row is None else OfficeKey(row[0], slug, row[1], row[2])


class OfficeGlobals(_AppCtxGlobals):
    """``g`` that loads the office row on first use when the request resolved only its key."""

    def __getattr__(self, name: str) -> Any:
        key = self.__dict__.get("office_key")
        if name != "tenant" or key is None:
            return super().__getattr__(name)
        tenant = db.session.get(Tenant, key.id)
        if tenant is None:  # deleted since the lookup
            self.tenant = None
            abort(404)
        self.tenant = tenant
        return tenant


def init_app(app: Flask) -> None:
    app.app_ctx_globals_class = OfficeGlobals

    @app.before_request
    def _bind_tenant_from_url() -> None:
        unbind_tenant()  # a reused thread must never carry the previous request's office
        # Flask reuses an already pushed app context (tests, CLI) for requests; nothing cached in g by
        # an earlier request (current user, CSRF token, office) may survive into this one.
        g.__dict__.clear()
        g.tenant = None
        slug = (request.view_args or {}).get("slug")
        if slug is None:
            return
        if getattr(app.view_functions.get(request.endpoint or ""), "by_office_key", False):
            key = lookup_office_key(slug)
            if key is None:
                abort(404)
            del g.tenant  # loaded on first use (OfficeGlobals)
            g.office_key = key
            bind_tenant(key.id)
            return
        tenant = get_tenant_by_slug(slug)
        if tenant is None:
            abort(404)
        g.tenant = tenant
        bind_tenant(tenant.id)

    @app.url_defaults
    def _keep_slug(endpoint: str, values: dict) -> None:
        # url_for() inside an office page keeps the office unless another is named.
        if "slug" in values or not getattr(g, "tenant", None):
            return
        if app.url_map.is_endpoint_expecting(endpoint, "slug"):
            values["slug"] = g.tenant.slug

    @app.teardown_request
    def _unbind(_exc: BaseException | None) -> None:
        unbind_tenant()
        db.session.remove()  # the request's own session (see saas.extensions._session_scope)

    @app.context_processor
    def _tenant_in_templates() -> dict:
        return {"tenant": getattr(g, "tenant", None)}
