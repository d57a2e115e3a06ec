"""Reflow (WCAG 2.1 1.4.10, BITV 2.0): every page of the seeded demo is usable on a 360 px wide phone
without scrolling sideways, and still passes axe-core there. Wide tables scroll inside their own named,
focusable region (saas/templates/_table.html); long heading words carry soft hyphens (saas/core/reflow.py).

The demo is seeded as ``lotse demo seed`` seeds it, so the tables hold the long rows, e-mail addresses and
names that made these pages wider than the phone before (up to 1,313 px)."""

from __future__ import annotations

import datetime as dt
import re

import pyotp
import pytest
from sqlalchemy import select

from saas.auth.models import User
from saas.core.demo import DEMO_PASSWORD, seed_all, seeding_on
from saas.directory.models import Group
from saas.extensions import db
from saas.grouparea import session as group_session
from saas.grouparea.demo import DEMO_GROUP, DEMO_GROUP_EMAIL
from tenants.models import Tenant, utcnow
from tenants.scoping import tenant_context
from tests.browser import assert_accessible, login

PHONE = {"width": 360, "height": 740}
TODAY = dt.date(2026, 11, 30)
SECRET = pyotp.random_base32()
D = "/dortmund/intern"
LINES = "el => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))"

PUBLIC = [
    "/dortmund/",
    "/dortmund/datenschutz",
    "/dortmund/impressum",
    "/dortmund/barrierefreiheit",
    "/dortmund/gruppen",
    "/dortmund/veranstaltungen",
    "/dortmund/newsletter/archiv",
    "/dortmund/themen",
]
STAFF = [
    f"{D}/kontakte/",
    f"{D}/kontakte/import",
    f"{D}/jahresbericht/",  # shows the last year's report
    f"{D}/statistik",
    f"{D}/nachfrage",
    f"{D}/gruppen/",
    f"{D}/anfragen/",
    f"{D}/themen/",
    f"{D}/veranstaltungen/",
    f"{D}/begleitung/",
    f"{D}/gruendungen/",
    f"{D}/foerderberichte/",
    f"{D}/foerderung/",
    f"{D}/newsletter/",
    f"{D}/newsletter/abonnenten",
    f"{D}/datenschutz/aufbewahrung",
    f"{D}/raeume/buchungen/",
    f"{D}/raeume/schliesszeiten",
    f"{D}/raeume/",
]
# detail pages, reached by the first link of a list page whose address matches
DETAILS = [
    (f"{D}/anfragen/", r"/intern/anfragen/\d+$"),
    (f"{D}/veranstaltungen/", r"/intern/veranstaltungen/\d+$"),
    (f"{D}/gruendungen/", r"/intern/gruendungen/\d+$"),
    (f"{D}/newsletter/abonnenten", r"/abonnenten/\d+$"),
    (f"{D}/raeume/", r"/raeume/\d+/monat$"),
    (f"{D}/raeume/", r"/raeume/standort/\d+/woche$"),
]
ADMIN = [
    f"{D}/verwaltung/personen",
    f"{D}/protokoll",
    f"{D}/rechtliches/",
    f"{D}/newsletter/einstellungen",
    f"{D}/verbaende",
    "/konto/zwei-faktor",
]
GROUP = [
    "/dortmund/gruppenbereich/start",
    "/dortmund/gruppenbereich/foerderung",
    "/dortmund/gruppenbereich/raum",
    "/dortmund/gruppenbereich/eintrag",
]


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    with seeding_on(TODAY):
        seed_all()
    # the admin and the analyst must use a second factor: give them one the test can answer
    for email in ("admin.dortmund@demo.lotse.de", "analyst.lak-nrw@demo.lotse.de"):
        user = db.session.scalars(select(User).where(User.email == email)).one()
        user.totp_secret, user.mfa_enabled_at, user.password_provisional = SECRET, utcnow(), False
    db.session.commit()


def _sign_in(page, email: str) -> None:  # type: ignore[no-untyped-def]
    login(page, email, DEMO_PASSWORD)
    if page.locator("input[name=code]").count():
        page.locator("input[name=code]").fill(pyotp.TOTP(SECRET).now())
        page.get_by_role("button", name="Bestätigen").click()
        page.wait_for_load_state()


def _check(page, path: str, wide: list[str]) -> None:  # type: ignore[no-untyped-def]
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path}: {response and response.status}"
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        wide.append(f"{path}: {width} px")
    summaries = page.locator("main details:not([open]) > summary")  # a chart's data table, filters …
    for _ in range(summaries.count()):
        summaries.first.click()  # the locator's set shrinks with each one opened
    opened = page.evaluate("document.documentElement.scrollWidth")
    if opened > PHONE["width"]:
        wide.append(f"{path} with its disclosures open: {opened} px")
    assert_accessible(page, f"at 360 px: {path}")


def _detail(page, list_path: str, pattern: str) -> str:  # type: ignore[no-untyped-def]
    page.goto(list_path)
    hrefs = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.getAttribute('href'))")
    found = next((h for h in hrefs if re.search(pattern, h.split("?")[0])), None)
    assert found, f"no link like {pattern} on {list_path}"
    return found


@pytest.fixture
def phone(browser, live_server):  # type: ignore[no-untyped-def]
    def open_page():  # type: ignore[no-untyped-def]
        context = browser.new_context(base_url=live_server, locale="de-DE", viewport=PHONE)
        contexts.append(context)
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        return pg

    contexts: list = []
    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.timeout(900)
def test_no_page_scrolls_sideways_on_a_360_px_phone(demo, phone):
    """Public, staff, admin, association and group-area pages: none is wider than 360 px, each passes axe."""
    wide: list[str] = []
    citizen = phone()
    for path in PUBLIC:
        _check(citizen, path, wide)

    staff = phone()
    _sign_in(staff, "staff.dortmund@demo.lotse.de")
    for path in STAFF:
        _check(staff, path, wide)
    for list_path, pattern in DETAILS:
        _check(staff, _detail(staff, list_path, pattern), wide)

    admin = phone()
    _sign_in(admin, "admin.dortmund@demo.lotse.de")
    for path in ADMIN:
        _check(admin, path, wide)
    _check(admin, _detail(admin, f"{D}/verwaltung/standorte", r"/standorte/\d+/sprechzeiten$"), wide)

    analyst = phone()
    _sign_in(analyst, "analyst.lak-nrw@demo.lotse.de")
    _check(analyst, "/verband/lak-nrw/", wide)

    dortmund = db.session.scalars(select(Tenant).where(Tenant.slug == "dortmund")).one()
    with tenant_context(dortmund.id):
        group = db.session.scalars(select(Group).where(Group.name == DEMO_GROUP)).first()
        token = group_session.issue_token(group, DEMO_GROUP_EMAIL)
    db.session.commit()
    contact = phone()
    contact.goto(f"/dortmund/gruppenbereich/anmelden/{token}")
    for path in GROUP:
        _check(contact, path, wide)

    assert not wide, "pages wider than a 360 px phone (they scroll sideways):\n" + "\n".join(wide)


def test_a_wide_table_scrolls_in_its_own_named_region_that_a_keyboard_reaches(demo, phone):
    """The contact log is wider than the phone: the page is not, the table's region is, and the region is
    named by the table's caption and focusable, so the arrow keys scroll it."""
    page = phone()
    _sign_in(page, "staff.dortmund@demo.lotse.de")
    page.goto(f"{D}/kontakte/")
    region = page.get_by_role("region", name="Erfasste Kontakte, neueste zuerst")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    region.focus()
    for _ in range(20):  # the arrow key scrolls smoothly: wait until it moved (no wait_for_function under the CSP)
        page.keyboard.press("ArrowRight")
        if region.evaluate("el => el === document.activeElement && el.scrollLeft > 0"):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the arrow key did not scroll the focused table region")


def test_a_long_heading_word_is_hyphenated_not_cut_on_a_phone(demo, phone):
    """The word "Datenschutzerklärung" is wider than the phone's column at h1 size: it breaks at a syllable with a
    hyphen; on a desktop it stays whole on one line."""
    page = phone()
    page.goto("/dortmund/datenschutz")
    heading = page.get_by_role("heading", level=1)
    assert "\u00ad" in heading.evaluate("el => el.textContent")  # break points from the de_DE patterns
    assert heading.evaluate(LINES) == 2 and heading.evaluate("el => el.scrollWidth <= el.clientWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert heading.evaluate(LINES) == 1
