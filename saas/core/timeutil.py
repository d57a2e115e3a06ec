"""Time in one place: the offices' time zone, ``today()`` there and ``now()`` in UTC.

Offices are in Germany: a day (contact log, statistics, deadlines) is a day in Europe/Berlin; stored
timestamps are UTC. Tests that need another day replace ``saas.core.timeutil.today``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

OFFICE_TZ = ZoneInfo("Europe/Berlin")


def now() -> dt.datetime:
    """The current moment, timezone-aware in UTC (what the database stores)."""
    return dt.datetime.now(dt.UTC)


def local_now() -> dt.datetime:
    """The current moment in the offices' time zone."""
    return dt.datetime.now(OFFICE_TZ)


def today() -> dt.date:
    """Today's date in the offices' time zone (not the server's)."""
    return local_now().date()
