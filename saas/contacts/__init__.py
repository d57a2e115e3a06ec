"""The contact log (Kontakterfassung), its statistics and the annual report (HTML, CSV, PDF).

Map
- routes: ``blueprint.py`` → ``views.py``
- writes: ``operations.py`` (record_contact, update_contact, delete_contact, start_report_render,
  render_report_pdf); CSV import: ``importer.py``
- reads: ``queries.py``, ``report.py``; row fetchers: ``access.py``
- tasks: ``workers/contacts.py`` (lotse.contacts.render_annual_pdf)
- listeners: none; CLI: ``cli.py``
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.contacts import blueprint, cli

    app.register_blueprint(blueprint.bp)
    cli.register(app)
