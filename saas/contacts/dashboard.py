"""Start page panel of the contact log: today's and this week's contacts, with the quick-entry button."""

from __future__ import annotations

import datetime as dt

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import case, func, select

from saas.auth.models import Role
from saas.contacts import operations as ops
from saas.contacts.models import CHANNELS, CONCERNS, KINDS, Contact
from saas.core.access import can
from saas.core.dashboard import Item, Panel, register_panel
from saas.core.formatting import format_number, to_berlin
from saas.extensions import db


@register_panel(10)
def contacts_panel() -> Panel:
    today = ops.today()
    monday = today - dt.timedelta(days=today.weekday())
    in_week = (Contact.day >= monday, Contact.day <= today)
    today_n, week_n = db.session.execute(
        select(func.coalesce(func.sum(case((Contact.day == today, 1), else_=0)), 0), func.count(Contact.id)).where(
            *in_week
        )
    ).one()
    latest = db.session.scalars(select(Contact).where(Contact.day == today).order_by(Contact.id.desc()).limit(5)).all()
    editable = can(Role.staff)
    items = [
        Item(
            f"{_(KINDS[c.kind])}: {_(CONCERNS[c.concern])}",
            url_for("contacts.edit", contact_id=c.id) if editable else url_for("contacts.log", year=today.year),
            _meta(c),
        )
        for c in latest
    ]
    return Panel(
        key="contacts",
        title=_("Kontakte"),
        figure=_("%(today)s heute · %(week)s diese Woche", today=format_number(today_n), week=format_number(week_n)),
        items=items,
        empty=_("Heute noch kein Kontakt erfasst."),
        actions=[(_("Kontakt erfassen"), url_for("contacts.quick_entry"))] if editable else [],
        more=(_("Kontaktliste"), url_for("contacts.log", year=today.year)),
    )


def _meta(contact: Contact) -> str:
    """How and when a contact was taken, and its topic: two contacts of the same kind and concern on one day
    are two lines, not one entered twice ("Telefonisch · 10.42 Uhr · Depression")."""
    entered = to_berlin(contact.created_at)
    parts = [
        _(CHANNELS[contact.channel]),
        _("%(hour)s.%(minute)s Uhr", hour=f"{entered.hour:02d}", minute=f"{entered.minute:02d}"),
    ]
    return " · ".join([*parts, contact.topic_label] if contact.topic_label else parts)
