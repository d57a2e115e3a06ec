"""Favicon, web app manifest, robots.txt and sitemap.xml (per office)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from flask import Response, current_app, g, send_from_directory, url_for
from sqlalchemy import select

from saas.extensions import db
from saas.legal.operations import legal_of, live_tenant_ids
from tenants.models import Tenant

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Office-internal and personal pages: never in a search index.
PRIVATE_PATHS = ("/login", "/konto", "/passwort", "/verband/")


def _base() -> str:
    return current_app.config["BASE_URL"].rstrip("/")


def _static_icons() -> str:
    return f"{current_app.static_folder}/icons"


def favicon() -> Response:
    return send_from_directory(_static_icons(), "favicon.ico", mimetype="image/vnd.microsoft.icon", max_age=86400)


def manifest() -> Response:
    icons = [
        {"src": url_for("static", filename="icons/lotse-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": url_for("static", filename="icons/lotse-512.png"), "sizes": "512x512", "type": "image/png"},
        {"src": url_for("static", filename="icons/lotse.svg"), "sizes": "any", "type": "image/svg+xml"},
    ]
    body = {"name": "Lotse", "short_name": "Lotse", "lang": "de", "icons": icons, "display": "browser"}
    return Response(json.dumps(body), mimetype="application/manifest+json")


def robots() -> Response:
    """The host's robots.txt: the internal areas are closed; each live office's sitemap is named."""
    live = live_tenant_ids()
    tenants = db.session.scalars(select(Tenant).order_by(Tenant.slug)).all()
    lines = ["User-agent: *", "Disallow: /*/intern/", "Disallow: /*/gruppenbereich"]
    lines += [f"Disallow: {path}" for path in PRIVATE_PATHS]
    lines += [f"Disallow: /{t.slug}/" for t in tenants if t.id not in live]  # not live yet: not indexed
    lines.append("")
    lines += [f"Sitemap: {_base()}/{t.slug}/sitemap.xml" for t in tenants if t.id in live]
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


def office_robots(slug: str) -> Response:
    """The office's own robots.txt (for an office served under its own host name, e.g. behind a proxy)."""
    tenant = g.tenant
    legal = legal_of(tenant)
    lines = ["User-agent: *"]
    if legal is None or not legal.complete:
        lines.append(f"Disallow: /{tenant.slug}/")
    else:
        lines += [f"Disallow: /{tenant.slug}/intern/", f"Disallow: /{tenant.slug}/gruppenbereich"]
        lines += ["", f"Sitemap: {_base()}/{tenant.slug}/sitemap.xml"]
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


def sitemap(slug: str) -> Response:
    """Every public page of the office (sitemaps.org 0.9), built with ElementTree so URLs are escaped."""
    from saas.directory.models import PUBLIC_STATUSES, Group
    from saas.events.queries import public_events
    from saas.newsletter.archive import sent_issues

    tenant = g.tenant
    fixed: list[tuple[str, dict]] = [
        ("core.office_home", {}),
        ("directory.public_search", {}),
        ("directory.topics_az", {}),
        ("events.public_list", {}),
        ("newsletter.subscribe", {}),
        ("newsletter.archive", {}),
        ("legal.impressum", {}),
        ("legal.datenschutz", {}),
        ("legal.barrierefreiheit", {}),
        ("legal.leichte_sprache", {}),
    ]
    urls: list[tuple[str, str | None]] = [
        (url_for(endpoint, slug=tenant.slug, **args), None) for endpoint, args in fixed
    ]
    groups = db.session.scalars(select(Group).where(Group.status.in_(PUBLIC_STATUSES)).order_by(Group.id))
    urls += [
        (url_for("directory.public_group", slug=tenant.slug, group_id=grp.id), grp.updated_at.date().isoformat())
        for grp in groups
    ]
    urls += [(url_for("events.public_detail", slug=tenant.slug, event_id=ev.id), None) for ev in public_events()]
    urls += [
        (url_for("newsletter.archive_issue", slug=tenant.slug, issue_id=issue.id), issue.started_at.date().isoformat())
        for issue in sent_issues()
        if issue.started_at
    ]
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    for path, lastmod in urls:
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = _base() + path
        if lastmod:
            ET.SubElement(entry, "lastmod").text = lastmod
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return Response(body, mimetype="application/xml")
