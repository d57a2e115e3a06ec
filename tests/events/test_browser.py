"""Browser: the issue's path end to end, in real Chromium, and axe-core on every page on the way.

Dortmund staff publish a seminar with a minimum of 6, citizens register in the browser (one without
JavaScript), the beat task cancels it when only 4 registered, and everyone is told.
"""

import datetime as dt

from sqlalchemy import select

from saas.core import timeutil
from saas.events import lifecycle
from saas.events import operations as ops
from saas.events.models import Event, EventStatus, Registration
from tenants.models import Tenant
from tenants.scoping import tenant_context
from tests.browser import assert_accessible, login
from tests.factories import Outbox


def _register(pg, url: str, name: str, email: str, persons: str = "1") -> None:  # type: ignore[no-untyped-def]
    pg.goto(url)
    pg.fill("#name", name)
    pg.fill("#email", email)
    pg.fill("#persons", persons)
    pg.check("#consent")
    pg.get_by_role("button", name="Verbindlich anmelden").click()
    pg.wait_for_load_state()
    assert "Danke für Ihre Anmeldung" in pg.content()


def test_publish_register_and_automatic_cancellation(page, page_nojs, world, outbox, db):
    day = timeutil.today() + dt.timedelta(days=14)
    login(page, world.dortmund_staff.email)
    page.goto("/dortmund/intern/veranstaltungen/")
    assert_accessible(page, "staff list")
    page.get_by_role("link", name="Neue Veranstaltung").click()
    assert_accessible(page, "event form")
    page.select_option("#kind", "seminar")
    page.fill("#title", "Hürden im Kopf")
    page.fill("#description", "Interkulturelle Öffnung von Selbsthilfegruppen.")
    page.fill("#start_date", day.isoformat())
    page.fill("#start_time", "10:00")
    page.fill("#end_time", "15:00")
    page.check("#place_kind-1")
    page.fill("#address", "Ostenhellweg 42-48, 44135 Dortmund")
    page.fill("#capacity", "12")
    page.fill("#min_participants", "6")
    page.fill("#decision_date", (day - dt.timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    assert "als Entwurf gespeichert" in page.content()
    assert_accessible(page, "staff detail (draft)")
    page.get_by_role("button", name="Veröffentlichen").click()
    page.wait_for_load_state()
    assert "veröffentlicht" in page.content()
    event_id = int(page.url.rstrip("/").split("/")[-1])

    # Citizens: the public pages work without JavaScript (page_nojs); axe-core needs JavaScript, so the
    # same pages are checked in the JavaScript page.
    page_nojs.goto("/dortmund/veranstaltungen")
    assert "Hürden im Kopf" in page_nojs.content()
    page.goto("/dortmund/veranstaltungen")
    assert_accessible(page, "public list")
    url = f"/dortmund/veranstaltungen/{event_id}"
    page.goto(url)
    assert_accessible(page, "public detail with form")
    page.get_by_role("button", name="Verbindlich anmelden").click()  # empty form: errors, nothing stored
    page.wait_for_load_state()
    assert "Bitte prüfen Sie Ihre Eingaben" in page.content()
    assert_accessible(page, "form with errors")
    _register(page_nojs, url, "Ayşe Demir", "ayse@example.org")
    page.goto(f"{url}/danke")
    assert_accessible(page, "thanks")
    for i, name in enumerate(["Bernd Brandt", "Carla Cordes", "Dieter Engel"]):
        _register(page, url, name, f"citizen{i}@example.org")

    first_mail = outbox.to("ayse@example.org")[0]
    link = next(line for line in Outbox.text(first_mail).splitlines() if "/anmeldung/" in line).strip()
    manage = link.split("http://lotse.test", 1)[1]
    page_nojs.goto(manage)
    assert "angemeldet" in page_nojs.content()
    page.goto(manage)
    assert_accessible(page, "manage registration")

    page.goto(f"/dortmund/intern/veranstaltungen/{event_id}/teilnehmende")
    assert "Carla Cordes" in page.content()
    assert_accessible(page, "participants")
    page.goto(f"/dortmund/intern/veranstaltungen/{event_id}/teilnehmende/druck")
    assert_accessible(page, "print view")

    tenant = db.session.get(Tenant, world.dortmund.id)
    with tenant_context(tenant.id):
        result = lifecycle.check_minimums(tenant, today=day - dt.timedelta(days=7))
        db.session.commit()
        assert result["cancelled"] == 1
        assert db.session.get(Event, event_id).status == EventStatus.cancelled
    for address in ["ayse@example.org", "citizen0@example.org", "citizen1@example.org", "citizen2@example.org"]:
        last = outbox.to(address)[-1]
        assert str(last["Subject"]) == "Abgesagt: Hürden im Kopf", address
    page_nojs.goto(url)
    assert "Diese Veranstaltung ist abgesagt" in page_nojs.content()
    page.goto(url)
    assert_accessible(page, "cancelled event")


def test_waitlist_settings_and_attendance_pages(page, world, db):
    """Are the settings, attendance and decision pages usable and accessible?"""
    login(page, world.dortmund_admin.email)
    page.goto("/dortmund/intern/veranstaltungen/einstellungen")
    assert_accessible(page, "settings")
    page.check("#auto_cancel-1")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    with tenant_context(world.dortmund.id):
        assert ops.auto_cancel(db.session.get(Tenant, world.dortmund.id)) is False
        event = ops.create_event({"kind": "gesamttreffen", "title": "Gesamttreffen", "start_date": timeutil.today(),
                                  "start_time": dt.time(0, 1), "place_kind": "address", "address": "Dortmund",
                                  "capacity": 2})  # fmt: skip
        event.status, event.published_at = EventStatus.published, event.created_at
        db.session.flush()
        for i in range(3):
            db.session.add(Registration(event_id=event.id, status="confirmed" if i < 2 else "waitlisted", persons=1,
                                        name=f"Teilnehmerin {i}", email=f"t{i}@example.org"))  # fmt: skip
        db.session.commit()
        event_id = event.id
    page.goto(f"/dortmund/intern/veranstaltungen/{event_id}/anwesenheit")
    assert_accessible(page, "attendance")
    page.get_by_label("anwesend: Teilnehmerin 0").fill("1")
    page.get_by_role("button", name="Anwesenheit speichern").click()
    page.wait_for_load_state()
    assert "Anwesenheit gespeichert" in page.content()
    with tenant_context(world.dortmund.id):
        rows = db.session.scalars(select(Registration).order_by(Registration.id)).all()
        assert [r.attended_persons for r in rows] == [1, None, None]
