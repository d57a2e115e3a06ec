"""Reads about rooms: occurrences in a window (week, month, door sign), a group's bookings, figures."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from saas.core import timeutil
from saas.core.formatting import round_half_up
from saas.core.recurrence import Recurrence, daterange, hours_between, local_datetime
from saas.extensions import db
from saas.rooms.models import Booking, BookingKind, BookingStatus, Closure, Room
from saas.rooms.operations import closed_days


@dataclass(frozen=True)
class Occurrence:
    day: dt.date
    start: dt.time
    end: dt.time
    booking: Booking
    room: Room
    cancelled: bool = False  # an exception: the booking does not take place that day
    cancel_note: str = ""

    @property
    def starts_at(self) -> dt.datetime:
        return local_datetime(self.day, self.start, self.booking.tz)

    @property
    def hours(self) -> float:
        return hours_between(self.start, self.end)


def rooms(site_id: int | None = None, *, active_only: bool = True) -> list[Room]:
    query = select(Room).options(selectinload(Room.opening), selectinload(Room.site))
    if site_id is not None:
        query = query.where(Room.site_id == site_id)
    if active_only:
        query = query.where(Room.active.is_(True))
    return list(db.session.scalars(query.order_by(Room.site_id, Room.position, Room.id)))


def bookings_in(room_ids: list[int], first: dt.date, last: dt.date) -> list[Booking]:
    if not room_ids:
        return []
    return list(
        db.session.scalars(
            select(Booking)
            .options(selectinload(Booking.exceptions), selectinload(Booking.group), selectinload(Booking.room))
            .where(
                Booking.room_id.in_(room_ids),
                Booking.status == BookingStatus.active,
                Booking.start_date <= last,
                or_(Booking.until_date.is_(None), Booking.until_date >= first),
            )
        )
    )


def occurrences(
    room_list: list[Room], first: dt.date, last: dt.date, *, include_cancelled: bool = False
) -> list[Occurrence]:
    """Every time a room is in use between two dates (inclusive), ordered by day, time and room.

    Days the site is closed are left out; dates a group cancelled are included (marked) only when
    asked, so the calendars can show "fällt aus".
    """
    by_id = {room.id: room for room in room_list}
    closed_by_site: dict[int, frozenset[dt.date]] = {}
    result = []
    for booking in bookings_in(list(by_id), first, last):
        room = by_id[booking.room_id]
        if room.site_id not in closed_by_site:
            closed_by_site[room.site_id] = closed_days(room.site_id, first, last)
        closed = closed_by_site[room.site_id]
        notes = {e.day: e.note for e in booking.exceptions}
        rule = Recurrence(booking.pattern, booking.start_date, booking.until_date, booking.nth)
        for day in rule.dates(first, last):
            if day in closed:
                continue
            cancelled = day in notes
            if cancelled and not include_cancelled:
                continue
            result.append(
                Occurrence(day, booking.start_time, booking.end_time, booking, room, cancelled, notes.get(day, ""))
            )
    return sorted(result, key=lambda o: (o.day, o.start, o.room.position, o.room.id))


def closures_in(site_id: int | None, first: dt.date, last: dt.date) -> dict[dt.date, str]:
    query = select(Closure).where(Closure.first_day <= last, Closure.last_day >= first)
    if site_id is not None:
        query = query.where(or_(Closure.site_id.is_(None), Closure.site_id == site_id))
    labels: dict[dt.date, str] = {}
    for closure in db.session.scalars(query):
        for day in daterange(max(first, closure.first_day), min(last, closure.last_day)):
            labels[day] = closure.label
    return labels


def bookings_for_group(group_id: int, *, include_past: bool = False) -> list[Booking]:
    """The group's room bookings (current and future ones unless ``include_past``), for its staff page."""
    today = timeutil.today()
    query = (
        select(Booking)
        .options(selectinload(Booking.room).selectinload(Room.site), selectinload(Booking.exceptions))
        .where(Booking.group_id == group_id, Booking.status == BookingStatus.active)
        .order_by(Booking.start_date, Booking.start_time)
    )
    if not include_past:
        query = query.where(or_(Booking.until_date >= today, Booking.start_date >= today))
    return list(db.session.scalars(query))


def next_dates(booking: Booking, count: int = 3) -> list[dt.date]:
    today = timeutil.today(booking.tz)
    room = booking.room
    closed = closed_days(room.site_id, today, booking.last_date) if booking.last_date >= today else frozenset()
    dates = []
    for day in booking.recurrence(closed).dates(today, booking.last_date):
        dates.append(day)
        if len(dates) >= count:
            break
    return dates


def open_hours(room: Room, first: dt.date, last: dt.date) -> float:
    """Hours the room is open between two dates, closures left out (the base of occupancy)."""
    closed = closed_days(room.site_id, first, last)
    per_weekday: dict[int, float] = defaultdict(float)
    for slot in room.opening:
        per_weekday[slot.weekday] += hours_between(slot.opens, slot.closes)
    return sum(per_weekday.get(day.weekday(), 0.0) for day in daterange(first, last) if day not in closed)


def annual_figures(tenant_id: int, year: int) -> dict:
    """Rooms section of the annual report: groups using rooms, hours booked, per room and site."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    room_list = rooms(active_only=False)
    occ = occurrences(room_list, first, last)
    groups = {o.booking.group_id for o in occ if o.booking.kind == BookingKind.group and o.booking.group_id}
    hours_by_room: dict[int, float] = defaultdict(float)
    for o in occ:
        hours_by_room[o.room.id] += o.hours
    per_room: list[dict[str, object]] = []
    per_site: dict[str, dict[str, float]] = {}
    for room in room_list:
        booked = hours_by_room.get(room.id, 0.0)
        open_h = open_hours(room, first, last)
        per_room.append(
            {
                "room": room.name,
                "site": room.site.name,
                "hours_booked": float(round_half_up(booked, 1)),
                "hours_open": float(round_half_up(open_h, 1)),
                "occupancy_pct": int(round_half_up(100 * booked / open_h)) if open_h else None,
            }
        )
        site = per_site.setdefault(room.site.name, {"hours_booked": 0.0, "hours_open": 0.0})
        site["hours_booked"] += booked
        site["hours_open"] += open_h
    return {
        "groups_using_rooms": len(groups),
        "hours_booked": float(round_half_up(sum(hours_by_room.values()), 1)),
        "per_room": per_room,
        "per_site": {
            name: {
                "hours_booked": float(round_half_up(v["hours_booked"], 1)),
                "occupancy_pct": int(round_half_up(100 * v["hours_booked"] / v["hours_open"]))
                if v["hours_open"]
                else None,
            }
            for name, v in per_site.items()
        },
    }


RENEWAL_DAYS = 28


def expiring_bookings(today: dt.date | None = None, days: int = RENEWAL_DAYS) -> list[Booking]:
    """Recurring group bookings whose last date comes within ``days``: time to renew them."""
    today = today or timeutil.today()
    return list(
        db.session.scalars(
            select(Booking)
            .options(selectinload(Booking.room).selectinload(Room.site), selectinload(Booking.group))
            .where(
                Booking.status == BookingStatus.active,
                Booking.kind == BookingKind.group,
                Booking.until_date >= today,
                Booking.until_date <= today + dt.timedelta(days=days),
            )
            .order_by(Booking.until_date)
        )
    )
