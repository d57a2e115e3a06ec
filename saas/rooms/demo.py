"""Demo rooms: Dortmund's three group rooms (six days a week, about 34 groups), rooms at Kreis Unna's
three sites, one room each in Hamm and Dithmarschen; the groups' recurring bookings over last year and
this year, and the public holidays as closures. Idempotent: an office with rooms is left alone.
"""

from __future__ import annotations

import datetime as dt

from dateutil.easter import easter
from sqlalchemy import func, select

from saas.core.demo import demo_today, demo_years, register_seeder
from saas.core.recurrence import Pattern, nth_weekday
from saas.directory.models import Group, GroupStatusChange
from saas.extensions import db
from saas.rooms import operations as ops
from saas.rooms.models import Booking, BookingKind, Closure, Room
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
        assert day is not None  # nth is 1–4 or -1 (last): every month has that weekday
        return day
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def groups_active_through(first: dt.date, last: dt.date) -> list[Group]:
    """Groups (meeting in person, regularly) that were active from ``first`` to ``last`` by their history."""
    history: dict[int, list[tuple[dt.date, str]]] = {}
    for group_id, day, status in db.session.execute(
        select(GroupStatusChange.group_id, GroupStatusChange.changed_on, GroupStatusChange.to_status).order_by(
            GroupStatusChange.changed_on, GroupStatusChange.id
        )
    ):
        history.setdefault(group_id, []).append((day, status))

    def status_on(changes: list[tuple[dt.date, str]], day: dt.date) -> str | None:
        current = None
        for changed_on, status in changes:
            if changed_on > day:
                break
            current = status
        return current

    def active_throughout(changes: list[tuple[dt.date, str]]) -> bool:
        return status_on(changes, first) == "active" and all(
            status == "active" for day, status in changes if first <= day <= last
        )

    ids = {gid for gid, changes in history.items() if active_throughout(changes)}
    return [
        g
        for g in db.session.scalars(
            select(Group).where(Group.rhythm.in_(tuple(_RHYTHM)), Group.meeting_mode != "online").order_by(Group.id)
        )
        if g.id in ids
    ]


def office_place(room: Room) -> str:
    """What a group meeting in ``room`` names as its place in the directory."""
    return f"{room.name}, Kontaktstelle"


def _book_groups(
    rooms: list[Room], wanted: int, first: dt.date, last: dt.date, groups: list[Group]
) -> dict[Group, Room]:
    """Recurring bookings for ``wanted`` of ``groups`` from ``first`` to ``last``, each in a room of its own
    site where one is free; the booked groups with their rooms. Groups already meeting in the office (booked in
    an earlier year) come first, so that a group keeps its room from year to year."""
    in_office = {office_place(room) for room in rooms}
    groups = sorted(groups, key=lambda g: g.place not in in_office)  # stable: otherwise in the given order
    booked: dict[Group, Room] = {}
    for index, group in enumerate(groups):
        if len(booked) >= wanted:
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
        turn = rooms[index % len(rooms) :] + rooms[: index % len(rooms)]
        own = [r for r in rooms if office_place(r) == group.place]
        order = own + [r for r in turn if r.site_id == group.site_id and r not in own]
        order += [r for r in turn if r not in order]
        room = _book_one(group, order, candidates, pattern, weekday, nth, first, last)
        if room is not None:
            booked[group] = room
    return booked


def _book_one(
    group: Group,
    rooms: list[Room],
    candidates: list[tuple[dt.time, dt.time]],
    pattern: Pattern,
    weekday: int,
    nth: int | None,
    first: dt.date,
    last: dt.date,
) -> Room | None:
    """The first of ``rooms`` free at one of the ``candidates`` times on the group's weekday or a later one."""
    for start_time, end_time in candidates:
        for day_shift in range(6):
            start = _first_date(pattern, (weekday + day_shift) % 6, nth, first)
            for room in rooms:
                try:
                    ops.create_booking(
                        room, pattern=pattern, start_date=start, until_date=last, nth=nth, group_id=group.id,
                        start_time=start_time, end_time=end_time, note="",
                    )  # fmt: skip
                except ops.BookingError:
                    continue
                return room
    return None


def _rooms(specs: list, sites: dict[str, Site]) -> list[Room]:
    rooms = []
    for site_name, name, capacity, wheelchair, equipment, hours in specs:
        site = sites.get(site_name or "") or next(iter(sites.values()))
        room = ops.create_room(
            site, name=name, capacity=capacity, wheelchair_accessible=wheelchair, equipment=equipment,
            accessibility_note="Aufzug, barrierefreies WC" if wheelchair else "",
        )  # fmt: skip
        ops.set_opening_hours(room, parse_hours(hours))
        rooms.append(room)
    return rooms


def seed_office_rooms(tenant: Tenant, specs: list, today: dt.date) -> bool:
    """Rooms once; then per demo year (up to this one) the holidays and the groups' bookings of that
    year. A year that already has closures or group bookings is left alone."""
    created = False
    sites = {s.name: s for s in db.session.scalars(select(Site).order_by(Site.position, Site.id))}
    if not sites:
        return False
    rooms = list(db.session.scalars(select(Room).order_by(Room.site_id, Room.position, Room.id)))
    if not rooms:
        rooms = _rooms(specs, sites)
        created = True
    for year in demo_years(tenant.slug, today):
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if not db.session.scalar(select(func.count(Closure.id)).where(Closure.first_day.between(first, last))):
            for a, b, label in holidays_nrw(year):
                ops.add_closure(first_day=a, last_day=b, label=label)
            created = True
        has_bookings = db.session.scalar(
            select(func.count(Booking.id)).where(
                Booking.kind == BookingKind.group, Booking.start_date.between(first, last)
            )
        )
        if has_bookings:
            continue
        groups = groups_active_through(max(first, dt.date(year, 1, 2)), min(last, today))
        wanted = GROUPS_USING_ROOMS.get(tenant.slug, 5) + (year - 2023 if year > 2023 else 0)
        start = dt.date(year, 1, 2)
        for group, room in _book_groups(rooms, wanted, start, last, groups).items():
            # The directory says where the group meets: in the booked room, whose step-free access is the group's
            # (the finder's step-free filter reads the booking, saas.directory.finder.accessible_room_groups).
            group.place, group.step_free = office_place(room), None
        created = True
    db.session.flush()
    return created


@register_seeder(60)
def seed_rooms(tenants_by_slug: dict[str, Tenant]) -> bool:
    created = False
    today = demo_today()
    for slug, specs in ROOMS.items():
        tenant = tenants_by_slug.get(slug)
        if tenant is None:
            continue
        with tenant_context(tenant.id):
            created = seed_office_rooms(tenant, specs, today) or created
    return created
