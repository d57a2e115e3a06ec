"""Browser: the group area's flows in real Chromium, axe-core on every page on the way — the issue's
"done when": Huckarde's contact person signs in from a link, moves the meeting to Thursdays, requests
Raum 1 every second Thursday, enters the GKV funding; Dortmund staff approve from their start page."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from playwright.sync_api import expect

from saas.core import timeutil
from tests.browser import assert_accessible, login
from tests.grouparea.helpers import ADDRESS, huckarde, link_from, path_of
from tests.rooms.helpers import make_room
from workers.grouparea import funding_reminders

SHOTS = os.environ.get("LOTSE_SHOTS")  # a folder: save a screenshot of every page for a person to look at


def _look(page, name: str) -> None:  # type: ignore[no-untyped-def]
    assert_accessible(page, name)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def _sign_in(page, outbox) -> None:  # type: ignore[no-untyped-def]
    page.goto("/dortmund/gruppenbereich")
    _look(page, "group-sign-in")
    page.get_by_label("E-Mail-Adresse Ihrer Gruppe").fill(ADDRESS)
    page.get_by_role("button", name="Anmeldelink schicken").click()
    expect(page.get_by_role("heading", name="Bitte sehen Sie in Ihr Postfach")).to_be_visible()
    _look(page, "group-sign-in-sent")
    page.goto(path_of(link_from(outbox)))
    expect(page.get_by_role("heading", name="Depression – Gesprächskreis Huckarde")).to_be_visible()
    _look(page, "group-home")


def _staff_page(browser, live_server, world):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server, locale="de-DE")
    staff = context.new_page()
    staff.set_default_timeout(10_000)
    login(staff, world.dortmund_staff.email)
    return staff


def test_sign_in_propose_thursdays_and_staff_approve_from_the_start_page(page, browser, live_server, world, outbox):
    """Can the contact person sign in by link and propose Thursdays, and staff approve it from their start
    page after seeing old and new side by side — all pages accessible?"""
    huckarde(world.dortmund)
    _sign_in(page, outbox)
    page.get_by_role("link", name="Eintrag ändern").click()
    _look(page, "group-propose")
    page.get_by_label("Wochentag").select_option(label="Donnerstag")
    page.get_by_role("button", name="Änderungen zur Freigabe schicken").click()
    expect(page.get_by_text("Die Kontaktstelle prüft Ihre Änderungen")).to_be_visible()
    expect(page.get_by_text("wartet auf Freigabe")).to_be_visible()

    staff = _staff_page(browser, live_server, world)
    staff.goto("/dortmund/intern/")
    staff.get_by_role("link", name="Alles von Gruppen").click()
    _look(staff, "staff-inbox")
    staff.get_by_role("link", name="Depression – Gesprächskreis Huckarde").click()
    expect(staff.get_by_role("cell", name="Donnerstag")).to_be_visible()
    _look(staff, "staff-proposal")
    staff.get_by_role("button", name="Freigeben und veröffentlichen").click()
    expect(staff.get_by_text("Freigegeben.")).to_be_visible()

    page.goto("/dortmund/gruppenbereich/start")
    expect(page.get_by_text("jeden 2. Donnerstag")).to_be_visible()
    expect(page.get_by_text("freigegeben", exact=True)).to_be_visible()
    staff.context.close()


def test_submit_an_event_and_request_raum_1_every_second_thursday(page, browser, live_server, world, outbox):
    """Can the group submit an event and request Raum 1 fortnightly with the terms accepted, and staff
    approve both — accessibly?"""
    make_room(world.dortmund, "Raum 1")
    huckarde(world.dortmund)
    _sign_in(page, outbox)
    page.get_by_role("link", name="Veranstaltung", exact=True).click()
    _look(page, "group-event")
    day = timeutil.today() + dt.timedelta(days=30)
    page.get_by_label("Titel").fill("Offener Abend: Wege aus der Depression")
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Beginn").fill("18:30")
    page.get_by_label("Ort").fill("Gemeindehaus Huckarde")
    page.get_by_role("button", name="Zur Freigabe schicken").click()
    expect(page.get_by_text("prüft Ihre Veranstaltung")).to_be_visible()

    page.get_by_role("link", name="Raum anfragen").click()
    _look(page, "group-room")
    thursday = timeutil.today() + dt.timedelta(days=(3 - timeutil.today().weekday()) % 7 + 7)
    page.get_by_label("Wie oft").select_option("biweekly")
    page.get_by_label("Erster Termin").fill(thursday.isoformat())
    page.locator("#start_time").fill("18:30")
    page.locator("#end_time").fill("20:00")
    page.get_by_label("Ich habe die Nutzungsbedingungen").check()
    page.get_by_role("button", name="Raum anfragen").click()
    expect(page.get_by_text("prüft Ihre Raumanfrage")).to_be_visible()

    staff = _staff_page(browser, live_server, world)
    staff.goto("/dortmund/intern/gruppenbereich/")
    _look(staff, "staff-inbox-full")
    staff.get_by_role("button", name=re.compile(r"^Freigeben\s*: Offener Abend")).click()
    expect(staff.get_by_text("Freigegeben.")).to_be_visible()
    staff.get_by_role("button", name=re.compile(r"^Freigeben\s*: Depression")).click()
    expect(staff.get_by_text("Freigegeben.")).to_be_visible()
    staff.goto("/dortmund/veranstaltungen")
    expect(staff.get_by_text("Offener Abend: Wege aus der Depression").first).to_be_visible()
    page.goto("/dortmund/gruppenbereich/raum")
    expect(page.get_by_text("(Ihre Gruppe)").first).to_be_visible()
    _look(page, "group-room-booked")
    page.get_by_role("link", name="Newsletter-Beitrag").click()
    _look(page, "group-news")
    staff.context.close()


def test_funding_entered_overview_and_reminder(page, browser, live_server, world, outbox):
    """Can the group enter its GKV funding, the office set the proof deadline and see the year, and does the
    reminder reach the contact person 4 weeks before?"""
    huckarde(world.dortmund)
    _sign_in(page, outbox)
    page.get_by_role("link", name="Förderung").click()
    _look(page, "group-funding")
    page.get_by_label("Förderart", exact=True).select_option("gkv_pauschal")
    page.get_by_label("Stand").select_option("granted")
    page.get_by_label("Beantragter Betrag (Euro)").fill("950")
    page.get_by_label("Bewilligter Betrag (Euro)").fill("800")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("cell", name="800,00 €")).to_be_visible()
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", name="Your group's funding")).to_be_visible()
    _look(page, "group-funding-en")
    page.get_by_role("link", name="Deutsch").click()
    expect(page.get_by_role("heading", name="Förderung Ihrer Gruppe")).to_be_visible()

    year = timeutil.today().year
    due = timeutil.today() + dt.timedelta(days=28)
    staff = _staff_page(browser, live_server, world)
    staff.goto(f"/dortmund/intern/foerderung/?jahr={year}")
    staff.get_by_label("Förderart", exact=True).select_option("gkv_pauschal")
    staff.get_by_label("Frist für").select_option("proof")
    staff.get_by_label("Fällig am").fill(due.isoformat())
    staff.get_by_role("button", name="Frist setzen").click()
    expect(staff.get_by_text("Frist gespeichert.")).to_be_visible()
    _look(staff, "staff-funding")
    before = len(outbox.to(ADDRESS))
    funding_reminders()
    reminders = outbox.to(ADDRESS)[before:]
    assert len(reminders) == 1 and "Verwendungsnachweis" in str(reminders[0]["Subject"])
    staff.context.close()


def test_staff_edit_an_event_and_a_news_item_before_approving(page, browser, live_server, world, outbox):
    """Can staff open what a group sent, correct it and publish their version, and then see the group's and
    the published version side by side — the edit pages accessible?"""
    huckarde(world.dortmund)
    _sign_in(page, outbox)
    page.get_by_role("link", name="Veranstaltung", exact=True).click()
    day = timeutil.today() + dt.timedelta(days=30)
    page.get_by_label("Titel").fill("offener abend")
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Beginn").fill("18:30")
    page.get_by_label("Ort").fill("Gemeindehaus Huckarde")
    page.get_by_role("button", name="Zur Freigabe schicken").click()
    expect(page.get_by_text("prüft Ihre Veranstaltung")).to_be_visible()
    page.get_by_role("link", name="Newsletter-Beitrag").click()
    page.get_by_label("Überschrift").fill("wir suchen leute")
    page.get_by_label("Text").fill("Kommt vorbei!!")
    page.get_by_role("button", name=re.compile("schicken|einreichen")).click()

    staff = _staff_page(browser, live_server, world)
    staff.goto("/dortmund/intern/gruppenbereich/")
    staff.get_by_role("link", name=re.compile(r"^Bearbeiten und freigeben\s*: offener abend")).click()
    _look(staff, "staff-event-edit")
    staff.get_by_label("Titel").fill("Offener Abend der Depressionsgruppe Huckarde")
    staff.get_by_label("Beginn").fill("19:00")
    staff.get_by_role("button", name="Freigeben und veröffentlichen").click()
    expect(staff.get_by_text("Freigegeben.")).to_be_visible()
    staff.get_by_role("link", name=re.compile(r"^Bearbeiten und auswählen\s*: wir suchen leute")).click()
    _look(staff, "staff-news-edit")
    staff.get_by_label("Überschrift").fill("Wir suchen Verstärkung")
    staff.get_by_role("button", name="Für den nächsten Newsletter auswählen").click()
    expect(staff.get_by_text("Freigegeben.")).to_be_visible()
    staff.get_by_role("link", name="Wir suchen Verstärkung").click()
    expect(staff.get_by_text("von der Kontaktstelle angepasst")).to_be_visible()
    _look(staff, "staff-news-done")
    staff.goto("/dortmund/veranstaltungen")
    expect(staff.get_by_text("Offener Abend der Depressionsgruppe Huckarde").first).to_be_visible()
    page.goto("/dortmund/gruppenbereich/start")
    expect(page.get_by_text("von der Kontaktstelle angepasst").first).to_be_visible()
    _look(page, "group-home-edited")
    staff.context.close()
