"""Demo rooms: Dortmund's three group rooms (six days a week, about 34 groups), rooms at Kreis Unna's
three sites, one room each in Hamm and Dithmarschen; the groups' recurring bookings over last year and
this year, and the public holidays as closures. Idempotent: an office with rooms is left alone.
"""

from __future__ import annotations

import datetime as dt

from dateutil.easter import easter
from sqlalchemy import func, select

from saas.core.demo import register_seeder
from saas.core.recurrence import Pattern, nth_weekday, today_local
from saas.directory.models import Group
from saas.extensions import db
from saas.rooms import operations as ops
from saas.rooms.models import Room
from tenants.models import Site, Tenant
from tenants.operations import parse_hours
from tenants.scoping import tenant_context

ROOMS: dict[str, list[tuple[str | None, str, int, bool, str, str]]] = {
    # office: (site name or None = first site, room, capacity, wheelchair, equipment, opening hours)
    "dortmund": [
        (None, "Gruppenraum 1", 20, True, "Stuhlkreis, Flipchart, Beamer, Teeküche", "Mo – Sa 09.00 – 22.00"),
        (None, "Gruppenraum 2", 12, True, "Stuhlkreis, Flipchart, Teeküche", "Mo – Sa 09.00 – 22.00"),
        (None, "Gruppenraum 3", 8, True, "Sitzecke, Teeküche", "Mo – Sa 09.00 – 22.00"),
    ],
    "kreis-unna": [
        ("Unna", "Gruppenraum Unna", 14, True, "Flipchart, Teeküche", "Mo – Fr 09.00 – 21.30"),
        ("Lünen", "Gruppenraum Lünen", 12, False, "Flipchart", "Mo – Fr 09.00 – 21.30"),
        ("Schwerte", "Gruppenraum Schwerte", 10, True, "Teeküche", "Mo – Do 09.00 – 21.30"),
    ],
    "hamm": [(None, "Gruppenraum", 14, True, "Stuhlkreis, Teeküche", "Mo – Fr 10.00 – 22.00")],
    "dithmarschen": [(None, "Seminarraum DRK", 16, True, "Beamer, Küche", "Mo – Fr 09.00 – 21.00")],
}
GROUPS_USING_ROOMS = {"dortmund": 34, "kreis-unna": 18, "hamm": 8, "dithmarschen": 5}
EVENING_SLOTS = [(dt.time(17, 0), dt.time(19, 0)), (dt.time(19, 0), dt.time(21, 0)), (dt.time(15, 0), dt.time(17, 0))]
_RHYTHM = {"weekly": Pattern.weekly, "biweekly": Pattern.biweekly, "monthly": Pattern.monthly}


def holidays_nrw(year: int) -> list[tuple[dt.date, dt.date, str]]:
    e = easter(year)
    days = [
        (dt.date(year, 1, 1), "Neujahr"),
        (e - dt.timedelta(days=2), "Karfreitag"),
        (e + dt.timedelta(days=1), "Ostermontag"),
        (dt.date(year, 5, 1), "Tag der Arbeit"),
        (e + dt.timedelta(days=39), "Christi Himmelfahrt"),
        (e + dt.timedelta(days=50), "Pfingstmontag"),
        (e + dt.timedelta(days=60), "Fronleichnam"),
        (dt.date(year, 10, 3), "Tag der Deutschen Einheit"),
        (dt.date(year, 11, 1), "Allerheiligen"),
    ]
    return [(d, d, label) for d, label in days] + [(dt.date(year, 12, 24), dt.date(year, 12, 31), "Weihnachtspause")]


def _first_date(pattern: Pattern, weekday: int, nth: int | None, start: dt.date) -> dt.date:
    if pattern == Pattern.monthly:
        day = nth_weekday(start.year, start.month, weekday, nth or 1)
        if day is None or day < start:
            nxt = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            day = nth_weekday(nxt.year, nxt.month, weekday, nth or 1)
        return day  # type: ignore[return-value]
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def _book_groups(tenant: Tenant, rooms: list[Room], wanted: int, first: dt.date, last: dt.date) -> int:
    groups = db.session.scalars(
        select(Group)
        .where(Group.status == "active", Group.rhythm.in_(tuple(_RHYTHM)), Group.meeting_mode != "online")
        .order_by(Group.id)
    ).all()
    booked = 0
    for index, group in enumerate(groups):
        if booked >= wanted:
            break
        pattern = _RHYTHM[group.rhythm or "weekly"]
        nth = None
        if pattern == Pattern.monthly:
            nth = -1 if (group.nth_weekday or 1) >= 5 else (group.nth_weekday or 1)
        weekday = group.weekday if group.weekday is not None and group.weekday <= 5 else index % 6
        candidates = []
        if group.time_start and group.time_end and group.time_end > group.time_start:
            candidates.append((group.time_start, group.time_end))
        candidates += EVENING_SLOTS
        done = False
        for start_time, end_time in candidates:
            for day_shift in range(6):
                wd = (weekday + day_shift) % 6
                start = _first_date(pattern, wd, nth, first)
                for room in rooms[index % len(rooms) :] + rooms[: index % len(rooms)]:
                    try:
                        ops.create_booking(
                            room, pattern=pattern, start_date=start, until_date=last, nth=nth, group_id=group.id,
                            start_time=start_time, end_time=end_time, note="",
                        )  # fmt: skip
                    except ops.BookingError:
                        continue
                    done = True
                    break
                if done:
                    break
            if done:
                break
        booked += int(done)
    return booked


@register_seeder(60)
def seed_rooms(tenants_by_slug: dict[str, Tenant]) -> bool:
    created = False
    today = today_local()
    first, last = dt.date(today.year - 1, 1, 1), dt.date(today.year, 12, 31)
    for slug, specs in ROOMS.items():
        tenant = tenants_by_slug.get(slug)
        if tenant is None:
            continue
        with tenant_context(tenant.id):
            if db.session.scalar(select(func.count(Room.id))):
                continue
            sites = {s.name: s for s in db.session.scalars(select(Site).order_by(Site.position, Site.id))}
            if not sites:
                continue
            rooms = []
            for site_name, name, capacity, wheelchair, equipment, hours in specs:
                site = sites.get(site_name or "") or next(iter(sites.values()))
                room = ops.create_room(
                    site, name=name, capacity=capacity, wheelchair_accessible=wheelchair, equipment=equipment,
                    accessibility_note="Aufzug, barrierefreies WC" if wheelchair else "",
                )  # fmt: skip
                ops.set_opening_hours(room, parse_hours(hours))
                rooms.append(room)
            for year in (today.year - 1, today.year):
                for a, b, label in holidays_nrw(year):
                    ops.add_closure(first_day=a, last_day=b, label=label)
            _book_groups(tenant, rooms, GROUPS_USING_ROOMS.get(slug, 5), first, last)
            db.session.flush()
            created = True
    return created
