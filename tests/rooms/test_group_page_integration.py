"""A group's staff page shows its room bookings; dissolving the group leads to a confirmation that ends
its future bookings (issue: rooms point 8)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from saas.core import timeutil
from saas.extensions import db
from saas.rooms.models import Booking
from tenants.scoping import tenant_context
from tests.rooms.helpers import book, make_group, make_room


def test_dissolving_a_group_asks_to_end_its_bookings(client, world):
    room = make_room(world.dortmund)
    group = make_group(world.dortmund, "Trauernde Eltern", status="active")
    today = timeutil.today()
    start = today - dt.timedelta(days=(today.weekday() - 1) % 7 + 14)  # a Tuesday two weeks ago
    book(
        world.dortmund,
        room,
        group,
        pattern="weekly",
        start_date=start,
        start_time=dt.time(19, 0),
        end_time=dt.time(21, 0),
        until_date=start + dt.timedelta(days=300),
    )
    client.login(world.dortmund_staff)

    page = client.get(f"/dortmund/intern/gruppen/{group.id}").get_data(as_text=True)
    assert "Raumbuchungen" in page and "Gruppenraum 1" in page

    response = client.post_form(
        f"/dortmund/intern/gruppen/{group.id}/status",
        {"status": "dissolved", "changed_on": timeutil.today().isoformat(), "note": ""},
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/dortmund/intern/raeume/gruppe/{group.id}/beenden")
    confirm = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Trauernde Eltern" in confirm
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(Booking.until_date)) > timeutil.today()
    db.session.commit()

    client.post_form(f"/dortmund/intern/raeume/gruppe/{group.id}/beenden")
    db.session.expire_all()
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(Booking.until_date)) <= timeutil.today()
    db.session.commit()
