"""Wall-clock times and recurrences in Europe/Berlin.

Rooms and events are planned in local time: "every Tuesday, 19.00 Uhr" stays 19.00 in winter and in
summer. So we store the local date, the local time and the zone name, and compute instants (UTC) only
when something outside needs them (iCalendar, sorting across zones). Occurrences of a recurrence are
local dates; combining one with the stored local time gives the right instant on either side of a DST
change.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from saas.core.timeutil import OFFICE_TZ_NAME, zone

DEFAULT_TZ = OFFICE_TZ_NAME  # a new room's or event's zone
WEEKDAYS_LONG = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
NTH_LABELS = {1: "ersten", 2: "zweiten", 3: "dritten", 4: "vierten", -1: "letzten"}


class Pattern(enum.StrEnum):
    once = "once"
    weekly = "weekly"
    biweekly = "biweekly"
    monthly = "monthly"  # the n-th weekday of each month (or the last one)

    @property
    def label(self) -> str:
        return {
            "once": "einmalig",
            "weekly": "wöchentlich",
            "biweekly": "jede 2. Woche",
            "monthly": "monatlich (n-ter Wochentag)",
        }[self.value]


def local_datetime(day: dt.date, time: dt.time, tz: str | None = None) -> dt.datetime:
    """The aware local datetime of a wall-clock time on a day.

    A time that does not exist (02.30 on the spring-forward night) is moved forward by the gap, as
    calendar programs do; an ambiguous one (02.30 on the fall-back night) is taken as the first.
    """
    tzinfo = zone(tz)
    naive = dt.datetime.combine(day, time)
    aware = naive.replace(tzinfo=tzinfo, fold=0)
    # Round-trip through UTC normalises a non-existent wall time to the real instant.
    return aware.astimezone(dt.UTC).astimezone(tzinfo)


def to_utc(day: dt.date, time: dt.time, tz: str | None = None) -> dt.datetime:
    return local_datetime(day, time, tz).astimezone(dt.UTC)


def nth_of(day: dt.date) -> int:
    """Which occurrence of its weekday in its month a day is: 1..4, or -1 for a fifth (= the last)."""
    n = (day.day - 1) // 7 + 1
    return -1 if n == 5 else n


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The n-th (1..5, or -1 = last) given weekday of a month, or None if the month has no such day."""
    days_in_month = calendar.monthrange(year, month)[1]
    if nth == -1:
        last = dt.date(year, month, days_in_month)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return day if day.month == month else None


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


@dataclass(frozen=True)
class Recurrence:
    """When something repeats: a pattern, a first date, an inclusive last date, and dates left out.

    The weekday is the first date's weekday; "every 2nd week" counts weeks from the first date;
    "monthly" takes the ``nth`` weekday of each month (default: the first date's).
    """

    pattern: Pattern
    start: dt.date
    until: dt.date | None = None
    nth: int | None = None
    skip: frozenset[dt.date] = field(default_factory=frozenset)

    @property
    def last(self) -> dt.date:
        if self.pattern == Pattern.once:
            return self.start
        if self.until is None:
            raise ValueError("a recurring rule needs a last date")
        return self.until

    @property
    def weekday(self) -> int:
        return self.start.weekday()

    def dates(self, window_start: dt.date | None = None, window_end: dt.date | None = None) -> Iterator[dt.date]:
        """The local dates on which it happens, within the inclusive window, exceptions left out."""
        lo = max(self.start, window_start) if window_start else self.start
        hi = min(self.last, window_end) if window_end else self.last
        if lo > hi:
            return
        for day in self._raw_dates(lo, hi):
            if day not in self.skip:
                yield day

    def _raw_dates(self, lo: dt.date, hi: dt.date) -> Iterator[dt.date]:
        if self.pattern == Pattern.once:
            if lo <= self.start <= hi:
                yield self.start
            return
        if self.pattern in (Pattern.weekly, Pattern.biweekly):
            step = 7 if self.pattern == Pattern.weekly else 14
            offset = (lo - self.start).days
            first = self.start + dt.timedelta(days=-(-offset // step) * step) if offset > 0 else self.start
            day = first
            while day <= hi:
                yield day
                day += dt.timedelta(days=step)
            return
        nth = self.nth or nth_of(self.start)
        year, month = lo.year, lo.month
        while (year, month) <= (hi.year, hi.month):
            found = nth_weekday(year, month, self.weekday, nth)
            if found is not None and lo <= found <= hi:
                yield found
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def describe(self) -> str:
        """German description: ``jeden Dienstag``, ``jeden 2. Dienstag im Monat`` …"""
        day = WEEKDAYS_LONG[self.weekday]
        if self.pattern == Pattern.once:
            return f"einmalig am {self.start:%d.%m.%Y}"
        if self.pattern == Pattern.weekly:
            return f"jeden {day}"
        if self.pattern == Pattern.biweekly:
            return f"jeden zweiten {day}"
        return f"jeden {NTH_LABELS[self.nth or nth_of(self.start)]} {day} im Monat"


def overlaps(a_start: dt.time, a_end: dt.time, b_start: dt.time, b_end: dt.time) -> bool:
    """Do two half-open time ranges on the same day overlap (19–21 and 21–22 do not)?"""
    return a_start < b_end and b_start < a_end


def hours_between(start: dt.time, end: dt.time) -> float:
    """Hours of wall-clock time between two times of one day (a room is booked by the clock)."""
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return max(minutes, 0) / 60


def daterange(first: dt.date, last: dt.date) -> Iterable[dt.date]:
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)
