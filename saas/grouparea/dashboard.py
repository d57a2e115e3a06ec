"""Start page panel of the group area: what groups sent and staff still has to approve or decline."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from saas.core.dashboard import Item, Panel, register_panel
from saas.core.formatting import format_number
from saas.extensions import db
from saas.grouparea.models import GroupChangeProposal
from saas.grouparea.views import KINDS

LIMIT = 6


@register_panel(65)
def group_requests_panel() -> Panel:
    """One query per kind (four), whatever the number waiting: each row comes with its group."""
    waiting: list[tuple[Any, str]] = []
    for kind, label in KINDS.values():
        model: Any = kind
        rows = db.session.scalars(
            select(model).options(joinedload(model.group)).where(model.state == "pending").order_by(model.submitted_at)
        ).all()
        waiting += [(row, label) for row in rows]
    waiting.sort(key=lambda pair: pair[0].submitted_at)
    inbox = url_for("grouparea.staff_inbox")
    items = [
        Item(
            row.group.name,
            url_for("grouparea.staff_proposal", proposal_id=row.id) if isinstance(row, GroupChangeProposal) else inbox,
            _(label),
        )
        for row, label in waiting[:LIMIT]
    ]
    return Panel(
        key="grouparea",
        title=_("Von Gruppen"),
        figure=format_number(len(waiting)) if waiting else "",
        items=items,
        empty=_("Nichts wartet auf Freigabe."),
        more=(_("Alles von Gruppen"), inbox),
    )
