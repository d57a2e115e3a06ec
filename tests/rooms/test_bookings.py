"""Room bookings: conflicts over the whole recurrence, exceptions, closures, opening hours, figures."""

import datetime as dt

import pytest
from sqlalchemy import select

from saas.core.recurrence import Pattern
from saas.extensions import db
from saas.rooms import operations as room_ops
from saas.rooms import queries
from saas.rooms.models import Booking, BookingStatus, Room
from tenants.scoping import tenant_context
from tests.rooms.helpers import book, make_group, make_room, tuesday

YEAR = 2026


def test_weekly_booking_all_year_without_conflicts_is_counted_in_the_annual_report(world):
    """Done when: a self-help group has its weekly room booked all year, and the annual report counts it."""
    room = make_room(world.dortmund)
    group = make_group(world.dortmund)
    book(
        world.dortmund,
        room,
        group,
        pattern="weekly",
        start_date=tuesday(YEAR, 1),
        until_date=dt.date(YEAR, 12, 31),
        start_time=dt.time(19, 0),
        end_time=dt.time(21, 0),
    )
    with tenant_context(world.dortmund.id):
        figures = queries.annual_figures(world.dortmund.id, YEAR)
    assert figures["groups_using_rooms"] == 1
    assert figures["hours_booked"] == 52 * 2
    (per_room,) = figures["per_room"]
    assert per_room["room"] == "Gruppenraum 1" and per_room["hours_booked"] == 104
    # open Mo–Sa 13 h a day: 313 opening days in 2026 → 4.069 hours; 104 booked ≈ 3 %
    assert per_room["hours_open"] == 313 * 13 and per_room["occupancy_pct"] == 3
    from saas.core.reports import annual_section

    with tenant_context(world.dortmund.id):
        section = annual_section("rooms", world.dortmund.id, YEAR)
    assert section["groups_using_rooms"] == 1 and section["hours_booked"] == 104


def test_conflict_names_every_clashing_date_over_the_whole_recurrence(world):
    """Is a monthly booking on the 2nd Tuesday refused against a weekly Tuesday one, naming all 12 dates?"""
    room = make_room(world.dortmund)
    weekly = make_group(world.dortmund, "Weekly")
    monthly = make_group(world.dortmund, "Monthly")
    book(
        world.dortmund,
        room,
        weekly,
        pattern="weekly",
        start_date=tuesday(YEAR, 1),
        until_date=dt.date(YEAR, 12, 31),
        start_time=dt.time(19, 0),
        end_time=dt.time(21, 0),
    )
    with pytest.raises(room_ops.BookingConflict) as caught:
        book(
            world.dortmund,
            room,
            monthly,
            pattern="monthly",
            nth=2,
            start_date=tuesday(YEAR, 1, 2),
            until_date=dt.date(YEAR, 12, 31),
            start_time=dt.time(20, 0),
            end_time=dt.time(22, 0),
        )
    db.session.rollback()
    assert caught.value.dates == [tuesday(YEAR, m, 2) for m in range(1, 13)]
    assert "13.01.2026" in str(caught.value) and "Weekly" in str(caught.value)
    # Back to back is not a conflict: 21–22 after 19–21.
    book(
        world.dortmund,
        room,
        monthly,
        pattern="monthly",
        nth=2,
        start_date=tuesday(YEAR, 1, 2),
        until_date=dt.date(YEAR, 12, 31),
        start_time=dt.time(21, 0),
        end_time=dt.time(22, 0),
    )


def test_two_fortnightly_bookings_in_alternate_weeks_do_not_conflict(world):
    room = make_room(world.dortmund)
    a, b = make_group(world.dortmund, "A"), make_group(world.dortmund, "B")
    book(
        world.dortmund,
        room,
        a,
        pattern="biweekly",
        start_date=tuesday(YEAR, 1),
        until_date=dt.date(YEAR, 6, 30),
        start_time=dt.time(18, 0),
        end_time=dt.time(20, 0),
    )
    book(
        world.dortmund,
        room,
        b,
        pattern="biweekly",
        start_date=tuesday(YEAR, 1) + dt.timedelta(days=7),
        until_date=dt.date(YEAR, 6, 30),
        start_time=dt.time(18, 0),
        end_time=dt.time(20, 0),
    )
    with pytest.raises(room_ops.BookingConflict):
        book(
            world.dortmund,
            room,
            None,
            pattern="once",
            start_date=tuesday(YEAR, 2),
            kind="other",
            title="Beratung",
            start_time=dt.time(19, 0),
            end_time=dt.time(19, 30),
        )


def test_cancelled_date_frees_the_room_for_a_one_off_booking(world):
    """After a group cancels one date, can an event take the room that evening (and only then)?"""
    room = make_room(world.dortmund)
    group = make_group(world.dortmund)
    booking = book(
        world.dortmund,
        room,
        group,
        pattern="weekly",
        start_date=tuesday(YEAR, 3),
        until_date=dt.date(YEAR, 5, 31),
        start_time=dt.time(19, 0),
        end_time=dt.time(21, 0),
    )
    day = tuesday(YEAR, 4, 2)
    with tenant_context(world.dortmund.id):
        room_ops.cancel_date(db.session.get(Booking, booking.id), day, "Urlaub")
        db.session.commit()
    book(
        world.dortmund,
        room,
        None,
        pattern="once",
        start_date=day,
        kind="other",
        title="Themenabend",
        start_time=dt.time(18, 0),
        end_time=dt.time(20, 0),
    )
    with pytest.raises(room_ops.BookingConflict):
        book(
            world.dortmund,
            room,
            None,
            pattern="once",
            start_date=day + dt.timedelta(days=7),
            kind="other",
            title="Themenabend",
            start_time=dt.time(18, 0),
            end_time=dt.time(20, 0),
        )


def test_closures_skip_dates_and_opening_hours_are_enforced(world):
    room = make_room(world.dortmund, hours="Mo – Fr 09.00 – 21.00")
    group = make_group(world.dortmund)
    with tenant_context(world.dortmund.id):
        room_ops.add_closure(first_day=dt.date(YEAR, 12, 24), last_day=dt.date(YEAR, 12, 31), label="Weihnachtspause")
        db.session.commit()
    with pytest.raises(room_ops.BookingError, match="nicht geöffnet"):
        book(
            world.dortmund,
            room,
            group,
            pattern="weekly",
            start_date=tuesday(YEAR, 12),
            until_date=dt.date(YEAR, 12, 31),
            start_time=dt.time(20, 0),
            end_time=dt.time(22, 0),
        )
    db.session.rollback()
    with pytest.raises(room_ops.BookingError, match="Enddatum"):
        book(
            world.dortmund,
            room,
            group,
            pattern="weekly",
            start_date=tuesday(YEAR, 12),
            start_time=dt.time(19, 0),
            end_time=dt.time(21, 0),
        )
    db.session.rollback()
    book(
        world.dortmund,
        room,
        group,
        pattern="weekly",
        start_date=tuesday(YEAR, 12),
        until_date=dt.date(YEAR, 12, 31),
        start_time=dt.time(19, 0),
        end_time=dt.time(21, 0),
    )
    with tenant_context(world.dortmund.id):
        rooms = db.session.scalars(select(Room)).all()
        days = [o.day for o in queries.occurrences(list(rooms), dt.date(YEAR, 12, 1), dt.date(YEAR, 12, 31))]
    assert days == [dt.date(YEAR, 12, 1), dt.date(YEAR, 12, 8), dt.date(YEAR, 12, 15), dt.date(YEAR, 12, 22)]


def test_dissolving_a_group_ends_its_future_bookings_and_keeps_the_past(world):
    """Does end_future_bookings free every future date while past dates still count?"""
    room = make_room(world.dortmund)
    group = make_group(world.dortmund)
    other = make_group(world.dortmund, "Andere")
    weekly = book(
        world.dortmund,
        room,
        group,
        pattern="weekly",
        start_date=tuesday(YEAR, 1),
        until_date=dt.date(YEAR, 12, 31),
        start_time=dt.time(19, 0),
        end_time=dt.time(21, 0),
    )
    later = book(
        world.dortmund,
        room,
        group,
        pattern="once",
        start_date=dt.date(YEAR, 9, 5),
        start_time=dt.time(10, 0),
        end_time=dt.time(12, 0),
    )
    book(
        world.dortmund,
        room,
        other,
        pattern="weekly",
        start_date=tuesday(YEAR, 1),
        until_date=dt.date(YEAR, 12, 31),
        start_time=dt.time(17, 0),
        end_time=dt.time(19, 0),
    )
    with tenant_context(world.dortmund.id):
        ended = room_ops.end_future_bookings(group.id, world.dortmund_staff, today=dt.date(YEAR, 7, 1))
        db.session.commit()
        assert {b.id for b in ended} == {weekly.id, later.id}
        weekly_row = db.session.get(Booking, weekly.id)
        assert weekly_row.until_date == dt.date(YEAR, 6, 30) and weekly_row.status == BookingStatus.active
        assert db.session.get(Booking, later.id).status == BookingStatus.cancelled
        assert "Gruppe aufgelöst" in weekly_row.ended_reason
        assert room_ops.future_bookings_for_group(group.id, dt.date(YEAR, 7, 1)) == []
    book(
        world.dortmund,
        room,
        other,
        pattern="weekly",
        start_date=tuesday(YEAR, 7),
        until_date=dt.date(YEAR, 12, 31),
        start_time=dt.time(19, 0),
        end_time=dt.time(21, 0),
    )
    with tenant_context(world.dortmund.id):
        figures = queries.annual_figures(world.dortmund.id, YEAR)
    assert figures["groups_using_rooms"] == 2


def test_dst_weekly_booking_occurrences_start_at_19_local(world):
    """Check: a weekly 19.00 booking is 19.00 in winter and summer also as stored and read back."""
    room = make_room(world.dortmund)
    group = make_group(world.dortmund)
    book(
        world.dortmund,
        room,
        group,
        pattern="weekly",
        start_date=tuesday(YEAR, 1),
        until_date=dt.date(YEAR, 12, 31),
        start_time=dt.time(19, 0),
        end_time=dt.time(21, 0),
    )
    tenant_id = world.dortmund.id
    db.session.expunge_all()  # read back from the database, not from the session
    with tenant_context(tenant_id):
        rooms = db.session.scalars(select(Room)).all()
        occ = queries.occurrences(list(rooms), dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    january = next(o for o in occ if o.day.month == 1)
    july = next(o for o in occ if o.day.month == 7)
    assert (january.starts_at.hour, july.starts_at.hour) == (19, 19)
    assert january.starts_at.utcoffset() == dt.timedelta(hours=1) and july.starts_at.utcoffset() == dt.timedelta(
        hours=2
    )


def test_pattern_enum_is_stored_and_read_back(world):
    room = make_room(world.dortmund)
    book(
        world.dortmund,
        room,
        None,
        pattern=Pattern.once,
        kind="other",
        title="Supervision",
        start_date=dt.date(YEAR, 5, 5),
        start_time=dt.time(10, 0),
        end_time=dt.time(11, 30),
    )
    with tenant_context(world.dortmund.id):
        booking = db.session.scalars(select(Booking)).one()
        assert booking.pattern == Pattern.once and booking.last_date == dt.date(YEAR, 5, 5)
