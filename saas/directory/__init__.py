"""The directory (Wegweiser): groups, topics, the public search, inquiries to protected groups.

Map
- routes: ``blueprint.py`` → ``public.py`` (visitors) and ``views.py`` (staff)
- writes: ``operations.py`` (create_group, change_status, create_inquiry, notify_inquiry, send_due_confirmations, …)
- reads: ``queries.py``, ``search.py``; row fetchers: ``access.py``
- tasks: ``workers/directory.py`` (lotse.directory.notify_inquiry, send_confirmations, purge_inquiries)
- listeners: ``cache.install`` (bumps the office's directory version; public pages are cached by it)
- CLI: ``cli.py``
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.directory import blueprint, cache, cli

    app.register_blueprint(blueprint.bp)
    cli.register(app)
    cache.install()
