"""Funders' reports: the Sachbericht (PDF, DOCX), the annual report as DOCX and the NAKOS-survey sheet (XLSX).

Map
- routes: ``blueprint.py`` → ``views.py`` (staff downloads; the association's NAKOS sheet for analysts)
- documents: ``document.py`` (one block model, written as DOCX with python-docx or PDF with fpdf2),
  ``reports.py`` (what each document holds), ``figures.py`` (every figure's JSON key, label and definition)
- reads: ``queries.py`` (the annual report's ``profile`` section; the year's events and newsletter issues)
- writes, tasks, listeners: none; CLI: ``cli.py`` (``lotse report sachbericht``, ``lotse report nakos``)
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register this feature with the app (called once per app by ``saas.create_app``)."""
    from saas.funders import blueprint, cli

    app.register_blueprint(blueprint.bp)
    cli.register(app)
