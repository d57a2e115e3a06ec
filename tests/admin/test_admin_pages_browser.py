"""The office administration in a real browser: every page passes axe-core, and the forms work without JavaScript."""

import re

from playwright.sync_api import expect

from tests.browser import assert_accessible, login

BASE = "/dortmund/intern/verwaltung"


def _named(action: str, thing: str) -> re.Pattern:
    """A link like "Löschen" whose accessible name also names its row ("Löschen: Lünen")."""
    return re.compile(rf"^{re.escape(action)}\W+{re.escape(thing)}$")


def test_admin_reaches_the_administration_from_the_staff_navigation(page, world):
    """Is "Verwaltung" in the staff navigation for the admin, and is the overview accessible?"""
    login(page, world.dortmund_admin.email)
    menu = page.get_by_role("navigation", name="Bereiche der Kontaktstelle")
    menu.locator("summary", has_text="Verwaltung").click()  # the group's summary opens it
    menu.get_by_role("link", name="Verwaltung", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Verwaltung")).to_be_visible()
    assert_accessible(page, "admin overview")


def test_people_pages(page, browser, live_server, world, outbox):
    """Invite a person, see the pending invitation and resend it, confirm it as the person (without
    JavaScript), change the role and open the removal page — all accessible."""
    login(page, world.dortmund_admin.email)
    page.goto(f"{BASE}/personen")
    assert_accessible(page, "people")
    page.get_by_label("E-Mail-Adresse").fill("kein-gueltiger-wert")
    page.get_by_role("button", name="Person hinzufügen").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, "people with errors")

    page.get_by_label("E-Mail-Adresse").fill("neu@example.org")
    page.get_by_label("Name", exact=True).fill("Nora Neu")
    page.get_by_label("Rolle", exact=True).select_option("readonly")
    page.get_by_role("button", name="Person hinzufügen").click()
    page.wait_for_load_state()
    expect(page.get_by_text("neu@example.org wurde eingeladen.")).to_be_visible()
    assert len(outbox.wait_for(1)) == 1
    pending = page.get_by_role("table", name="Einladungen, noch nicht bestätigt")
    expect(pending).to_contain_text("neu@example.org")
    expect(page.get_by_label("Rolle von Nora Neu")).to_have_count(0)  # no access yet
    assert_accessible(page, "people with a pending invitation")
    page.get_by_role("button", name="Erneut senden (neu@example.org)").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Ein neuer Link ist an neu@example.org unterwegs")).to_be_visible()
    mails = outbox.wait_for(2)
    link = re.search(r"http://lotse\.test(/zugang/\S+)", outbox.text(mails[-1])).group(1)

    # axe-core needs JavaScript: the page is checked in a browser of its own (opening it changes nothing),
    # then confirmed in one without JavaScript.
    checker = browser.new_context(base_url=live_server, locale="de-DE")
    try:
        first_look = checker.new_page()
        first_look.set_default_timeout(10_000)
        first_look.goto(link)
        expect(first_look.get_by_role("heading", level=1, name="Willkommen bei Lotse")).to_be_visible()
        assert_accessible(first_look, "confirm the invitation")
    finally:
        checker.close()
    person = browser.new_context(base_url=live_server, locale="de-DE", java_script_enabled=False)
    try:
        newcomer = person.new_page()
        newcomer.set_default_timeout(10_000)
        newcomer.goto(link)
        expect(newcomer.get_by_role("heading", level=1, name="Willkommen bei Lotse")).to_be_visible()
        newcomer.get_by_label("Neues Passwort", exact=True).fill("ein sehr langes passwort")
        newcomer.get_by_label("Neues Passwort wiederholen").fill("ein sehr langes passwort")
        newcomer.get_by_role("button", name="Passwort speichern und Einladung annehmen").click()
        expect(newcomer.get_by_text("Ihr Zugang zu Selbsthilfe-Kontaktstelle Dortmund ist bestätigt.")).to_be_visible()
    finally:
        person.close()

    page.goto(f"{BASE}/personen")
    expect(page.get_by_role("table", name="Einladungen, noch nicht bestätigt")).to_have_count(0)
    page.get_by_label("Rolle von Nora Neu").select_option("staff")
    page.get_by_role("button", name="Rolle ändern (Nora Neu)").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Die Rolle von Nora Neu ist jetzt: Fachkraft.")).to_be_visible()

    page.get_by_role("link", name=_named("Entfernen", "Nora Neu")).click()
    expect(page.get_by_role("heading", level=1, name="Person entfernen")).to_be_visible()
    assert_accessible(page, "remove person")
    page.get_by_role("button", name="Zugang entfernen").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Nora Neu hat keinen Zugang mehr zur Kontaktstelle.")).to_be_visible()


def test_profile_page(page, world):
    login(page, world.dortmund_admin.email)
    page.goto(f"{BASE}/profil")
    assert_accessible(page, "profile")
    page.get_by_label("Internetseite").fill("javascript:alert(1)")
    page.get_by_role("button", name="Profil speichern").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_contain_text("https://")
    assert_accessible(page, "profile with errors")
    page.get_by_label("Internetseite").fill("https://www.selbsthilfe-dortmund.de")
    page.get_by_label("Träger").fill("PariSozial Dortmund gGmbH")
    page.get_by_label("Personalstellen (Vollzeitstellen)").fill("3,5")
    relatives = page.get_by_label("Angehörige getrennt zählen")
    expect(relatives).to_be_checked()  # an office counts relatives apart until it says otherwise
    relatives.uncheck()
    page.get_by_role("button", name="Profil speichern").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Das Profil der Kontaktstelle ist gespeichert.")).to_be_visible()
    expect(page.get_by_label("Angehörige getrennt zählen")).not_to_be_checked()
    page.goto("/dortmund/")
    expect(page.locator("main")).to_contain_text("PariSozial Dortmund gGmbH")


def test_sites_and_office_hours_without_javascript(page_nojs, world):
    """Without JavaScript: add a site, ask for more rows, enter hours, see them on the home page, delete the site."""
    page = page_nojs
    login(page, world.dortmund_admin.email)
    page.goto(f"{BASE}/standorte")
    page.get_by_role("link", name="Standort hinzufügen").click()
    page.get_by_label("Name des Standorts").fill("Lünen")
    page.get_by_label("Ort", exact=True).fill("Lünen")
    page.get_by_role("button", name="Standort speichern").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1, name="Sprechzeiten: Lünen")).to_be_visible()

    rows = page.locator("select[name$='-weekday']")
    before = rows.count()
    page.get_by_role("button", name="Weitere Zeilen").click()
    page.wait_for_load_state()
    assert page.locator("select[name$='-weekday']").count() == before + 2
    for n, day in ((1, "Montag"), (2, "Mittwoch"), (3, "Freitag")):
        page.get_by_label(f"Wochentag, Zeile {n}").select_option(label=day)
        page.get_by_label(f"von, Zeile {n}").fill("09:00")
        page.get_by_label(f"bis, Zeile {n}").fill("13:00")
    page.get_by_role("button", name="Sprechzeiten speichern").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Die Sprechzeiten von Lünen sind gespeichert.")).to_be_visible()

    page.goto("/dortmund/")
    site = page.locator("section", has=page.get_by_role("heading", name="Standort Lünen"))
    expect(site).to_contain_text("Mo, Mi, Fr 09.00 – 13.00 Uhr")

    page.goto(f"{BASE}/standorte")
    page.get_by_role("link", name=_named("Löschen", "Lünen")).click()
    page.get_by_role("button", name="Standort löschen").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Der Standort Lünen ist gelöscht.")).to_be_visible()


def test_site_pages_are_accessible(page, world):
    """Sites list, new site, edit site, office hours (also with errors) and delete confirmation pass axe-core."""
    login(page, world.dortmund_admin.email)
    page.goto(f"{BASE}/standorte")
    assert_accessible(page, "sites")
    page.get_by_role("link", name="Standort hinzufügen").click()
    assert_accessible(page, "new site")
    page.get_by_role("button", name="Standort speichern").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, "new site with errors")

    page.goto(f"{BASE}/standorte")
    page.get_by_role("link", name=_named("Anschrift bearbeiten", "Hauptstelle")).click()
    expect(page).to_have_url(re.compile(r"/standorte/\d+$"))
    assert_accessible(page, "edit site")

    page.goto(f"{BASE}/standorte")
    page.get_by_role("link", name=_named("Sprechzeiten bearbeiten", "Hauptstelle")).click()
    assert_accessible(page, "office hours")
    page.get_by_label("bis, Zeile 1").fill("08:00")  # before its start (09:00)
    page.get_by_role("button", name="Sprechzeiten speichern").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_contain_text("das Ende muss nach dem Beginn liegen")
    assert_accessible(page, "office hours with errors")

    page.goto(f"{BASE}/standorte")
    page.get_by_role("link", name=_named("Löschen", "Hauptstelle")).click()
    assert_accessible(page, "delete site")


def test_administration_pages_in_english(page, world):
    """After switching to English, is the administration English and still accessible?"""
    login(page, world.dortmund_admin.email)
    page.goto(f"{BASE}/personen")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1, name="People and roles")).to_be_visible()
    assert_accessible(page, "people (English)")
