"""The legally required pages of every office: Impressum (§ 5 DDG), Datenschutzerklärung (DSGVO Art. 13/14),
Erklärung zur Barrierefreiheit (BITV 2.0 / BFSG) and a page in Leichte Sprache.

Map
- routes: ``blueprint.py`` → ``public.py`` (public pages, the feedback form) and ``views.py`` (the admin's
  forms)
- writes: ``operations.py`` (update_legal, record_privacy_notice, send_accessibility_feedback)
- the privacy notice's text: ``notice.py`` (from the office's features and retention settings)
- default texts: ``texts.py``; demo data: ``demo.py``
- listeners: none
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.legal import blueprint

    app.register_blueprint(blueprint.bp)
