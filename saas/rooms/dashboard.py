"""Start page panel of the rooms: today's bookings, room by room."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from saas.core import timeutil
from saas.core.dashboard import Item, Panel, register_panel
from saas.rooms import queries


@register_panel(40)
def rooms_panel() -> Panel | None:
    room_list = queries.rooms()
    if not room_list:
        return None
    today = timeutil.today()
    occ = [o for o in queries.occurrences(room_list, today, today, include_cancelled=True)]
    items = [
        Item(
            f"{o.start:%H.%M}–{o.end:%H.%M} · {o.room.name}: "
            + (o.booking.group.name if o.booking.group else o.booking.title),
            url_for("rooms.booking_detail", booking_id=o.booking.id),
            _("fällt aus") if o.cancelled else "",
            warn=o.cancelled,
        )
        for o in occ
    ]
    return Panel(
        key="rooms",
        title=_("Raumbelegung heute"),
        items=items,
        empty=_("Heute ist kein Raum gebucht."),
        more=(_("Räume und Kalender"), url_for("rooms.overview")),
    )
