"""The foundation's pages in a real headless Chromium: login, dashboard, logout, the public office home
without JavaScript, account and password pages — each checked with axe-core."""

import re

from playwright.sync_api import expect

from tests.browser import assert_accessible, login
from tests.factories import PASSWORD


def test_login_dashboard_logout(page, world):
    """Can a staff member log in through the form, reach the office dashboard and log out again?"""
    page.goto("/login")
    assert_accessible(page, "login")
    login(page, world.dortmund_staff.email)
    expect(page).to_have_url(re.compile(r"/dortmund/intern/$"))
    expect(page.get_by_role("heading", level=1, name="Übersicht")).to_be_visible()
    assert_accessible(page, "dashboard")
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_text("Sie sind abgemeldet.")).to_be_visible()
    page.goto("/dortmund/intern/")
    expect(page).to_have_url(re.compile(r"/login\?next="))


def test_login_errors_are_announced_accessibly(page, world):
    """Is a failed login shown with an error summary that passes axe-core?"""
    page.goto("/login")
    page.get_by_label("E-Mail-Adresse").fill(world.dortmund_staff.email)
    page.get_by_label("Passwort", exact=True).fill("falsches passwort!")
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_contain_text("E-Mail-Adresse oder Passwort ist falsch.")
    assert_accessible(page, "failed login")


def test_public_office_home_without_javascript(page_nojs, world):
    """Does /dortmund/ show name, address and German office hours with JavaScript switched off?"""
    page_nojs.goto("/dortmund/")
    expect(page_nojs.get_by_role("heading", level=1, name="Selbsthilfe-Kontaktstelle Dortmund")).to_be_visible()
    main = page_nojs.locator("main")
    expect(main).to_contain_text("Ostenhellweg 42-48")
    expect(main).to_contain_text("Mo, Mi, Fr 09.00 – 13.00 Uhr")
    expect(main).to_contain_text("Mo, Mi, Do 14.00 – 16.30 Uhr")
    # The skip link is the first focusable element and leads to the content.
    page_nojs.keyboard.press("Tab")
    expect(page_nojs.locator(":focus")).to_have_text("Zum Inhalt springen")


def test_public_office_home_is_accessible(page, world):
    page.goto("/hamm/")
    expect(page.locator("main")).to_contain_text("Di, Do 10.00 – 12.00 Uhr")
    assert_accessible(page, "office home with two sites")
    page.goto("/")
    assert_accessible(page, "start page")


def test_language_switch_in_the_browser(page, world):
    """Does the language link (a link for visitors: no cookie before they choose) switch the login page to
    English and back, and is it a form button once logged in?"""
    page.goto("/login")
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1, name="Sign in")).to_be_visible()
    assert_accessible(page, "English login")
    page.get_by_role("link", name="Deutsch").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1, name="Anmelden")).to_be_visible()
    login(page, world.dortmund_staff.email)
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1, name="Overview")).to_be_visible()


def test_account_and_password_change_pages(page, world):
    """Are the account page and the password change form (also with errors) accessible, and does a change work?"""
    login(page, world.dortmund_staff.email)
    page.goto("/konto")
    expect(page.get_by_role("heading", level=1, name="Mein Konto")).to_be_visible()
    assert_accessible(page, "account")
    page.get_by_role("link", name="Passwort ändern").click()
    assert_accessible(page, "change password")
    page.get_by_label("Bisheriges Passwort").fill(PASSWORD)
    page.get_by_label("Neues Passwort", exact=True).fill("kurz")
    page.get_by_label("Neues Passwort wiederholen").fill("kurz")
    page.get_by_role("button", name="Passwort ändern").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_contain_text("mindestens 12 Zeichen")
    assert_accessible(page, "change password with errors")
    page.get_by_label("Bisheriges Passwort").fill(PASSWORD)
    page.get_by_label("Neues Passwort", exact=True).fill("ein neues langes passwort")
    page.get_by_label("Neues Passwort wiederholen").fill("ein neues langes passwort")
    page.get_by_role("button", name="Passwort ändern").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Ihr Passwort wurde geändert.")).to_be_visible()


def test_password_reset_pages(page, world, outbox):
    """Request a reset in the browser, open the mailed link, set a new password, and see the link refused after."""
    page.goto("/login")
    page.get_by_role("link", name="Passwort vergessen?").click()
    assert_accessible(page, "reset request")
    page.get_by_label("E-Mail-Adresse").fill(world.dortmund_staff.email)
    page.get_by_role("button", name="Link anfordern").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1, name="Bitte prüfen Sie Ihr Postfach")).to_be_visible()
    assert_accessible(page, "reset sent")

    (mail,) = outbox.wait_for(1)
    path = re.search(r"http://lotse\.test(/passwort-zuruecksetzen/\S+)", outbox.text(mail)).group(1)
    page.goto(path)
    assert_accessible(page, "new password")
    page.get_by_label("Neues Passwort", exact=True).fill("mein neues passwort 2026")
    page.get_by_label("Neues Passwort wiederholen").fill("mein neues passwort 2026")
    page.get_by_role("button", name="Passwort speichern").click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(r"/login$"))
    login(page, world.dortmund_staff.email, "mein neues passwort 2026")
    expect(page).to_have_url(re.compile(r"/dortmund/intern/$"))

    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Dieser Link ist nicht mehr gültig")
    assert_accessible(page, "reset link used")


def test_error_pages_are_accessible(page, world):
    """Are the 404 and 403 pages accessible?"""
    page.goto("/dortmund/gibt-es-nicht/wirklich")
    expect(page.get_by_role("heading", level=1, name="Seite nicht gefunden")).to_be_visible()
    assert_accessible(page, "404")
    login(page, world.dortmund_readonly.email)
    page.goto("/dortmund/intern/verwaltung/")
    expect(page.get_by_role("heading", level=1, name="Keine Berechtigung")).to_be_visible()
    assert_accessible(page, "403")
