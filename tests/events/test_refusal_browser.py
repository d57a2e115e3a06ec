"""Browser: a write the domain refuses shows its reason next to the field, in the user's language."""

import datetime as dt

from playwright.sync_api import expect

from saas.core import timeutil
from tests.browser import assert_accessible, login


def test_refused_event_shows_the_reason_in_english(page, world):
    """Does an online event without an access link come back with the operation's reason, translated, and
    is that page accessible?"""
    day = timeutil.today() + dt.timedelta(days=14)
    login(page, world.dortmund_staff.email)
    page.goto("/sprache/en?next=/dortmund/intern/veranstaltungen/neu")
    page.select_option("#kind", "seminar")
    page.fill("#title", "Online-Treffen")
    page.fill("#start_date", day.isoformat())
    page.fill("#start_time", "10:00")
    page.fill("#end_time", "11:00")
    page.check("#place_kind-2")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    expect(page.locator("#online_url-error")).to_have_text("An online event needs the access link.")
    expect(page.locator("#start_date-error")).to_have_count(0)
    assert_accessible(page, "refused event form (English)")
