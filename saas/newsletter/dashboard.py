"""Start page panel of the newsletter: drafts and scheduled issues."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select

from saas.core.dashboard import Item, Panel, register_panel
from saas.core.formatting import format_datetime_de
from saas.extensions import db
from saas.newsletter.models import Issue, IssueStatus

_ENDPOINT = {IssueStatus.draft: "newsletter.issue_edit"}


@register_panel(70)
def newsletter_panel() -> Panel:
    issues = db.session.scalars(
        select(Issue)
        .where(Issue.status.in_((IssueStatus.draft, IssueStatus.scheduled)))
        .order_by(Issue.scheduled_at.is_(None), Issue.scheduled_at, Issue.updated_at.desc())
        .limit(6)
    ).all()
    items = [
        Item(
            i.subject,
            url_for(_ENDPOINT.get(i.status, "newsletter.issue_detail"), issue_id=i.id),
            _("geplant für %(at)s", at=format_datetime_de(i.scheduled_at))  # office time, not UTC
            if i.status == IssueStatus.scheduled and i.scheduled_at
            else _("Entwurf"),
        )
        for i in issues
    ]
    return Panel(
        key="newsletter",
        title=_("Newsletter"),
        items=items,
        empty=_("Kein Entwurf und keine geplante Ausgabe."),
        more=(_("Newsletter"), url_for("newsletter.index")),
    )
