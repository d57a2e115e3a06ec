"""Data-subject rights (Art. 15, 17 DSGVO) and retention of personal data, across all features.

Map
- routes: ``blueprint.py`` → ``views.py``
- writes: ``operations.py`` (find_person, export_person, erase_person); retention rules: ``retention.py``
- tasks: ``workers/privacy.py`` (lotse.privacy.purge_auth_events)
- listeners: none
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.privacy import blueprint

    app.register_blueprint(blueprint.bp)
