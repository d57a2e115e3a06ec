"""The grouped staff menu in Chromium: by keyboard with and without JavaScript, on a desktop and a 390 px
phone, axe-core with a group open."""

from __future__ import annotations

import os
import re

from playwright.sync_api import Page, expect

from tests.browser import assert_accessible, login

SHOTS = os.environ.get("LOTSE_SCREENSHOTS")  # a folder: save what the test saw, to look at it


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"menu-{name}.png"), full_page=False)


def _menu(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("navigation", name="Bereiche der Kontaktstelle")


def _top_rows(page: Page) -> int:
    """How many lines the menu's top level takes (distinct tops of its entries)."""
    return page.evaluate(
        "() => new Set([...document.querySelectorAll('nav.staff-menu > ul > li')]"
        ".map(li => Math.round(li.getBoundingClientRect().top))).size"
    )


def test_keyboard_opens_a_group_and_follows_an_entry(page, world):
    """Desktop: one line; Tab reaches a group, Enter opens it, Tab reaches its entries, Escape closes it."""
    page.set_viewport_size({"width": 1280, "height": 800})
    login(page, world.dortmund_admin.email)
    menu = _menu(page)
    assert _top_rows(page) == 1
    expect(menu.get_by_role("link", name="Gründungen")).to_be_hidden()
    _shot(page, "desktop-closed")
    groups = menu.locator("summary", has_text="Gruppen")
    groups.focus()
    page.keyboard.press("Enter")
    expect(menu.get_by_role("link", name="Gründungen")).to_be_visible()
    assert_accessible(page, "menu group open")
    _shot(page, "desktop-open")
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Gruppen", exact=True)).to_be_focused()
    page.keyboard.press("Escape")  # js/nav.js: closes and puts the focus back on the summary
    expect(menu.get_by_role("link", name="Gründungen")).to_be_hidden()
    expect(groups).to_be_focused()
    page.keyboard.press("Enter")
    menu.locator("summary", has_text="Berichte").click()  # one group open at a time
    expect(menu.get_by_role("link", name="Gründungen")).to_be_hidden()
    expect(menu.get_by_role("link", name="Jahresbericht")).to_be_visible()
    menu.get_by_role("link", name="Jahresbericht").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/dortmund/intern/jahresbericht"))
    expect(_menu(page).locator("summary.current", has_text="Berichte")).to_have_count(1)


def test_groups_open_without_javascript(page_nojs, world):
    """<details> needs no script: a group opens by keyboard and its entry leads to the page."""
    page = page_nojs
    login(page, world.dortmund_staff.email)
    menu = _menu(page)
    menu.locator("summary", has_text="Angebote").focus()
    page.keyboard.press("Enter")
    expect(menu.get_by_role("link", name="Veranstaltungen")).to_be_visible()
    menu.get_by_role("link", name="Veranstaltungen").click()
    expect(page).to_have_url(re.compile(r"/dortmund/intern/veranstaltungen/$"))


def test_menu_on_a_phone(page, world):
    """390 px: the menu takes at most three lines, nothing is wider than the screen, an open group's
    entries are inside it, and the page passes axe-core."""
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, world.dortmund_admin.email)
    assert _top_rows(page) <= 3
    _shot(page, "phone-closed")
    _menu(page).locator("summary", has_text="Verwaltung").click()
    link = _menu(page).get_by_role("link", name="Protokoll")
    expect(link).to_be_visible()
    box = link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert_accessible(page, "phone menu open")
    _shot(page, "phone-open")


def test_the_page_keeps_space_above_the_footer(page, world):
    """The main area's padding is not lost to ``.wrap``: the last line of a page does not touch the footer."""
    login(page, world.dortmund_staff.email)
    gap = page.evaluate(
        "() => document.querySelector('footer').getBoundingClientRect().top"
        " - document.querySelector('main').lastElementChild.getBoundingClientRect().bottom"
    )
    padding = page.evaluate("() => getComputedStyle(document.querySelector('main')).paddingBottom")
    assert padding == "32px" and gap >= 32, (padding, gap)
