"""Browser: staff book a group's weekly room for the year, see the clash named when booking over it,
and use the week, month, door and closure pages; axe-core on each."""

import datetime as dt

from sqlalchemy import select

from saas.core import timeutil
from saas.extensions import db
from saas.rooms.models import Booking
from tenants.scoping import tenant_context
from tests.browser import assert_accessible, login
from tests.rooms.helpers import make_group, make_room


def test_book_a_weekly_room_for_the_year_and_browse_the_calendars(page, world):
    room = make_room(world.dortmund)
    make_room(world.dortmund, name="Gruppenraum 2")
    group = make_group(world.dortmund, "Selbsthilfe bei Angst")
    other = make_group(world.dortmund, "Trauernde Eltern")
    today = timeutil.today()
    start = today + dt.timedelta(days=(1 - today.weekday()) % 7 or 7)  # next Tuesday
    until = start + dt.timedelta(days=364)
    login(page, world.dortmund_staff.email)
    page.goto("/dortmund/intern/raeume/")
    assert_accessible(page, "rooms overview")
    page.get_by_role("link", name="Neue Buchung").first.click()
    assert_accessible(page, "booking form")

    def fill(group_id: int, pattern: str, first: dt.date) -> None:
        page.select_option("#room_id", str(room.id))
        page.check("#kind-0")
        page.select_option("#group_id", str(group_id))
        page.select_option("#pattern", pattern)
        page.fill("#start_date", first.isoformat())
        page.fill("#until_date", until.isoformat())
        page.fill("#start_time", "19:00")
        page.fill("#end_time", "21:00")
        page.get_by_role("button", name="Buchen").click()
        page.wait_for_load_state()

    fill(group.id, "weekly", start)
    assert "Gebucht" in page.content() and "jeden Dienstag" in page.content()
    assert_accessible(page, "booking detail")
    page.goto("/dortmund/intern/raeume/buchungen/neu")
    fill(other.id, "monthly", start + dt.timedelta(days=7))
    assert "Überschneidungen an 12 Terminen" in page.content() or "Überschneidungen an 13 Terminen" in page.content()
    assert (start + dt.timedelta(days=7)).strftime("%d.%m.%Y") in page.content()
    assert_accessible(page, "booking form with conflicts")
    with tenant_context(world.dortmund.id):
        assert len(db.session.scalars(select(Booking)).all()) == 1

    for url, label in [
        (f"/dortmund/intern/raeume/{room.id}/woche?datum={start.isoformat()}", "room week"),
        (f"/dortmund/intern/raeume/{room.id}/monat?monat={start.strftime('%Y-%m')}", "room month"),
        (f"/dortmund/intern/raeume/standort/{room.site_id}/woche?datum={start.isoformat()}", "site week"),
        (f"/dortmund/intern/raeume/standort/{room.site_id}/monat", "site month"),
        (f"/dortmund/intern/raeume/{room.id}/aushang", "door sign"),
        ("/dortmund/intern/raeume/buchungen/", "bookings"),
        ("/dortmund/intern/raeume/schliesszeiten", "closures"),
        (f"/dortmund/intern/raeume/gruppe/{group.id}/beenden", "end group bookings"),
    ]:
        page.goto(url)
        assert page.locator("h1").count() == 1, label
        assert_accessible(page, label)
    page.goto(f"/dortmund/intern/raeume/{room.id}/woche?datum={start.isoformat()}")
    assert "Selbsthilfe bei Angst" in page.content()
    page.get_by_role("link", name="nächste Woche").click()
    page.wait_for_load_state()
    assert (start + dt.timedelta(days=7)).strftime("%d.%m.%Y") in page.content()


def test_admin_room_form_is_accessible(page, world):
    make_room(world.dortmund)
    login(page, world.dortmund_admin.email)
    page.goto("/dortmund/intern/raeume/neu")
    assert_accessible(page, "room form")
    page.fill("#name", "Seminarraum")
    page.fill("#capacity", "20")
    page.fill("#opening", "Mo – Fr 09.00 – 21.00")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    assert "Seminarraum" in page.content()
