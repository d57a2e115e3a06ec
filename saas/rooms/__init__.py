"""Rooms: rooms per site, opening hours, closures, one-off and recurring bookings.

Map
- routes: ``blueprint.py`` → ``views.py``
- writes: ``operations.py`` (create_room, create_booking, reschedule_booking, cancel_date, add_closure, …)
- periodic step: ``renewals.notify_expiring``; reads: ``queries.py``; row fetchers: ``access.py``
- tasks: ``workers/rooms.py`` (lotse.rooms.notify_expiring)
- listeners: none
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.rooms import blueprint

    app.register_blueprint(blueprint.bp)
