"""Public entry pages: the platform's index, the health check and an office's home page."""

from __future__ import annotations

from flask import g, render_template
from flask.typing import ResponseReturnValue
from sqlalchemy import select, text

from saas.extensions import db
from tenants.models import Site, Tenant


def index() -> ResponseReturnValue:
    from saas.legal.operations import live_tenant_ids

    # Only offices with a complete Impressum are live (§ 5 DDG): the others are not listed yet.
    live = live_tenant_ids()
    tenants = [t for t in db.session.scalars(select(Tenant).order_by(Tenant.name)) if t.id in live]
    return render_template("core/index.html", tenants=tenants)


def health() -> ResponseReturnValue:
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}


def office_home(slug: str) -> ResponseReturnValue:
    from saas.directory.queries import example_topics

    sites = db.session.scalars(select(Site).order_by(Site.position, Site.id)).all()
    return render_template("core/office_home.html", office=g.tenant, sites=sites, examples=example_topics())
