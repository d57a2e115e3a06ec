"""Events, newsletter items and room requests from groups: staff approve, then they are live; rooms show
free times without other groups' names, and a clash is refused as for staff."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from saas.core import timeutil
from saas.grouparea.models import GroupEventSubmission, GroupNewsItem, GroupRoomRequest
from saas.rooms.models import Booking
from tenants.scoping import tenant_context
from tests.grouparea.helpers import huckarde, sign_in
from tests.rooms.helpers import book, make_room
from tests.rooms.helpers import make_group as make_room_group


def _next(weekday: int, weeks: int = 1) -> dt.date:
    today = timeutil.today()
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


def _one(db, tenant, model):  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        return db.session.scalar(select(model.id))


def test_an_approved_event_appears_in_the_calendar_and_the_ics_feed(world, db, client, make_client, outbox):
    """Is a group's event invisible until staff approve it, then on the events page and in the ICS feed?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    day = _next(3, 3)
    answer = client.post_form(
        "/dortmund/gruppenbereich/veranstaltung",
        {
            "title": "Offener Abend: Wege aus der Depression",
            "start_date": day.isoformat(),
            "start_time": "18:30",
            "end_time": "20:30",
            "address": "Gemeindehaus Huckarde, Urbanusstraße 5",
            "description": "Für alle, die unsere Gruppe kennenlernen möchten.",
        },
    )
    assert answer.status_code == 303
    visitor = make_client()
    assert "Wege aus der Depression" not in visitor.get("/dortmund/veranstaltungen").get_data(as_text=True)

    staff = make_client()
    staff.login(world.dortmund_staff)
    submission = _one(db, world.dortmund, GroupEventSubmission)
    assert "Wege aus der Depression" in staff.get("/dortmund/intern/gruppenbereich/").get_data(as_text=True)
    assert staff.post_form(f"/dortmund/intern/gruppenbereich/veranstaltungen/{submission}/freigeben").status_code == 303
    assert "Wege aus der Depression" in visitor.get("/dortmund/veranstaltungen").get_data(as_text=True)
    assert "Wege aus der Depression" in visitor.get("/dortmund/veranstaltungen.ics").get_data(as_text=True)


def test_an_event_in_the_past_is_refused(world, client, outbox):
    """Is an event dated yesterday refused with a clear 400?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    yesterday = timeutil.today() - dt.timedelta(days=1)
    answer = client.post_form(
        "/dortmund/gruppenbereich/veranstaltung",
        {"title": "Zu spät", "start_date": yesterday.isoformat(), "start_time": "18:00", "address": "Hier"},
    )
    assert answer.status_code == 400 and "Vergangenheit" in answer.get_data(as_text=True)


def test_a_newsletter_item_is_picked_for_the_next_issue(world, db, client, make_client, outbox):
    """Does a picked item show under "for the next issue" on the staff page?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    client.post_form(
        "/dortmund/gruppenbereich/newsletter", {"title": "Wir suchen Verstärkung", "body": "Neue sind willkommen."}
    )
    staff = make_client()
    staff.login(world.dortmund_staff)
    item = _one(db, world.dortmund, GroupNewsItem)
    staff.post_form(f"/dortmund/intern/gruppenbereich/beitraege/{item}/freigeben")
    page = staff.get("/dortmund/intern/gruppenbereich/").get_data(as_text=True)
    assert "Für die nächste Ausgabe ausgewählt" in page and "Wir suchen Verstärkung" in page


def test_room_every_second_thursday_free_slots_and_conflicts(world, db, client, make_client, outbox):
    """Does the group see busy times without names, request Raum 1 every second Thursday with the terms
    accepted, and does approval book it, while a clashing request is refused as for staff?"""
    room = make_room(world.dortmund, "Raum 1")
    other = make_room_group(world.dortmund, "Anonyme Spieler Mitte")
    first_thursday = _next(3)
    book(
        world.dortmund,
        room,
        other,
        pattern="once",
        start_date=first_thursday,
        start_time=dt.time(10, 0),
        end_time=dt.time(12, 0),
    )
    huckarde(world.dortmund)
    sign_in(client, outbox)
    page = client.get("/dortmund/gruppenbereich/raum").get_data(as_text=True)
    assert "10.00–12.00" in page and "Anonyme Spieler" not in page

    refused = client.post_form(
        "/dortmund/gruppenbereich/raum",
        {"room_id": room.id, "pattern": "biweekly", "start_date": first_thursday.isoformat(), "start_time": "18:30",
         "end_time": "20:30"},
    )  # fmt: skip
    assert refused.status_code == 400 and "Nutzungsbedingungen" in refused.get_data(as_text=True)
    fields = {"room_id": room.id, "pattern": "biweekly", "start_date": first_thursday.isoformat(),
              "start_time": "18:30", "end_time": "20:30", "accept_terms": "y"}  # fmt: skip
    assert client.post_form("/dortmund/gruppenbereich/raum", fields).status_code == 303
    taken = client.post_form("/dortmund/gruppenbereich/raum", fields | {"pattern": "once", "start_time": "11:00",
                                                                         "end_time": "13:00"})  # fmt: skip
    text = taken.get_data(as_text=True)  # a clash with a booking is said at once, with the date, without names
    assert taken.status_code == 400 and f"{first_thursday:%d.%m.%Y} 10.00–12.00" in text
    assert "Anonyme Spieler" not in text
    clash = {**fields, "pattern": "once", "start_time": "19:00", "end_time": "21:00"}  # clashes with the first
    assert client.post_form("/dortmund/gruppenbereich/raum", clash).status_code == 303

    staff = make_client()
    staff.login(world.dortmund_staff)
    with tenant_context(world.dortmund.id):
        ids = db.session.scalars(select(GroupRoomRequest.id).order_by(GroupRoomRequest.id)).all()
        assert db.session.get(GroupRoomRequest, ids[0]).terms_text.startswith("Die Räume")
    first = staff.post_form(f"/dortmund/intern/gruppenbereich/raeume/{ids[0]}/freigeben", follow_redirects=True)
    assert "Freigegeben." in first.get_data(as_text=True), first.get_data(as_text=True)[-2500:]
    answer = staff.post_form(f"/dortmund/intern/gruppenbereich/raeume/{ids[1]}/freigeben", follow_redirects=True)
    assert "schon belegt" in answer.get_data(as_text=True)
    assert f"{first_thursday:%d.%m.%Y} 18.30–20.30 Uhr" in answer.get_data(as_text=True)  # staff see which date
    with tenant_context(world.dortmund.id):
        bookings = db.session.scalars(select(Booking).where(Booking.room_id == room.id)).all()
        assert len(bookings) == 2  # the other group's and the approved fortnightly one
        assert db.session.get(GroupRoomRequest, ids[1]).state == "pending"
    page = client.get("/dortmund/gruppenbereich/raum").get_data(as_text=True)
    assert "(Ihre Gruppe)" in page


def test_picked_items_go_into_the_next_issue_once(world, db, client, make_client, outbox):
    """Does a picked item appear in the next newsletter issue's block "Aus den Gruppen", and is it used up
    once that issue is sent?"""
    from saas.grouparea.operations import news_for_next_issue
    from saas.newsletter import issue_operations as issue_ops
    from tenants.models import Tenant

    huckarde(world.dortmund)
    sign_in(client, outbox)
    client.post_form(
        "/dortmund/gruppenbereich/newsletter", {"title": "Wir suchen Verstärkung", "body": "Neue sind willkommen."}
    )
    staff = make_client()
    staff.login(world.dortmund_staff)
    staff.post_form(f"/dortmund/intern/gruppenbereich/beitraege/{_one(db, world.dortmund, GroupNewsItem)}/freigeben")
    with tenant_context(world.dortmund.id):
        tenant = db.session.get(Tenant, world.dortmund.id)
        issue = issue_ops.create_issue(tenant, "Newsletter Dezember", "Hallo!", ["group_news"])
        html, _text = issue_ops.preview(tenant, issue)
        assert "Aus den Gruppen" in html and "Wir suchen Verstärkung" in html
        issue_ops.queue_issue(tenant, issue)
        db.session.commit()
    with tenant_context(world.dortmund.id):
        item = db.session.get(GroupNewsItem, _one(db, world.dortmund, GroupNewsItem))
        assert item.issue_id is not None
        assert news_for_next_issue() == []


def test_the_past_is_judged_by_the_offices_day(world, client, outbox, monkeypatch):
    """Is "in the past" the office's day (Europe/Berlin, ``timeutil.today``), not the server's clock? Just
    after midnight in Berlin the server (UTC) still has yesterday."""
    from saas.core import timeutil

    huckarde(world.dortmund)
    sign_in(client, outbox)
    office_day = timeutil.today() + dt.timedelta(days=3)
    monkeypatch.setattr(timeutil, "today", lambda: office_day)
    answer = client.post_form(
        "/dortmund/gruppenbereich/veranstaltung",
        {"title": "Vorgestern", "start_date": (office_day - dt.timedelta(days=1)).isoformat(), "start_time": "18:00",
         "address": "Hier"},
    )  # fmt: skip
    assert answer.status_code == 400 and "Vergangenheit" in answer.get_data(as_text=True)
