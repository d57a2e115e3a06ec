"""Time in one place: the offices' time zone, ``today()`` there and ``now()`` in UTC.

Offices are in Germany: a day (contact log, statistics, deadlines) is a day in Europe/Berlin; stored
timestamps are UTC. A room or an event keeps a zone name of its own (``tz``, Europe/Berlin unless set):
``today(event.tz)`` is its day. This is the one way to ask for a day or a local moment; the server's
clock is never asked for a day (tests/core/test_office_day.py). Tests that need another day
replace ``saas.core.timeutil.today``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

OFFICE_TZ_NAME = "Europe/Berlin"
OFFICE_TZ = ZoneInfo(OFFICE_TZ_NAME)


def zone(name: str | None = None) -> ZoneInfo:
    """A zone by its name, the offices' zone without one."""
    return ZoneInfo(name) if name else OFFICE_TZ


def now() -> dt.datetime:
    """The current moment, timezone-aware in UTC (what the database stores)."""
    return dt.datetime.now(dt.UTC)


def local_now(tz: str | None = None) -> dt.datetime:
    """The current moment in the offices' time zone (or in the zone named)."""
    return dt.datetime.now(zone(tz))


def today(tz: str | None = None) -> dt.date:
    """Today's date in the offices' time zone (or in the zone named), not the server's."""
    return local_now(tz).date()
