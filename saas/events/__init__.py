"""Events (Veranstaltungen): public list and registration, waiting list, staff management, iCalendar.

Map
- routes: ``blueprint.py`` → ``public.py`` (visitors) and ``views.py`` (staff)
- writes: ``operations.py`` (create_event, publish_event, register, accept_offer, record_attendance, …)
- periodic steps: ``lifecycle.py`` (check_minimums, expire_offers, send_reminders, purge_personal_data)
- reads: ``queries.py``; row fetchers: ``access.py``
- tasks: ``workers/events.py`` (one ``each_office`` line per step); beat: ``saas/core/periodic.py``
- listeners: none
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.events import blueprint

    app.register_blueprint(blueprint.bp)
