"""The data-protection pages in a real browser, checked with axe-core."""

from playwright.sync_api import expect

from tests.browser import assert_accessible, login
from tests.privacy.test_person_rights import EMAIL, _store_person


def test_find_export_and_erase_in_the_browser(page, world):
    _store_person(world.dortmund)
    login(page, world.dortmund_admin.email)
    page.goto("/dortmund/intern/datenschutz/")
    assert_accessible(page, "search")
    page.get_by_label("E-Mail-Adresse").fill(EMAIL)
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_load_state()
    expect(page.get_by_role("cell", name="Newsletter-Abonnement")).to_be_visible()
    expect(page.get_by_role("cell", name="Interesse an einer Gruppe (Wegweiser)")).to_be_visible()
    assert_accessible(page, "results")
    with page.expect_download() as download:
        page.get_by_role("button", name="Auskunft herunterladen (JSON)").click()
    assert download.value.suggested_filename.startswith("auskunft-dortmund-")
    page.get_by_label("Ja, alle gefundenen Daten dieser Person unwiderruflich löschen").check()
    page.get_by_role("button", name="Alle gefundenen Daten löschen").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("5 Datensätze gelöscht.")  # with the Wegweiser interest
    page.goto("/dortmund/intern/datenschutz/aufbewahrung")
    assert_accessible(page, "retention")
