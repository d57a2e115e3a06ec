"""The read-only JSON API of the public directory (OpenAPI description in ``openapi.py``).

Map
- routes: ``blueprint.py`` → ``public.py``; shapes: ``schemas.py``
- writes, tasks, listeners: none
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.api import blueprint

    app.register_blueprint(blueprint.bp)
