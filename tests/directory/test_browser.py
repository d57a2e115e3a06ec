"""Every directory page in a real browser: main path works, no axe-core violations."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from tests.browser import assert_accessible, login
from tests.directory.helpers import make_group, make_topic, protected_group


def _seed(world):  # type: ignore[no-untyped-def]
    make_topic(world.dortmund, "Angsterkrankungen", "Angst, Panik")
    group = make_group(
        world.dortmund,
        "Selbsthilfe bei Angst",
        ["Angsterkrankungen"],
        topic_area="mental_health",
        rhythm="weekly",
        weekday=1,
        time_start=dt.time(19, 0),
        contacts=[{"name": "Eva", "email": "eva@example.org"}],
    )
    # Plain ids: the ORM objects belong to the test's session, which the live server's requests may expire.
    return group.id, protected_group(world.dortmund).id


def test_public_pages(page, world) -> None:
    """Can a citizen search, open a group, send an inquiry and browse topics A–Z — accessibly?"""
    _group, protected = _seed(world)
    page.goto("/dortmund/gruppen")
    assert_accessible(page, "search")
    page.get_by_label("Thema oder Stichwort").fill("panik")
    page.get_by_role("button", name="Suchen").click()
    page.get_by_role("link", name="Selbsthilfe bei Angst").click()
    expect(page.get_by_role("heading", name="Selbsthilfe bei Angst")).to_be_visible()
    assert_accessible(page, "group")
    page.goto(f"/dortmund/gruppen/{protected}")
    expect(page.get_by_text("Kontakt über die Kontaktstelle").first).to_be_visible()
    page.get_by_label("Name oder Pseudonym").fill("Kim")
    page.get_by_label("So erreichen wir Sie (Telefon oder E-Mail)").fill("kim@example.net")
    page.locator("#consent").check()
    assert_accessible(page, "inquiry form")
    page.get_by_role("button", name="Anfrage senden").click()
    expect(page.get_by_role("heading", name="Vielen Dank für Ihre Anfrage")).to_be_visible()
    assert_accessible(page, "thanks")
    page.goto("/dortmund/themen")
    expect(page.get_by_role("link", name="Angsterkrankungen")).to_be_visible()
    assert_accessible(page, "A–Z")
    page.goto("/dortmund/gruppen/einbetten?q=angst")
    expect(page.get_by_role("link", name="Selbsthilfe bei Angst")).to_be_visible()
    assert_accessible(page, "embed")


def test_public_search_without_javascript(page_nojs, world) -> None:
    """Does the Wegweiser work with JavaScript switched off?"""
    _seed(world)
    page_nojs.goto("/dortmund/gruppen")
    page_nojs.get_by_label("Thema oder Stichwort").fill("angst")
    page_nojs.get_by_role("button", name="Suchen").click()
    expect(page_nojs.get_by_role("link", name="Selbsthilfe bei Angst")).to_be_visible()


def test_confirmation_page(page, world, app) -> None:
    """Can a contact person confirm the entry through the signed link?"""
    from saas.directory.operations import confirmation_token

    group, _ = _seed(world)
    with app.test_request_context():
        from saas.directory.models import Group
        from saas.extensions import db
        from tenants.scoping import tenant_context

        with tenant_context(world.dortmund.id):
            token = confirmation_token(db.session.get(Group, group))
    page.goto(f"/dortmund/gruppen/bestaetigen/{token}")
    assert_accessible(page, "confirm")
    page.get_by_role("button", name="Angaben bestätigen").click()
    expect(page.get_by_role("heading", name="Vielen Dank!")).to_be_visible()
    assert_accessible(page, "confirmed")


def test_staff_pages(page, world) -> None:
    """Can staff list, filter, create, view and edit groups, manage topics and inquiries — accessibly?"""
    _group, _protected = _seed(world)
    login(page, world.dortmund_admin.email)
    page.goto("/dortmund/intern/gruppen/")
    assert_accessible(page, "list")
    page.get_by_label("Status", exact=True).select_option("active")
    page.get_by_role("button", name="Filtern").click()
    expect(page.get_by_role("link", name="Selbsthilfe bei Angst")).to_be_visible()
    page.get_by_role("link", name="Neue Gruppe").click()
    page.wait_for_url("**/intern/gruppen/neu")
    assert_accessible(page, "new form")
    page.get_by_label("Name der Gruppe").fill("Neue Angstgruppe")
    topics = page.get_by_role("group", name="Themen", exact=True)  # a checkbox list, no Ctrl-click select
    topics.get_by_label("Themen durchsuchen").fill("angst")
    topics.get_by_label("Angsterkrankungen").check()
    expect(topics.get_by_role("status")).to_contain_text("1 gewählt")
    page.get_by_label("Themenbereich").select_option("mental_health")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", name="Neue Angstgruppe")).to_be_visible()
    assert_accessible(page, "detail")
    page.get_by_label("Neuer Status").select_option("paused")
    page.get_by_role("button", name="Status ändern").click()
    expect(page.get_by_text("Der Status wurde geändert.")).to_be_visible()
    page.get_by_role("link", name="Bearbeiten").click()
    assert_accessible(page, "edit form")
    for url, name in (
        ("/dortmund/intern/themen/", "topics"),
        ("/dortmund/intern/themen/neu", "topic form"),
        ("/dortmund/intern/gruppen/import", "import"),
        ("/dortmund/intern/gruppen/widget", "widget"),
        ("/dortmund/intern/anfragen/?state=all", "inquiries"),
    ):
        page.goto(url)
        assert_accessible(page, name)


def test_staff_inquiry_forward(page, world) -> None:
    """Can staff open an inquiry in the inbox and forward it with one click?"""
    from saas.directory.models import GroupInquiry
    from saas.extensions import db
    from tenants.scoping import tenant_context

    _, protected = _seed(world)
    with tenant_context(world.dortmund.id):
        inquiry = GroupInquiry(group_id=protected, name="Kim", reach="kim@example.net", consent_text="ja")
        db.session.add(inquiry)
        db.session.commit()
        inquiry_id = inquiry.id
    login(page, world.dortmund_staff.email)
    page.goto("/dortmund/intern/anfragen/")
    page.locator(f"a[href='/dortmund/intern/anfragen/{inquiry_id}']").click()
    assert_accessible(page, "inquiry")
    page.get_by_role("button", name="An die Ansprechperson weiterleiten").click()
    expect(page.get_by_text("Die Anfrage wurde an die Gruppe vermittelt.")).to_be_visible()
