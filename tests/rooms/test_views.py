"""Staff pages for rooms: booking form with conflicts named, calendars, door sign, closures, ending a
group's bookings after confirmation, the group include, and 404 for every URL of another office."""

import datetime as dt

from flask import render_template
from sqlalchemy import select

from saas.core import timeutil
from saas.core.recurrence import week_start
from saas.extensions import db
from saas.rooms.models import Booking, BookingStatus, Closure
from tenants.scoping import tenant_context
from tests.rooms.helpers import book, make_group, make_room


def _next_tuesday() -> dt.date:
    today = timeutil.today()
    return today + dt.timedelta(days=(1 - today.weekday()) % 7 or 7)


def _booking_form(room, group, start: dt.date, **extra) -> dict:  # type: ignore[no-untyped-def]
    return {"room_id": str(room.id), "kind": "group", "group_id": str(group.id), "title": "", "pattern": "weekly",
            "nth": "0", "start_date": start.isoformat(), "until_date": (start + dt.timedelta(days=180)).isoformat(),
            "start_time": "19:00", "end_time": "21:00", "note": "", **extra}  # fmt: skip


def test_book_through_the_form_and_see_conflicting_dates_named(world, client):
    room = make_room(world.dortmund)
    group, other = make_group(world.dortmund, "SHG Angst"), make_group(world.dortmund, "SHG Depression")
    client.login(world.dortmund_staff)
    start = _next_tuesday()
    assert (
        client.post_form("/dortmund/intern/raeume/buchungen/neu", _booking_form(room, group, start)).status_code == 302
    )
    clash = client.post_form(
        "/dortmund/intern/raeume/buchungen/neu",
        _booking_form(room, other, start + dt.timedelta(days=14), pattern="biweekly", start_time="20:00",
                      end_time="22:00"),
    )  # fmt: skip
    page = clash.get_data(as_text=True)
    assert clash.status_code == 422 and "Überschneidungen an" in page
    assert (start + dt.timedelta(days=14)).strftime("%d.%m.%Y") in page and "SHG Angst" in page
    with tenant_context(world.dortmund.id):
        assert len(db.session.scalars(select(Booking)).all()) == 1


def test_each_booking_refusal_is_shown_at_its_own_field(world, client):
    """Does each refusal of the booking operation come back at the field it is about, not at the first date?"""
    room = make_room(world.dortmund)
    group = make_group(world.dortmund, "SHG Angst")
    client.login(world.dortmund_staff)
    start = _next_tuesday()
    cases = [
        (_booking_form(room, group, start, end_time="18:00"), "end_time", "Das Ende muss nach dem Beginn liegen."),
        (_booking_form(room, group, start, until_date=""), "until_date", "Eine regelmäßige Buchung braucht"),
        (_booking_form(room, group, start, until_date=(start - dt.timedelta(days=1)).isoformat()), "until_date",
         "Das Enddatum liegt vor dem ersten Termin."),
        (_booking_form(room, group, start, start_time="06:00", end_time="07:00"), "start_time",
         "Der Raum ist zu dieser Zeit nicht geöffnet"),
        (_booking_form(room, group, start, group_id="0"), "group_id", "Bitte wählen Sie die Gruppe."),
        (_booking_form(room, group, start, kind="other", group_id="0"), "title", "Bitte geben Sie an, wofür"),
    ]  # fmt: skip
    for data, field, message in cases:
        response = client.post_form("/dortmund/intern/raeume/buchungen/neu", data)
        page = response.get_data(as_text=True)
        assert response.status_code == 422, field
        shown = page.split(f'id="{field}-error">', 1)
        assert len(shown) == 2 and shown[1].split("</p>", 1)[0].startswith(message), (field, page)
        assert 'id="start_date-error"' not in page, field
    with tenant_context(world.dortmund.id):
        assert db.session.scalars(select(Booking)).all() == []


def test_calendars_door_sign_and_group_include_show_the_booking(world, client, app):
    room = make_room(world.dortmund)
    group = make_group(world.dortmund, "SHG Angst")
    secret = make_group(world.dortmund, "SHG Geheim", visibility="protected")
    start = _next_tuesday()
    book(
        world.dortmund,
        room,
        group,
        pattern="weekly",
        start_date=start,
        until_date=start + dt.timedelta(days=90),
        start_time=dt.time(19),
        end_time=dt.time(21),
    )
    book(
        world.dortmund,
        room,
        secret,
        pattern="weekly",
        start_date=start,
        until_date=start + dt.timedelta(days=90),
        start_time=dt.time(17),
        end_time=dt.time(19),
    )
    client.login(world.dortmund_readonly)
    base = "/dortmund/intern/raeume"
    week = client.get(f"{base}/{room.id}/woche?datum={start.isoformat()}").get_data(as_text=True)
    assert "19.00–21.00" in week and "SHG Angst" in week
    site_week = client.get(f"{base}/standort/{room.site_id}/woche?datum={start.isoformat()}").get_data(as_text=True)
    assert "SHG Angst" in site_week and "Gruppenraum 1" in site_week
    month = client.get(f"{base}/{room.id}/monat?monat={start.strftime('%Y-%m')}").get_data(as_text=True)
    assert month.count("SHG Angst") >= 1
    site_month = client.get(f"{base}/standort/{room.site_id}/monat?monat={start.strftime('%Y-%m')}")
    assert "Gruppenraum 1" in site_month.get_data(as_text=True)
    door = client.get(f"{base}/{room.id}/aushang?datum={start.isoformat()}").get_data(as_text=True)
    assert "SHG Angst" in door and "jeden Dienstag" in door
    assert "SHG Geheim" not in door  # a protected group is not named on the door
    assert client.get(f"{base}/{room.id}/woche?datum=kaputt").status_code == 400
    with app.test_request_context("/dortmund/intern/"), tenant_context(world.dortmund.id):
        from flask import g

        from tenants.models import Tenant

        g.tenant = db.session.get(Tenant, world.dortmund.id)  # as on the directory's group page
        html = render_template("rooms/_group_bookings.html", group=group)
    assert "Gruppenraum 1" in html and "jeden Dienstag" in html


def test_dissolved_group_bookings_end_after_confirmation(world, client):
    room = make_room(world.dortmund)
    group = make_group(world.dortmund)
    start = _next_tuesday()
    booking = book(world.dortmund, room, group, pattern="weekly", start_date=start,
                   until_date=start + dt.timedelta(days=90), start_time=dt.time(19), end_time=dt.time(21))  # fmt: skip
    client.login(world.dortmund_staff)
    confirm = client.get(f"/dortmund/intern/raeume/gruppe/{group.id}/beenden")
    assert confirm.status_code == 200 and "Ja, alle künftigen Buchungen beenden" in confirm.get_data(as_text=True)
    with tenant_context(world.dortmund.id):
        assert db.session.get(Booking, booking.id).status == BookingStatus.active  # nothing happens on GET
    assert client.post_form(f"/dortmund/intern/raeume/gruppe/{group.id}/beenden").status_code == 302
    with tenant_context(world.dortmund.id):
        assert db.session.get(Booking, booking.id).status == BookingStatus.cancelled  # it had not started yet


def test_cancel_one_date_and_closures_through_the_pages(world, client):
    room = make_room(world.dortmund)
    group = make_group(world.dortmund)
    start = _next_tuesday()
    booking = book(world.dortmund, room, group, pattern="weekly", start_date=start,
                   until_date=start + dt.timedelta(days=90), start_time=dt.time(19), end_time=dt.time(21))  # fmt: skip
    client.login(world.dortmund_staff)
    url = f"/dortmund/intern/raeume/buchungen/{booking.id}"
    day = start + dt.timedelta(days=7)
    assert client.post_form(f"{url}/ausfall", {"day": day.isoformat(), "note": "Urlaub"}).status_code == 302
    assert client.post_form(f"{url}/ausfall", {"day": (day + dt.timedelta(days=1)).isoformat()}).status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert day.strftime("%d.%m.%Y") in page and "Urlaub" in page
    week = client.get(f"/dortmund/intern/raeume/{room.id}/woche?datum={day.isoformat()}").get_data(as_text=True)
    assert "fällt aus" in week
    outing = (start + dt.timedelta(days=14)).isoformat()
    closed = client.post_form(
        "/dortmund/intern/raeume/schliesszeiten",
        {"site_id": "0", "first_day": outing, "last_day": outing, "label": "Betriebsausflug"},
    )
    assert closed.status_code == 302
    bad = client.post_form("/dortmund/intern/raeume/schliesszeiten",
                           {"site_id": "0", "first_day": start.isoformat(),
                            "last_day": (start - dt.timedelta(days=3)).isoformat(), "label": "Falsch"})  # fmt: skip
    assert bad.status_code == 422
    week = client.get(f"/dortmund/intern/raeume/{room.id}/woche?datum={(start + dt.timedelta(days=14)).isoformat()}")
    assert "Betriebsausflug" in week.get_data(as_text=True)
    with tenant_context(world.dortmund.id):
        assert len(db.session.scalars(select(Closure)).all()) == 1


def test_admin_creates_a_room_with_opening_hours(world, client):
    client.login(world.dortmund_admin)
    with tenant_context(world.dortmund.id):
        from tenants.models import Site

        site_id = db.session.scalars(select(Site.id)).first()
    data = {"site_id": str(site_id), "name": "Seminarraum", "capacity": "20", "wheelchair_accessible": "y",
            "accessibility_note": "", "equipment": "Beamer", "opening": "Mo – Fr 09.00 – 21.00",
            "active": "y"}  # fmt: skip
    assert client.post_form("/dortmund/intern/raeume/neu", {**data, "opening": "irgendwann"}).status_code == 422
    assert client.post_form("/dortmund/intern/raeume/neu", data).status_code == 302
    overview = client.get("/dortmund/intern/raeume/").get_data(as_text=True)
    assert "Seminarraum" in overview and "Mo – Fr 09.00 – 21.00 Uhr" in overview
    client.logout()
    client.login(world.dortmund_staff)
    assert client.get("/dortmund/intern/raeume/neu").status_code == 403


def test_every_rooms_url_answers_404_to_another_office(world, client):
    room = make_room(world.dortmund)
    group = make_group(world.dortmund)
    start = _next_tuesday()
    booking = book(world.dortmund, room, group, pattern="weekly", start_date=start,
                   until_date=start + dt.timedelta(days=60), start_time=dt.time(19), end_time=dt.time(21))  # fmt: skip
    with tenant_context(world.dortmund.id):
        from saas.rooms import operations as room_ops

        closure = room_ops.add_closure(first_day=start, last_day=start, label="Feiertag")
        db.session.commit()
        closure_id = closure.id
    b = "/dortmund/intern/raeume"
    gets = [f"{b}/", f"{b}/neu", f"{b}/{room.id}/bearbeiten", f"{b}/{room.id}/woche", f"{b}/{room.id}/monat",
            f"{b}/{room.id}/aushang", f"{b}/standort/{room.site_id}/woche", f"{b}/standort/{room.site_id}/monat",
            f"{b}/buchungen/", f"{b}/buchungen/neu", f"{b}/buchungen/{booking.id}",
            f"{b}/buchungen/{booking.id}/bearbeiten",
            f"{b}/gruppe/{group.id}/beenden", f"{b}/schliesszeiten"]  # fmt: skip
    posts = [f"{b}/buchungen/{booking.id}/ausfall",
             f"{b}/buchungen/{booking.id}/ausfall/{start.isoformat()}/zuruecknehmen",
             f"{b}/buchungen/{booking.id}/beenden", f"{b}/gruppe/{group.id}/beenden",
             f"{b}/schliesszeiten/{closure_id}/loeschen"]  # fmt: skip
    client.login(world.hamm_admin)
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post_form(url, {"day": start.isoformat()}).status_code == 404, url
    h = "/hamm/intern/raeume"
    for url in [f"{h}/{room.id}/woche", f"{h}/{room.id}/aushang", f"{h}/buchungen/{booking.id}",
                f"{h}/standort/{room.site_id}/woche", f"{h}/gruppe/{group.id}/beenden"]:  # fmt: skip
        assert client.get(url).status_code == 404, url
    for url in [f"{h}/buchungen/{booking.id}/beenden", f"{h}/schliesszeiten/{closure_id}/loeschen"]:
        assert client.post_form(url).status_code == 404, url
    foreign_booking = client.post_form(f"{h}/buchungen/neu", _booking_form(room, group, start))
    assert foreign_booking.status_code == 422  # a foreign room or group is simply not a valid choice
    assert "Gruppenraum 1" not in foreign_booking.get_data(as_text=True)
    with tenant_context(world.dortmund.id):
        assert db.session.get(Booking, booking.id).status == BookingStatus.active
        assert len(db.session.scalars(select(Booking)).all()) == 1
    assert week_start(start) <= start
