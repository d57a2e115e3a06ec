"""The start page and the logo page in a real browser: the day's work to act from, accessible (axe-core)."""

from __future__ import annotations

import io
import re

from PIL import Image
from playwright.sync_api import expect

from tests.browser import assert_accessible, login
from tests.core.test_dashboard import _add_work


def test_start_page_items_lead_to_their_action(page, world):
    """Does the start page show today's work in panels that pass axe-core, with the quick-entry button
    and items that open their action (here: an open inquiry)?"""
    _add_work(world.dortmund, 2)
    login(page, world.dortmund_staff.email)
    expect(page.get_by_role("heading", level=1, name="Übersicht")).to_be_visible()
    expect(page.get_by_role("region", name=re.compile("^Offene Anfragen"))).to_be_visible()
    expect(page.get_by_role("link", name="Kontakt erfassen").first).to_be_visible()
    assert_accessible(page, "start page with work")
    page.get_by_role("region", name=re.compile("^Offene Anfragen")).get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/dortmund/intern/anfragen/\d+$"))


def test_logo_page(page, world, tmp_path):
    """Can the admin upload the logo through the form (no JavaScript needed), and is the page accessible?"""
    logo = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), (11, 83, 148)).save(buffer, format="PNG")
    logo.write_bytes(buffer.getvalue())
    login(page, world.dortmund_admin.email)
    page.goto("/dortmund/intern/verwaltung/logo")
    assert_accessible(page, "logo (none)")
    page.get_by_label("Logo (PNG oder JPEG, höchstens 2 MB)").set_input_files(str(logo))
    page.get_by_role("button", name="Logo hochladen").click()
    expect(page.get_by_text("Aktuelles Logo", exact=False).first).to_be_visible()
    assert_accessible(page, "logo (uploaded)")
