"""What a group sees of a room: when it is open and free. Other groups' bookings show as "belegt" only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from saas.rooms.models import Room
from saas.rooms.queries import closures_in, occurrences

# The room-use terms a group accepts online with its request (stored with the request as accepted).
ROOM_TERMS = _l(
    "Die Räume der Kontaktstelle stehen Selbsthilfegruppen kostenlos zur Verfügung. Die Gruppe nutzt den "
    "Raum nur zu den vereinbarten Zeiten, hinterlässt ihn aufgeräumt, schließt Fenster und Türen und gibt "
    "den Schlüssel wie vereinbart zurück. Ein Termin, den die Gruppe nicht braucht, wird der Kontaktstelle "
    "rechtzeitig abgesagt. Die Räume sind rauchfrei; Alkohol und andere Drogen sind nicht erlaubt. Die "
    "Kontaktstelle kann eine Vereinbarung beenden, wenn diese Regeln wiederholt nicht eingehalten werden."
)


@dataclass
class DaySlots:
    day: dt.date
    opens: list[tuple[dt.time, dt.time]] = field(default_factory=list)
    busy: list[tuple[dt.time, dt.time, bool]] = field(default_factory=list)  # (start, end, our own group)
    closed_label: str = ""

    @property
    def free(self) -> list[tuple[dt.time, dt.time]]:
        """Opening hours minus the bookings: the times a request can fit in."""
        result = []
        for opens, closes in self.opens:
            cursor = opens
            for start, end, _own in sorted(self.busy):
                if end <= cursor or start >= closes:
                    continue
                if start > cursor:
                    result.append((cursor, start))
                cursor = max(cursor, end)
            if cursor < closes:
                result.append((cursor, closes))
        return result


def free_slots(room: Room, first: dt.date, last: dt.date, *, own_group_id: int) -> list[DaySlots]:
    """Each opening day of the room between two dates with its free and busy times (no names)."""
    closed = closures_in(room.site_id, first, last)
    by_day: dict[dt.date, DaySlots] = {}
    day = first
    while day <= last:
        hours = [(o.opens, o.closes) for o in room.opening if o.weekday == day.weekday()]
        if hours:
            by_day[day] = DaySlots(day, sorted(hours), closed_label=closed.get(day, ""))
        day += dt.timedelta(days=1)
    for occ in occurrences([room], first, last):
        slot = by_day.setdefault(occ.day, DaySlots(occ.day))
        slot.busy.append((occ.start, occ.end, occ.booking.group_id == own_group_id))
    return [by_day[d] for d in sorted(by_day)]
