"""Start page panels of the directory: open inquiries with their age, groups due for their yearly
confirmation, founding processes in progress."""

from __future__ import annotations

import datetime as dt

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from saas.auth.models import Role
from saas.core import timeutil
from saas.core.access import can
from saas.core.dashboard import Item, Panel, register_panel
from saas.core.formatting import format_date, format_number
from saas.directory.models import LIVE_STATUSES, Group, GroupInquiry
from saas.directory.queries import stale_cutoff
from saas.extensions import db
from tenants.models import utcnow

LIMIT = 6


def _age(since: dt.datetime, now: dt.datetime) -> str:
    if since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    days = (now - since).days
    if days <= 0:
        return _("heute")
    if days == 1:
        return _("seit gestern")
    return _("seit %(days)s Tagen", days=days)


@register_panel(20)
def inquiries_panel() -> Panel | None:
    if not can(Role.staff):
        return None
    now = utcnow()
    open_ = GroupInquiry.state == "open"
    total = db.session.scalar(select(func.count(GroupInquiry.id)).where(open_)) or 0
    rows = db.session.scalars(
        select(GroupInquiry)
        .options(joinedload(GroupInquiry.group))
        .where(open_)
        .order_by(GroupInquiry.created_at)
        .limit(LIMIT)
    ).all()
    items = [
        Item(
            _("Anfrage an %(group)s", group=r.group.name if r.group else _("(entfernte Gruppe)")),
            url_for("directory.inquiry_detail", inquiry_id=r.id),
            _age(r.created_at, now),
            warn=(now - (r.created_at if r.created_at.tzinfo else r.created_at.replace(tzinfo=dt.UTC))).days >= 3,
        )
        for r in rows
    ]
    return Panel(
        key="inquiries",
        title=_("Offene Anfragen"),
        figure=format_number(total),
        items=items,
        empty=_("Keine offenen Anfragen."),
        more=(_("Alle Anfragen"), url_for("directory.inquiry_list")),
    )


@register_panel(50)
def confirmations_panel() -> Panel:
    cutoff = stale_cutoff()
    due = (Group.status.in_(LIVE_STATUSES), func.coalesce(Group.confirmed_at, Group.created_at) < cutoff)
    total = db.session.scalar(select(func.count(Group.id)).where(*due)) or 0
    groups = db.session.scalars(
        select(Group).where(*due).order_by(func.coalesce(Group.confirmed_at, Group.created_at)).limit(LIMIT)
    ).all()
    items = [
        Item(
            g.name,
            url_for("directory.group_detail", group_id=g.id),
            _("zuletzt bestätigt %(day)s", day=format_date(g.confirmed_at)) if g.confirmed_at else _("nie bestätigt"),
        )
        for g in groups
    ]
    return Panel(
        key="confirmations",
        title=_("Jährliche Bestätigung fällig"),
        figure=format_number(total),
        items=items,
        empty=_("Alle Gruppeneinträge sind bestätigt."),
        more=(_("Alle fälligen Gruppen"), url_for("directory.group_list", stale=1, sort="confirmed")),
    )


@register_panel(60)
def founding_panel() -> Panel:
    founding = Group.status == "founding"
    total = db.session.scalar(select(func.count(Group.id)).where(founding)) or 0
    groups = db.session.scalars(select(Group).where(founding).order_by(Group.status_since, Group.id).limit(LIMIT)).all()
    today = timeutil.today()
    items = [
        Item(
            g.name,
            url_for("directory.group_detail", group_id=g.id),
            _("im Aufbau seit %(days)s Tagen", days=(today - g.status_since).days) if g.status_since else "",
        )
        for g in groups
    ]
    return Panel(
        key="founding",
        title=_("Gruppen im Aufbau"),
        figure=format_number(total),
        items=items,
        empty=_("Zurzeit gründet sich keine Gruppe."),
        more=(_("Alle Gruppen im Aufbau"), url_for("directory.group_list", status="founding")),
    )
