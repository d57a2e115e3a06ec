"""iCalendar: the office feed and each event validate with the icalendar library, in Berlin wall-clock time."""

import datetime as dt

from icalendar import Calendar

from saas.events import operations as ops
from saas.events.models import CancelReason, Event
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.events.helpers import make_event


def test_feed_and_event_ics_parse_and_keep_local_time(world, client):
    summer = make_event(world.dortmund, days_ahead=30, min_participants=None, decision_date=None)
    with tenant_context(world.dortmund.id):
        event = db.session.get(Event, summer.id)
        event.start_date = dt.date(2099, 7, 14)
        event.start_time = dt.time(19, 0)
        event.end_time = dt.time(21, 0)
        db.session.commit()
    gone = make_event(world.dortmund, days_ahead=40, title="Minigolf", min_participants=None, decision_date=None)
    with tenant_context(world.dortmund.id):
        ops.cancel_event(db.session.get(Event, gone.id), reason=CancelReason.too_few)
        db.session.commit()
    make_event(world.dortmund, days_ahead=50, title="Noch geheim", publish=False)
    make_event(world.hamm, days_ahead=30, title="Hammer Treffen")

    response = client.get("/dortmund/veranstaltungen.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    cal = Calendar.from_ical(response.data)
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"Meine Rolle als Gruppenleitung", "ABGESAGT: Minigolf"}
    assert str(events["ABGESAGT: Minigolf"]["status"]) == "CANCELLED"
    start = events["Meine Rolle als Gruppenleitung"].decoded("dtstart")
    assert (start.hour, str(start.tzinfo)) == (19, "Europe/Berlin")
    assert start.astimezone(dt.UTC).hour == 17  # CEST
    assert cal.walk("VTIMEZONE"), "calendar programs need the VTIMEZONE"
    for item in cal.walk("VEVENT"):
        assert item.get("uid") and item.get("dtstamp")

    single = client.get(f"/dortmund/veranstaltungen/{summer.id}.ics")
    assert single.status_code == 200
    (only,) = Calendar.from_ical(single.data).walk("VEVENT")
    assert str(only["url"]).endswith(f"/dortmund/veranstaltungen/{summer.id}")
    assert client.get(f"/hamm/veranstaltungen/{summer.id}.ics").status_code == 404
