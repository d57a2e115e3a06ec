"""The audit log page in a real browser, checked with axe-core."""

from playwright.sync_api import expect

from saas.audit.operations import record
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.browser import assert_accessible, login


def test_admin_filters_the_log_in_the_browser(page, world):
    with tenant_context(world.dortmund.id):
        record("group.create", "group", 5, "Gruppe #5 angelegt", actor_user_id=world.dortmund_staff.id)
        record("contact.export", "contact", None, "Export 2024", actor_user_id=world.dortmund_admin.id)
        db.session.commit()
    login(page, world.dortmund_admin.email)
    page.goto("/dortmund/intern/protokoll")
    expect(page.get_by_role("heading", name="Protokoll")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Aktion").select_option("contact.export")
    page.get_by_role("button", name="Filtern").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Export 2024")
    expect(page.locator("main")).not_to_contain_text("Gruppe #5 angelegt")
