"""The office's start page ("Übersicht") in the staff area."""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue

from saas.core.access import current_membership, office_required


@office_required()
def dashboard(slug: str) -> ResponseReturnValue:
    from saas.core.dashboard import dashboard_panels

    return render_template("core/dashboard.html", membership=current_membership(), panels=dashboard_panels())
