"""Shared web plumbing: entry pages, dashboard, error pages, mail, tasks, periodic jobs, formatting.

Map
- routes: ``blueprint.py`` → ``public.py`` (start page, health, office home) and ``views.py`` (the
  staff's start page "Übersicht"); error pages: ``errors.py``
- a view's write: ``errors.perform`` (commit, or roll back and show a ``DomainError``)
- row fetchers: ``access.office_row_or_404``; roles: ``access.office_required``
- side effects after commit: ``aftercommit.after_commit``, ``tasks.queue`` (tasks by name), ``mail.queue_message``
- periodic jobs: ``periodic.each_office`` and the one beat ``periodic.schedule()``
- listeners: ``aftercommit`` (after commit / rollback), installed by ``create_app``
- CLI: ``cli.py`` (``lotse db``, ``lotse demo``, ``lotse office``)
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.core import blueprint, cli

    app.register_blueprint(blueprint.bp)
    cli.register(app)
