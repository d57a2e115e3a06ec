"""Every "today" of the app is the office's day (Europe/Berlin, ``saas.core.timeutil.today``), never the server's.

Between midnight in Berlin and midnight UTC (23:00–24:00 UTC in winter, 22:00–24:00 in summer) the two differ. Code
that asked ``dt.date.today()`` dated a group's status, the form's default status date, the future-date check of a
contact, the newsletter's "new groups", the association's changes and the export file names by the server's
day, while the contacts, the dashboard and the deadlines used the office's: a CI run at 23:45 UTC failed two
tests (the dashboard's contacts of today, the funding reminder due in four weeks).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from saas.core import timeutil
from tests.directory.helpers import make_group

ROOT = Path(__file__).resolve().parents[2]
SERVER_CLOCK = re.compile(r"\bdate\.today\(\)|\bdatetime\.now\(\)|\bdatetime\.utcnow\(\)")
# Any clock but timeutil's: rooms and events asked recurrence.today_local(tz), the rest timeutil.today(), and 19
# places dt.datetime.now(dt.UTC) beside timeutil.now(): the same answers by four ways (s30, "one way").
OTHER_CLOCK = re.compile(r"\bdatetime\.now\(|\btoday_local\(|\bnow_local\(")
TIMEUTIL = ROOT / "saas" / "core" / "timeutil.py"


def _lines(pattern: re.Pattern[str], skip: Path | None = None) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("saas", "workers", "tenants")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != skip
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_no_code_asks_the_servers_day() -> None:
    assert _lines(SERVER_CLOCK) == []


def test_every_clock_is_timeutils() -> None:
    assert _lines(OTHER_CLOCK, skip=TIMEUTIL) == []


def test_a_room_or_event_zone_gives_its_own_day() -> None:
    """``today(tz)`` is the day in the zone named: at 23:30 UTC it is already tomorrow in Berlin and still today
    in New York (a zone a room could be given), and no zone is the offices' zone."""
    berlin, new_york = timeutil.today("Europe/Berlin"), timeutil.today("America/New_York")
    assert timeutil.today() == berlin
    assert 0 <= (berlin - new_york).days <= 1
    assert timeutil.local_now("America/New_York").utcoffset() != timeutil.local_now().utcoffset()


def test_a_new_group_is_dated_by_the_offices_day(world, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    office_day = dt.date.today() + dt.timedelta(days=1)  # 00:30 in Berlin, 23:30 on the server
    monkeypatch.setattr(timeutil, "today", lambda: office_day)
    group = make_group(world.dortmund, "Neu im Verzeichnis")
    assert group.status_since == office_day
