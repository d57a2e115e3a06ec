"""The legal pages in a real headless Chromium: reached from the footer of every public page and from the
links in a sent mail, the feedback form and the admin's Impressum form — axe-core on every page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from saas.extensions import db
from tenants.scoping import tenant_context
from tests.browser import assert_accessible, login
from tests.legal.helpers import IMPRESSUM, complete_impressum, parse_page

PUBLIC_PAGES = [
    "/dortmund/",
    "/dortmund/gruppen",
    "/dortmund/themen",
    "/dortmund/veranstaltungen",
    "/dortmund/newsletter",
    "/dortmund/newsletter/archiv",
]
FOOTER = {
    "Impressum": "Impressum",
    "Datenschutz": "Datenschutzerklärung",
    "Barrierefreiheit": "Erklärung zur Barrierefreiheit",
    "Leichte Sprache": "Leichte Sprache",
    "Newsletter-Archiv": "Newsletter-Archiv",
}


def test_every_legal_page_is_reached_from_the_footer_of_every_public_page(page, world):
    """From each public page, does each footer link open its page (heading checked), all axe-clean?"""
    complete_impressum(world.dortmund)
    checked: set[str] = set()
    for url in PUBLIC_PAGES:
        page.goto(url)
        if url not in checked:
            assert_accessible(page, url)
            checked.add(url)
        for link, heading in FOOTER.items():
            page.goto(url)
            footer = page.get_by_role("navigation", name="Rechtliches und Service")
            footer.get_by_role("link", name=link, exact=True).click()
            page.wait_for_load_state()
            expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
            path = urlsplit(page.url).path
            if path not in checked:
                assert_accessible(page, f"{link} from {url}")
                checked.add(path)


def test_legal_links_in_a_sent_mail_open_the_pages(page, world, outbox, live_server):
    """Do the Impressum and Datenschutz links in an event confirmation's HTML part open those pages?"""
    from tests.events.helpers import make_event

    with tenant_context(world.dortmund.id):
        db.session.merge(world.dortmund).email = "info@dortmund.test"
        db.session.commit()
    complete_impressum(world.dortmund)
    event = make_event(world.dortmund, capacity=5, min_participants=None, decision_date=None)
    page.goto(f"/dortmund/veranstaltungen/{event.id}")
    page.get_by_label("Name").first.fill("Eva Beispiel")
    page.get_by_label("E-Mail-Adresse").fill("eva@example.org")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name=re.compile("Anmelden|anmelden")).click()
    page.wait_for_load_state()
    (mail,) = outbox.wait_for(1)
    links = dict(parse_page(mail.get_body(("html",)).get_content()).links)
    for label, heading in (("Impressum", "Impressum"), ("Datenschutz", "Datenschutzerklärung")):
        page.goto(urlsplit(links[label]).path)  # BASE_URL is http://lotse.test in tests: same path, live server
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        assert_accessible(page, f"{label} from the mail")


def test_feedback_form_sends_the_barrier_to_the_office(page, world, outbox):
    with tenant_context(world.dortmund.id):
        db.session.merge(world.dortmund).email = "info@dortmund.test"
        db.session.commit()
    page.goto("/dortmund/barrierefreiheit")
    page.get_by_role("link", name="Barriere melden (Formular)").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Rückmeldung senden").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_contain_text("Bitte beschreiben Sie die Barriere.")
    assert_accessible(page, "feedback form with errors")
    page.get_by_label("Welche Barriere haben Sie gefunden?").fill("Die Schrift ist zu klein.")
    page.get_by_label(re.compile("Ich bin einverstanden")).check()
    page.get_by_role("button", name="Rückmeldung senden").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1, name="Vielen Dank")).to_be_visible()
    assert_accessible(page, "feedback sent")
    (mail,) = outbox.wait_for(1)
    assert "Die Schrift ist zu klein." in mail.get_body(("plain",)).get_content()


def test_admin_completes_the_impressum_in_the_form(page, world):
    login(page, world.dortmund_admin.email)
    page.goto("/dortmund/")
    expect(page.get_by_role("status")).to_contain_text("Impressum dieser Kontaktstelle ist unvollständig")
    page.get_by_role("link", name="Impressum vervollständigen").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_contain_text("diese Angabe verlangt § 5 DDG")
    assert_accessible(page, "impressum form with errors")
    labels = {
        "operator_name": "Anbieter (Träger)",
        "legal_form": "Rechtsform",
        "street": "Straße und Hausnummer",
        "postcode": "Postleitzahl",
        "city": "Ort",
        "representatives": "Vertretungsberechtigte Personen",
        "email": "E-Mail-Adresse",
        "phone": "Telefon",
        "register_entry": "Registereintrag",
        "content_responsible": "Verantwortlich für den Inhalt (§ 18 Abs. 2 MStV)",
    }
    for name, label in labels.items():
        page.get_by_label(label, exact=False).first.fill(IMPRESSUM[name])
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1, name="Rechtliches")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Das Impressum ist vollständig")
    assert_accessible(page, "legal overview")
    for section in ("datenschutz", "barrierefreiheit", "leichte-sprache"):
        page.goto(f"/dortmund/intern/rechtliches/{section}")
        assert_accessible(page, f"admin form {section}")
    page.goto("/dortmund/impressum")
    expect(page.locator("main")).to_contain_text("Gunther Niermann")
