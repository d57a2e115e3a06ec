"""Two-factor enrolment and login in a real browser, with axe-core on every step."""

import datetime as dt

import pyotp
from playwright.sync_api import expect

from tests.browser import assert_accessible, login
from tests.factories import PASSWORD


def test_enrol_and_log_in_with_totp_in_the_browser(page, world):
    login(page, world.dortmund_staff.email)
    page.goto("/konto/zwei-faktor")
    assert_accessible(page, "enrolment")
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("Sechsstelliger Code aus der App").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Einschalten").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Ihre Wiederherstellungscodes")).to_be_visible()
    assert_accessible(page, "recovery codes")
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_load_state()

    page.goto("/login")
    page.get_by_label("E-Mail-Adresse").fill(world.dortmund_staff.email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/login/zweiter-faktor")
    assert_accessible(page, "second factor")
    next_code = pyotp.TOTP(secret).at(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30))
    page.get_by_label("Code aus der App oder Wiederherstellungscode").fill(next_code)
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url("**/dortmund/intern/")
    expect(page.get_by_role("heading", name="Übersicht")).to_be_visible()
