"""Start page panel of the events: events that wait for a decision (take place or cancel), then the next
events with registrations against the minimum."""

from __future__ import annotations

import datetime as dt

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select

from saas.core import timeutil
from saas.core.dashboard import Item, Panel, register_panel
from saas.core.formatting import format_number
from saas.events.models import Event, EventStatus
from saas.events.queries import counts_for, decisions_pending
from saas.extensions import db

LIMIT = 5


def _day(day: dt.date, today: dt.date) -> str:
    """ "10.12." this year; with the year in another ("25.01.2027" seen in December, not a bare "25.01.")."""
    return f"{day:%d.%m.}" if day.year == today.year else f"{day:%d.%m.%Y}"


@register_panel(30)
def events_panel() -> Panel:
    today = timeutil.today()
    events = db.session.scalars(
        select(Event)
        .where(Event.status == EventStatus.published, Event.start_date >= today)
        .order_by(Event.start_date, Event.start_time, Event.id)
        .limit(LIMIT)
    ).all()
    pending = decisions_pending()
    waiting = {e.id for e in pending}
    events = [*pending, *(e for e in events if e.id not in waiting)][:LIMIT]
    counts = counts_for([e.id for e in events])  # one query for all
    items = []
    for e in events:
        n = counts[e.id].confirmed
        if e.id in waiting and not e.min_participants:
            meta = _("Entscheidung nötig: %(n)s Anmeldungen", n=format_number(n))
        elif e.id in waiting:
            meta = _(
                "Entscheidung nötig: %(n)s Anmeldungen, mindestens %(min)s", n=format_number(n), min=e.min_participants
            )
        elif e.min_participants:
            meta = _("%(n)s Anmeldungen, mindestens %(min)s", n=format_number(n), min=e.min_participants)
        elif e.capacity:
            meta = _("%(n)s von %(cap)s Plätzen belegt", n=format_number(n), cap=e.capacity)
        else:
            meta = _("%(n)s Anmeldungen", n=format_number(n))
        items.append(
            Item(
                f"{_day(e.start_date, today)} {e.start_time:%H.%M} · {e.title}",
                url_for("events.staff_detail", event_id=e.id),
                meta,
                warn=e.id in waiting or bool(e.min_participants and n < e.min_participants),
            )
        )
    return Panel(
        key="events",
        title=_("Nächste Veranstaltungen"),
        figure=ngettext("%(num)s Entscheidung nötig", "%(num)s Entscheidungen nötig", len(pending)) if pending else "",
        items=items,
        empty=_("Keine Veranstaltung geplant."),
        more=(_("Alle Veranstaltungen"), url_for("events.staff_list")),
    )
