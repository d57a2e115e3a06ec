"""Newsletter: double opt-in sign-up, issues, sending through a transactional outbox, bounces.

Map
- routes: ``blueprint.py`` → ``public.py`` (visitors: sign-up, unsubscribe, archive, feed) and ``views.py``
  (staff)
- writes: ``operations.py`` (subscribers), ``issue_operations.py`` (issues); sending: ``outbox.py``, ``sending.py``
- reads: ``queries.py``; row fetchers: ``access.py``
- tasks: ``workers/newsletter.py`` (run_job, sweep, cleanup, poll_mailbox)
- listeners: none; CLI: ``cli.py``
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.newsletter import blueprint, cli

    app.register_blueprint(blueprint.bp)
    cli.register(app)
