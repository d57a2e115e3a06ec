"""The group area (Gruppenbereich): a group's contact person signs in by link and keeps the group's
entry, events, newsletter items, room requests and funding; staff approve what goes public.

Map
- routes: ``blueprint.py`` → ``public.py`` (the group, signed in by link; its funding) and ``views.py``
  (staff: approvals, the funding overview)
- sign-in and session: ``session.py`` (one-time links, the limited group session, ``group_required``)
- writes: ``operations.py`` (propose_changes, approve_changes, submit_event, request_room, …),
  ``funding.py`` (save_funding, set_deadline, send_due_reminders)
- reads: ``funding.year_overview``, ``rooms.free_slots``; mails: ``mails.py`` (German or English)
- tasks: ``workers/grouparea.py`` (lotse.grouparea.funding_reminders, purge_tokens); beat: ``saas/core/periodic.py``
- listeners: none; a logging filter masks sign-in tokens in access logs
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.grouparea import blueprint, session

    app.register_blueprint(blueprint.bp)
    session.install_log_filter()
