"""Writes about rooms and bookings. Flush, never commit.

Every booking is checked against the room's other bookings over its whole recurrence before it is
stored; a conflict names each clashing date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import delete, or_, select

from saas.core import timeutil
from saas.core.errors import DomainError
from saas.core.recurrence import Pattern, Recurrence, daterange, nth_of, overlaps
from saas.extensions import db
from saas.rooms.models import Booking, BookingException, BookingKind, BookingStatus, Closure, Room, RoomOpening
from tenants.models import Site

MAX_SPAN_DAYS = 3 * 366  # a recurring booking runs for at most three years, then is renewed


class BookingError(DomainError):
    """The booking cannot be stored as asked (bad dates, closed room, …). Nothing is stored."""


@dataclass(frozen=True)
class Conflict:
    day: dt.date
    start: dt.time
    end: dt.time
    other_id: int
    other_label: str

    def describe(self) -> str:
        return f"{self.day:%d.%m.%Y} {self.start:%H.%M}–{self.end:%H.%M} Uhr ({self.other_label})"


class BookingConflict(BookingError):
    def __init__(self, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        shown = "; ".join(c.describe() for c in conflicts[:12])
        more = _(" und %(n)s weitere", n=len(conflicts) - 12) if len(conflicts) > 12 else ""
        super().__init__(
            _(
                "Der Raum ist an %(n)s Termin(en) schon belegt: %(shown)s%(more)s.",
                n=len(conflicts),
                shown=shown,
                more=more,
            )
        )

    @property
    def message(self) -> str:
        """The form shows the count; the page lists the conflicting dates next to it."""
        return _("Der Raum ist an %(n)s Terminen schon belegt (siehe Liste).", n=len(self.conflicts))

    @property
    def dates(self) -> list[dt.date]:
        return sorted({c.day for c in self.conflicts})


# --- rooms ------------------------------------------------------------------------------------------


def create_room(site: Site, *, name: str, capacity: int = 0, **fields: Any) -> Room:
    if not name.strip():
        raise BookingError(_("Der Raum braucht einen Namen."))
    existing = db.session.scalar(select(Room).where(Room.site_id == site.id, Room.name == name.strip()))
    if existing is not None:
        raise BookingError(
            _("Am Standort %(site)s gibt es schon einen Raum „%(room)s“.", site=site.name, room=name.strip())
        )
    position = len(db.session.scalars(select(Room.id).where(Room.site_id == site.id)).all())
    room = Room(site_id=site.id, name=name.strip(), capacity=capacity, position=position, **fields)
    room.site = site
    db.session.add(room)
    db.session.flush()
    return room


def update_room(room: Room, **fields: Any) -> None:
    for key, value in fields.items():
        setattr(room, key, value)
    db.session.flush()


def set_opening_hours(room: Room, slots: list[tuple[int, dt.time, dt.time]]) -> None:
    db.session.execute(delete(RoomOpening).where(RoomOpening.room_id == room.id))
    for weekday, opens, closes in slots:
        db.session.add(RoomOpening(room_id=room.id, weekday=weekday, opens=opens, closes=closes))
    db.session.flush()
    db.session.expire(room, ["opening"])


def add_closure(*, first_day: dt.date, last_day: dt.date, label: str, site_id: int | None = None) -> Closure:
    if last_day < first_day:
        raise BookingError(_("Das Ende der Schließzeit liegt vor ihrem Anfang."))
    closure = Closure(first_day=first_day, last_day=last_day, label=label.strip() or "geschlossen", site_id=site_id)
    db.session.add(closure)
    db.session.flush()
    return closure


def closed_days(site_id: int, first: dt.date, last: dt.date) -> frozenset[dt.date]:
    """Days in the window on which the site's rooms are closed (office-wide or site closures)."""
    rows = db.session.scalars(
        select(Closure).where(
            or_(Closure.site_id.is_(None), Closure.site_id == site_id),
            Closure.first_day <= last,
            Closure.last_day >= first,
        )
    ).all()
    days: set[dt.date] = set()
    for closure in rows:
        days.update(daterange(max(closure.first_day, first), min(closure.last_day, last)))
    return frozenset(days)


# --- bookings ---------------------------------------------------------------------------------------


def _validate(
    room: Room, pattern: Pattern, start_date: dt.date, until_date: dt.date | None, start: dt.time, end: dt.time
) -> dt.date | None:
    if end <= start:
        raise BookingError(_("Das Ende muss nach dem Beginn liegen."), field="end_time")
    if pattern == Pattern.once:
        return None
    if until_date is None:
        raise BookingError(_("Eine regelmäßige Buchung braucht ein Enddatum („bis“)."), field="until_date")
    if until_date < start_date:
        raise BookingError(_("Das Enddatum liegt vor dem ersten Termin."), field="until_date")
    if (until_date - start_date).days > MAX_SPAN_DAYS:
        raise BookingError(
            _("Eine regelmäßige Buchung läuft höchstens drei Jahre; bitte danach verlängern."), field="until_date"
        )
    if not room.opening:
        return until_date
    weekday = start_date.weekday()
    if not any(s.weekday == weekday and s.opens <= start and end <= s.closes for s in room.opening):
        raise BookingError(
            _(
                "Der Raum ist zu dieser Zeit nicht geöffnet (Öffnungszeiten: %(hours)s).",
                hours="; ".join(room.opening_lines),
            ),
            field="start_time",
        )
    return until_date


def _check_open_once(room: Room, day: dt.date, start: dt.time, end: dt.time) -> None:
    if room.opening and not any(
        s.weekday == day.weekday() and s.opens <= start and end <= s.closes for s in room.opening
    ):
        raise BookingError(
            _(
                "Der Raum ist zu dieser Zeit nicht geöffnet (Öffnungszeiten: %(hours)s).",
                hours="; ".join(room.opening_lines),
            ),
            field="start_time",
        )


def find_conflicts(
    room_id: int,
    rule: Recurrence,
    start: dt.time,
    end: dt.time,
    *,
    site_id: int,
    exclude_booking_id: int | None = None,
) -> list[Conflict]:
    """Every date on which the rule would clash with another active booking of the room."""
    first, last = rule.start, rule.last
    query = select(Booking).where(
        Booking.room_id == room_id,
        Booking.status == BookingStatus.active,
        Booking.start_date <= last,
        or_(Booking.until_date.is_(None), Booking.until_date >= first),
        Booking.start_time < end,
        Booking.end_time > start,
    )
    if exclude_booking_id is not None:
        query = query.where(Booking.id != exclude_booking_id)
    others = db.session.scalars(query).all()
    if not others:
        return []
    closed = closed_days(site_id, first, last)
    mine = set(rule.dates(first, last)) - closed
    conflicts = []
    for other in others:
        if not overlaps(start, end, other.start_time, other.end_time):
            continue
        for day in other.recurrence(closed).dates(first, last):
            if day in mine:
                conflicts.append(Conflict(day, other.start_time, other.end_time, other.id, other.label))
    return sorted(conflicts, key=lambda c: (c.day, c.start))


def create_booking(
    room: Room,
    *,
    pattern: Pattern | str,
    start_date: dt.date,
    start_time: dt.time,
    end_time: dt.time,
    until_date: dt.date | None = None,
    nth: int | None = None,
    group_id: int | None = None,
    kind: BookingKind | str = BookingKind.group,
    title: str = "",
    note: str = "",
    acting_user: Any = None,
) -> Booking:
    """Book a room; raises BookingConflict naming every clashing date, BookingError for bad input."""
    pattern = Pattern(pattern)
    kind = BookingKind(kind)
    if kind == BookingKind.group and group_id is None:
        raise BookingError(_("Bitte wählen Sie die Gruppe."), field="group_id")
    if kind != BookingKind.group and not title.strip():
        raise BookingError(_("Bitte geben Sie an, wofür der Raum gebucht wird."), field="title")
    until_date = _validate(room, pattern, start_date, until_date, start_time, end_time)
    if pattern == Pattern.once:
        _check_open_once(room, start_date, start_time, end_time)
    nth = (nth or nth_of(start_date)) if pattern == Pattern.monthly else None
    rule = Recurrence(pattern, start_date, until_date, nth)
    conflicts = find_conflicts(room.id, rule, start_time, end_time, site_id=room.site_id)
    if conflicts:
        raise BookingConflict(conflicts)
    booking = Booking(
        room_id=room.id,
        kind=kind,
        group_id=group_id if kind == BookingKind.group else None,
        title=title.strip(),
        pattern=pattern,
        start_date=start_date,
        until_date=until_date,
        nth=nth,
        start_time=start_time,
        end_time=end_time,
        note=note.strip(),
        created_by_id=getattr(acting_user, "id", None),
    )
    booking.room = room
    db.session.add(booking)
    db.session.flush()
    return booking


def reschedule_booking(
    booking: Booking,
    *,
    room: Room,
    start_date: dt.date,
    start_time: dt.time,
    end_time: dt.time,
    until_date: dt.date | None = None,
    pattern: Pattern | str | None = None,
    nth: int | None = None,
    title: str | None = None,
    note: str | None = None,
) -> Booking:
    """Change room, dates or times of a booking, checked for conflicts like a new one."""
    pattern = Pattern(pattern or booking.pattern)
    until_date = _validate(room, pattern, start_date, until_date, start_time, end_time)
    if pattern == Pattern.once:
        _check_open_once(room, start_date, start_time, end_time)
    nth = (nth or nth_of(start_date)) if pattern == Pattern.monthly else None
    rule = Recurrence(pattern, start_date, until_date, nth)
    conflicts = find_conflicts(room.id, rule, start_time, end_time, site_id=room.site_id, exclude_booking_id=booking.id)
    if conflicts:
        raise BookingConflict(conflicts)
    booking.room_id, booking.room = room.id, room
    booking.pattern, booking.start_date, booking.until_date, booking.nth = pattern, start_date, until_date, nth
    booking.start_time, booking.end_time = start_time, end_time
    if title is not None:
        booking.title = title.strip()
    if note is not None:
        booking.note = note.strip()
    db.session.flush()
    return booking


def cancel_date(booking: Booking, day: dt.date, note: str = "") -> BookingException:
    """One date of a recurring booking does not take place (the room is free then)."""
    if day not in set(booking.recurrence().dates(day, day)):
        raise BookingError(_("Am %(day)s findet diese Buchung nicht statt.", day=f"{day:%d.%m.%Y}"))
    exception = BookingException(booking_id=booking.id, day=day, note=note.strip()[:200])
    booking.exceptions.append(exception)
    db.session.flush()
    return exception


def restore_date(booking: Booking, day: dt.date) -> None:
    for exception in list(booking.exceptions):
        if exception.day == day:
            booking.exceptions.remove(exception)
    db.session.flush()


def end_booking(booking: Booking, *, reason: str = "", today: dt.date | None = None) -> None:
    """Stop a booking from today on: past dates stay (they count), future ones are freed."""
    today = today or timeutil.today(booking.tz)
    booking.ended_reason = reason[:200]
    if booking.start_date >= today:
        booking.status = BookingStatus.cancelled
    elif booking.pattern != Pattern.once and (booking.until_date is None or booking.until_date >= today):
        booking.until_date = today - dt.timedelta(days=1)
    db.session.flush()


def future_bookings_for_group(group_id: int, today: dt.date | None = None) -> list[Booking]:
    today = today or timeutil.today()
    return list(
        db.session.scalars(
            select(Booking)
            .where(
                Booking.group_id == group_id,
                Booking.status == BookingStatus.active,
                or_(Booking.until_date >= today, Booking.start_date >= today),
            )
            .order_by(Booking.start_date, Booking.start_time)
        )
    )


def end_future_bookings(group_id: int, acting_user: Any = None, *, today: dt.date | None = None) -> list[Booking]:
    """A dissolved group gives its rooms back: every booking ends before ``today``.

    The directory's dissolve flow calls this after the person confirmed; it returns the bookings
    ended so the page can say which rooms and rhythms were freed.
    """
    today = today or timeutil.today()
    ended = future_bookings_for_group(group_id, today)
    who = getattr(acting_user, "name", "") or ""
    for booking in ended:
        end_booking(booking, reason=f"Gruppe aufgelöst{f' ({who})' if who else ''}", today=today)
    return ended
