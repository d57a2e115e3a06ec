"""The office's start page ("Übersicht") in the staff area."""

from __future__ import annotations

from flask import render_template

from saas.core.access import current_membership, office_required


@office_required()
def dashboard(slug: str):  # type: ignore[no-untyped-def]
    from saas.core.dashboard import dashboard_cards, dashboard_panels

    return render_template(
        "core/dashboard.html", membership=current_membership(), cards=dashboard_cards(), panels=dashboard_panels()
    )
