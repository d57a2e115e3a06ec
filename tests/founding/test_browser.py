"""Browser: staff run a founding process from three interested callers to a founded group meeting in
Raum 2, record a group conflict as a case with sessions, and open the funders' reports page; axe-core on
every new page (and on the quick entry with its new effort fields). Screenshots go to $LOTSE_SCREENSHOTS."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from playwright.sync_api import expect

from saas.contacts.operations import today
from tests.browser import assert_accessible, login
from tests.rooms.helpers import make_group, make_room, open_day

SHOTS = os.environ.get("LOTSE_SCREENSHOTS")


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_founding_process_to_a_group_in_raum_2(page, world):
    room = make_room(world.dortmund, name="Raum 2")
    login(page, world.dortmund_staff.email)
    page.goto("/dortmund/intern/gruendungen/")
    expect(page.get_by_role("heading", name="Gründungsbegleitung", exact=True)).to_be_visible()
    assert_accessible(page, "founding overview (empty)")
    page.get_by_label("Thema der geplanten Gruppe").fill("Hochsensibilität")
    page.get_by_label("Beginn").fill((today() - dt.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Gründungsprozess anlegen").click()
    expect(page.get_by_role("heading", name="Gründungsprozess: Hochsensibilität")).to_be_visible()
    for name, reach in (("Frau K.", "0231 111 222"), ("Herr M.", "herr.m@example.org"), ("L.", "l@example.org")):
        page.get_by_label("Name oder Pseudonym").fill(name)
        page.get_by_label("Erreichbar über (Telefon oder E-Mail)").fill(reach)
        page.get_by_role("button", name="Auf die Liste setzen").click()
        expect(page.get_by_role("cell", name=name, exact=True)).to_be_visible()
    page.get_by_label("Schritt", exact=True).select_option("first_talk")
    page.get_by_label("Datum des Schritts").fill((today() - dt.timedelta(days=5)).isoformat())
    page.get_by_role("button", name="Schritt eintragen").click()
    expect(page.get_by_text("Schritt eingetragen.")).to_be_visible()
    meeting = open_day(today() + dt.timedelta(days=14))
    form = page.locator("form[action$='/erstes-treffen']")
    form.get_by_label("Raum").select_option(str(room.id))
    form.get_by_label("Tag des ersten Treffens").fill(meeting.isoformat())
    form.get_by_label("Beginn").fill("18:00")
    form.get_by_label("Ende").fill("20:00")
    form.get_by_role("button", name="Raum buchen").click()
    expect(page.get_by_text("Erstes Treffen gebucht:")).to_be_visible()
    assert_accessible(page, "process with first meeting")
    _shot(page, "founding-process")
    page.get_by_role("button", name="Einladungen verschicken").click()
    expect(page.get_by_text("2 per E-Mail eingeladen, 1 bitte anrufen.")).to_be_visible()
    page.get_by_role("button", name="Gruppe ist gegründet").click()
    expect(page.get_by_text("Die Gruppe ist gegründet")).to_be_visible()
    expect(page.get_by_role("link", name="Selbsthilfegruppe Hochsensibilität")).to_be_visible()
    assert_accessible(page, "founded process")
    _shot(page, "founding-founded")
    page.goto("/dortmund/intern/gruendungen/")
    expect(page.get_by_role("link", name="Hochsensibilität")).to_be_visible()
    assert_accessible(page, "founding overview")
    _shot(page, "founding-overview")


def test_conflict_case_and_funders_page(page, world):
    make_group(world.dortmund, "SHG Angst und Panik")
    login(page, world.dortmund_staff.email)
    page.goto("/dortmund/intern/begleitung/")
    assert_accessible(page, "cases (empty)")
    page.get_by_label("Gruppe").select_option(label="SHG Angst und Panik")
    page.get_by_label("Art").select_option("conflict")
    page.get_by_label("Beginn").fill((today() - dt.timedelta(days=10)).isoformat())
    page.get_by_role("button", name="Begleitung anlegen").click()
    expect(page.get_by_role("heading", name="Konfliktberatung: SHG Angst und Panik")).to_be_visible()
    page.get_by_label("Datum").fill((today() - dt.timedelta(days=3)).isoformat())
    page.get_by_label("Dauer (mit Vor- und Nachbereitung)").select_option(label="1 Std. 30 Min.")
    page.get_by_role("button", name="Termin eintragen").click()
    expect(page.get_by_text("1 Termine, zusammen 1,5 Stunden.")).to_be_visible()
    assert_accessible(page, "case")
    _shot(page, "support-case")
    page.goto("/dortmund/intern/begleitung/")
    assert_accessible(page, "cases")
    page.goto("/dortmund/intern/foerderberichte/")
    expect(page.get_by_role("link", name=f"Sachbericht {today().year - 1} als PDF")).to_be_visible()
    assert_accessible(page, "funders page")
    _shot(page, "funders")
    page.goto("/dortmund/intern/kontakte/neu")
    expect(page.get_by_label("Dauer", exact=True)).to_be_visible()
    expect(page.locator("#medium")).to_be_hidden()  # only for written contacts
    page.get_by_label("Schriftlich / E-Mail").check()
    expect(page.get_by_label("Brief")).to_be_visible()
    assert_accessible(page, "quick entry with effort")
    _shot(page, "quick-entry")
