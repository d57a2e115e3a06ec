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


def test_no_code_asks_the_servers_day() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("saas", "workers", "tenants")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SERVER_CLOCK.search(line)
    ]
    assert found == []


def test_a_new_group_is_dated_by_the_offices_day(world, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    office_day = dt.date.today() + dt.timedelta(days=1)  # 00:30 in Berlin, 23:30 on the server
    monkeypatch.setattr(timeutil, "today", lambda: office_day)
    group = make_group(world.dortmund, "Neu im Verzeichnis")
    assert group.status_since == office_day
