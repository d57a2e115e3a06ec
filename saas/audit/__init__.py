"""Audit log: who did what, when — append-only, and never personal data of citizens.

Map
- routes: ``blueprint.py`` → ``views.py`` (the office's log)
- writes: ``operations.py`` (record, record_auth)
- listeners: ``hooks.install`` (records audited changes at every flush), ``models.install`` (append-only)
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.audit import blueprint, hooks, models

    app.register_blueprint(blueprint.bp)
    hooks.install()
    models.install()
