"""Findable offices: favicon and app icon, robots.txt and sitemap.xml per office, canonical URLs, Open Graph
tags and schema.org JSON-LD.

Map
- routes: ``blueprint.py`` → ``public.py``; JSON-LD: ``jsonld.py`` (used by the public templates)
- listeners: none
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.seo import blueprint

    app.register_blueprint(blueprint.bp)
