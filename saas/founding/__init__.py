"""Founding support (Gründungsbegleitung) and effort cases (Gruppenbegleitung, Konfliktberatung).

Map
- routes: ``blueprint.py`` → ``views.py`` (staff: /intern/gruendungen, /intern/begleitung)
- writes: ``operations.py`` (create_process, add_interest — also the API for the Wegweiser's founding-interest
  form —, record_milestone, book_first_meeting, send_invitations, found_group, abandon, purge_closed_interests,
  open_case, add_session, close_case)
- reads: ``queries.py`` (waiting per topic; the annual report's ``founding`` and ``support`` sections);
  row fetchers: ``access.py``
- tasks: ``workers/founding.py`` (lotse.founding.purge_interests); beat: ``saas/core/periodic.py``
- listeners: none; demo: ``demo.py`` (a separate seeder)
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.founding import blueprint

    app.register_blueprint(blueprint.bp)
