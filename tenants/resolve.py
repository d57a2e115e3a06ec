"""Resolve the office from the URL prefix ``/<slug>/…`` and bind it for the request."""

from __future__ import annotations

from flask import Flask, abort, g, request
from sqlalchemy import select

from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import bind_tenant, unbind_tenant


def get_tenant_by_slug(slug: str) -> Tenant | None:
    return db.session.scalar(select(Tenant).where(Tenant.slug == slug))


def init_app(app: Flask) -> None:
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
