"""`lotse demo seed`: rooms with the groups' recurring bookings and a year of events; idempotent."""

import datetime as dt

from sqlalchemy import func, select

from saas.core import timeutil
from saas.core.reports import annual_section
from saas.directory.finder import step_free_ids
from saas.directory.models import Group
from saas.events.models import Event, EventStatus, Registration
from saas.rooms.demo import office_place
from saas.rooms.models import Booking, BookingStatus, Room
from tenants.models import Tenant
from tenants.scoping import tenant_context


def test_demo_seed_gives_dortmund_three_rooms_34_groups_and_a_year_of_events(app, db, client):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo", "seed"])
    assert first.exit_code == 0, first.output
    dortmund_id = db.session.scalar(select(Tenant.id).where(Tenant.slug == "dortmund"))
    year = timeutil.today().year
    with tenant_context(dortmund_id):
        rooms = db.session.scalars(select(Room)).all()
        assert len(rooms) == 3
        groups = db.session.scalar(
            select(func.count(func.distinct(Booking.group_id))).where(Booking.start_date >= dt.date(year, 1, 1))
        )
        assert groups >= 34
        events = db.session.scalars(select(Event)).all()
        statuses = {e.status for e in events}
        assert statuses == {EventStatus.published, EventStatus.cancelled}
        assert any(e.cancel_reason == "too_few" for e in events)
        assert any(e.start_date > timeutil.today() for e in events)
        old = [e for e in events if e.personal_data_deleted_at]
        assert old and all(
            r.name == ""
            for r in db.session.scalars(select(Registration).where(Registration.event_id.in_([e.id for e in old])))
        )
        rooms_section = annual_section("rooms", dortmund_id, 2023)
        held_or_cancelled = sum(
            annual_section("events", dortmund_id, y)["held"] + annual_section("events", dortmund_id, y)["cancelled"]
            for y in range(2022, year + 1)
        )
    assert rooms_section["groups_using_rooms"] == 34 and rooms_section["hours_booked"] > 0
    for slug in ("dortmund", "kreis-unna", "hamm", "dithmarschen"):
        _assert_office_groups_have_their_rooms(db, slug)
    assert held_or_cancelled == sum(1 for e in events if e.start_date < timeutil.today())
    counts = (len(rooms), len(events))
    second = runner.invoke(args=["demo", "seed"])
    assert second.exit_code == 0, second.output
    with tenant_context(dortmund_id):
        assert (len(db.session.scalars(select(Room)).all()), len(db.session.scalars(select(Event)).all())) == counts
    assert client.get("/dortmund/veranstaltungen").status_code == 200
    assert client.get("/dortmund/veranstaltungen.ics").status_code == 200


def _assert_office_groups_have_their_rooms(db, slug: str) -> None:
    """A demo group whose place is a room of the office has this year's booking of that room, and a group with
    such a booking meets there: otherwise the Wegweiser's step-free filter, which reads the bookings, would miss
    groups that say they meet in the (step-free) office (it once missed 54 of Dortmund's 68)."""
    tenant_id = db.session.scalar(select(Tenant.id).where(Tenant.slug == slug))
    today = timeutil.today()
    with tenant_context(tenant_id):
        rooms = {room.id: room for room in db.session.scalars(select(Room))}
        current = {
            booking.group_id: rooms[booking.room_id]
            for booking in db.session.scalars(
                select(Booking).where(
                    Booking.group_id.is_not(None),
                    Booking.status == BookingStatus.active,
                    Booking.until_date >= today,
                )
            )
        }
        places = {office_place(room) for room in rooms.values()}
        in_office = [g for g in db.session.scalars(select(Group).where(Group.status == "active")) if g.place in places]
        assert len(in_office) >= 5, slug
        assert {g.id for g in in_office} == set(current), slug
        assert all(office_place(current[g.id]) == g.place and g.step_free is None for g in in_office), slug
        accessible = {g.id for g in in_office if current[g.id].wheelchair_accessible}
        assert accessible and step_free_ids([g.id for g in in_office]) == accessible, slug
