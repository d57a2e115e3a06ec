"""The newsletter pages in a real browser (Chromium), each checked with axe-core."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from sqlalchemy import select

from saas.extensions import db
from saas.newsletter import issue_operations as issue_ops
from saas.newsletter.models import Issue, IssueStatus, Subscriber, SubscriberStatus
from tenants.scoping import tenant_context
from tests.browser import assert_accessible, login
from tests.factories import Outbox
from tests.newsletter.helpers import add_subscribers, link_in, path_of


def test_citizen_subscribes_and_confirms(page, world, outbox):
    """Can a citizen subscribe, see 'please confirm', open the mailed link and confirm — accessibly?"""
    page.goto("/dortmund/newsletter")
    assert_accessible(page, "subscribe form")
    page.get_by_label("E-Mail-Adresse").fill("buerger@example.org")
    page.get_by_label("Name (freiwillig)").fill("Bürgerin")
    page.get_by_label("Ja, ich willige ein").check()
    page.get_by_role("button", name="Abonnieren").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bitte bestätigen Sie Ihre Anmeldung")
    assert_accessible(page, "pending page")
    link = path_of(link_in(Outbox.text(outbox.wait_for(1)[0]), "/bestaetigen/"))
    page.goto(link)
    assert_accessible(page, "confirm page")
    page.get_by_role("button", name="Anmeldung bestätigen").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_contain_text("bestätigt")
    assert_accessible(page, "confirmed page")
    db.session.rollback()
    with tenant_context(world.dortmund.id):
        s = db.session.scalar(select(Subscriber).where(Subscriber.email == "buerger@example.org"))
        assert s.status == SubscriberStatus.confirmed


def test_subscribe_works_without_javascript(page_nojs, world, outbox):
    """Does the sign-up work with JavaScript switched off?"""
    page_nojs.goto("/dortmund/newsletter")
    page_nojs.get_by_label("E-Mail-Adresse").fill("ohnejs@example.org")
    page_nojs.get_by_label("Ja, ich willige ein").check()
    page_nojs.get_by_role("button", name="Abonnieren").click()
    page_nojs.wait_for_load_state()
    expect(page_nojs.get_by_role("heading", level=1)).to_contain_text("Bitte bestätigen")
    outbox.wait_for(1)


def test_unsubscribe_page_offers_the_button(page, world):
    """Does the unsubscribe link's page unsubscribe with one button, accessibly?"""
    add_subscribers(world.dortmund, 1)
    with tenant_context(world.dortmund.id):
        token = db.session.scalar(select(Subscriber.token))
    page.goto(f"/dortmund/newsletter/abmelden/{token}")
    assert_accessible(page, "unsubscribe page")
    page.get_by_role("button", name="Newsletter abbestellen").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sie sind abgemeldet")
    assert_accessible(page, "unsubscribed page")


def test_staff_write_preview_and_send_an_issue(page, world, outbox):
    """Can staff compose, preview and send an issue and read the report — every page accessible?"""
    add_subscribers(world.dortmund, 3)
    login(page, world.dortmund_staff.email)
    page.goto("/dortmund/intern/newsletter/")
    assert_accessible(page, "newsletter index")
    page.get_by_role("link", name="Neue Ausgabe schreiben").click()
    assert_accessible(page, "compose")
    page.get_by_label("Betreff").fill("Herbst-Ausgabe")
    page.get_by_label("Text (Markdown)").fill("## Herbst\n\nNeue Gruppen und [Termine](https://example.org).")
    page.get_by_role("button", name="Entwurf speichern").click()
    page.wait_for_load_state()
    assert_accessible(page, "draft issue page")
    page.get_by_role("link", name="Vorschau (HTML und Text)").click()
    expect(page.locator(".mail-preview h2")).to_have_text("Herbst")
    expect(page.locator("pre.mail-text")).to_contain_text("Impressum")
    assert_accessible(page, "preview")
    page.go_back()
    page.get_by_role("button", name="Test an mich senden").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Jetzt versenden").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Versandbericht")).to_be_visible()
    expect(page.locator("progress")).to_have_attribute("value", "3")
    assert_accessible(page, "report")
    assert len([m for m in outbox.messages() if m["Subject"] == "Herbst-Ausgabe"]) == 3


def test_progress_bar_updates_while_sending(page, world):
    """Does the progress page update itself (polling the JSON endpoint) and show the report when done?"""
    add_subscribers(world.dortmund, 2)
    with tenant_context(world.dortmund.id):
        issue = issue_ops.create_issue(world.dortmund, "Läuft", "Text")
        issue.status, issue.recipients = IssueStatus.sending, 2
        db.session.commit()
        issue_id = issue.id
    login(page, world.dortmund_readonly.email)
    page.goto(f"/dortmund/intern/newsletter/ausgaben/{issue_id}")
    expect(page.get_by_role("heading", name="Fortschritt")).to_be_visible()
    assert_accessible(page, "progress page")
    with tenant_context(world.dortmund.id):
        db.session.get(Issue, issue_id).status = IssueStatus.sent
        db.session.commit()
    page.get_by_role("heading", name="Versandbericht").wait_for(timeout=15_000)


def test_staff_subscriber_pages_are_accessible(page, world):
    """Are the list, detail, import, erasure and settings pages accessible?"""
    add_subscribers(world.dortmund, 2)
    login(page, world.dortmund_admin.email)
    page.goto("/dortmund/intern/newsletter/abonnenten")
    assert_accessible(page, "subscribers")
    page.get_by_label("Suche (E-Mail oder Name)").fill("leser00001")
    page.get_by_role("button", name="Filtern").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="leser00001@example.org").click()
    assert re.search(r"/abonnenten/\d+$", page.url)
    assert_accessible(page, "subscriber detail")
    for path, what in (("/abonnenten/import", "import"), ("/loeschen", "erasure"), ("/einstellungen", "settings")):
        page.goto(f"/dortmund/intern/newsletter{path}")
        assert_accessible(page, what)
