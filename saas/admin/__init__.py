"""Office administration: the office's people and roles, its profile, sites and office hours.

Map
- routes: ``blueprint.py`` → ``views.py``
- writes: ``operations.py`` (add_person, resend_invite, cancel_invite, change_role, remove_person, create_site,
  set_site_hours, …)
- row fetchers: ``access.py`` (``membership_or_404``, ``invite_or_404``, ``site_or_404``)
- tasks, listeners: none
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.admin import blueprint

    app.register_blueprint(blueprint.bp)
