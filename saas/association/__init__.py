"""Associations (Verbände): what offices share, the cross-office aggregation, the analysts' dashboards.

Map
- routes: ``blueprint.py`` → ``views.py``
- writes: ``operations.py`` (runs, plans, counts); the count under its lock: ``aggregation.run``; one
  association's release under its own: ``aggregation.release``
- reads: ``queries.py``, ``report.py``, ``export.py``; small-number suppression: ``suppression.py``
- tasks: ``workers/association.py`` (lotse.association.aggregate, then lotse.association.release per
  association)
- listeners: ``changes.install`` (marks the days whose figures changed)
- CLI: ``cli.py``
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.association import blueprint, changes, cli

    app.register_blueprint(blueprint.bp)
    cli.register(app)
    changes.install()
    changes.register_default_sources()
