"""The association pages in a real browser: the analyst compares offices and exports; the admin consents.
axe-core on every page."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from sqlalchemy import select

from saas.association import aggregation
from saas.extensions import db
from tenants.models import AssociationMember
from tenants.scoping import tenant_context
from tests.browser import assert_accessible, login


def test_analyst_compares_dortmund_and_hamm_with_charts_and_exports(page, three_offices):
    """The Paritätische analyst logs in, picks 2023 and a figure, sorts, sees charts, downloads the table."""
    aggregation.run(trigger="test")
    login(page, three_offices.analyst.email)
    assert "/verband/paritaet-nrw/" in page.url  # the analyst's landing page
    assert_accessible(page, "dashboard")
    page.get_by_label("Jahr").select_option("2023")
    page.get_by_label("Kennzahl").select_option("contacts.by_channel.written")
    page.get_by_label("Bezug").select_option("einwohner")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_load_state()
    assert "kennzahl=contacts.by_channel.written" in page.url
    table = page.locator("table.comparison")
    assert table.locator("tbody tr").count() == 3
    assert "Verband insgesamt" in table.inner_text()
    assert page.locator("figure.chart svg").count() >= 2
    assert_accessible(page, "dashboard with a figure per inhabitants")
    page.locator("table.comparison thead th").first.get_by_role("link").click()
    page.wait_for_load_state()
    names = table.locator("tbody th").all_inner_texts()
    assert names == sorted(names, key=str.casefold)
    with page.expect_download() as download:
        page.get_by_role("link", name="Tabelle als Excel (XLSX) (2023)").click()
    assert download.value.suggested_filename == "paritaet-nrw-2023.xlsx"
    with page.expect_download() as download:
        page.get_by_role("link", name="Tabelle als CSV (2023)").click()
    assert download.value.suggested_filename == "paritaet-nrw-2023.csv"
    # 1 January to today's day, next to the same days of the year before (contacts, from the stored days).
    page.get_by_label("Kennzahl").select_option("contacts.total")
    page.get_by_label("Zeitraum").select_option("bisher")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_load_state()
    assert "zeitraum=bisher" in page.url
    assert "1. Januar bis" in page.locator("h2").first.inner_text()
    assert table.locator("tbody tr").count() == 3
    assert "Vorjahreszeitraum" in table.inner_text()
    # the release calendar: when this table was released, and when late contacts will show
    expect(page.locator("#veroeffentlichung")).to_contain_text("Veröffentlicht am")
    expect(page.locator("#veroeffentlichung")).to_contain_text("für 2023 später nachgetragen werden")
    assert_accessible(page, "dashboard for 1 January to today")
    page.get_by_role("button", name="Jetzt aktualisieren").click()
    page.wait_for_load_state()
    assert "Aktualisierung ist angestoßen" in page.content()
    assert_accessible(page, "after aggregate now")


def test_admin_chooses_what_the_office_shares(page, world):
    """The Dortmund admin ticks contacts and groups for the Paritätische and saves."""
    login(page, world.dortmund_admin.email)
    page.goto("/dortmund/intern/verbaende")
    assert_accessible(page, "consent page")
    page.get_by_label("Kontakte (Anzahl nach Art").check()
    page.get_by_label("Gruppen (aktive Gruppen").check()
    page.get_by_role("button", name="Freigabe speichern").click()
    page.wait_for_load_state()
    assert "ist gespeichert" in page.content()
    assert_accessible(page, "consent page after saving")
    with tenant_context(world.dortmund.id):
        db.session.expire_all()
        assert db.session.scalar(select(AssociationMember)).shared_families == ["contacts", "groups"]


def test_dashboard_works_without_javascript(page_nojs, three_offices):
    """Every choice is a plain form or link: the dashboard needs no JavaScript."""
    aggregation.run(trigger="test")
    login(page_nojs, three_offices.analyst.email)
    page_nojs.goto("/verband/paritaet-nrw/?jahr=2022")
    page_nojs.get_by_label("Kennzahl").select_option("contacts.total")
    page_nojs.get_by_role("button", name="Anzeigen").click()
    page_nojs.wait_for_load_state()
    assert "jahr=2022" in page_nojs.url and page_nojs.locator("table.comparison tbody tr").count() == 3


def test_demo_dashboard_opens_on_the_last_complete_year_and_charts_lead_to_tables(page, world, tmp_path):
    """The demo's Paritätische NRW: the dashboard opens on 2024 (the last complete year with data), the
    year choice has only years with data, the trend follows the basis, a chart link leads to its table, and
    the legend explains the signs."""
    import os

    from saas.contacts.demo import OFFICES, seed_office
    from tests.association.conftest import share

    world.dortmund.population, world.dortmund.staff_fte = 595000, 4
    world.hamm.population, world.hamm.staff_fte = 180000, 2
    for tenant in (world.dortmund, world.hamm):
        seed_office(tenant, OFFICES[tenant.slug])
        db.session.commit()
        share(tenant, world.association, ["contacts", "groups", "events", "newsletter"])
    aggregation.run(trigger="test")
    login(page, world.analyst.email)
    page.goto("/verband/paritaet-nrw/")
    expect(page.get_by_label("Jahr")).to_have_value("2024")
    years = page.get_by_label("Jahr").locator("option").all_inner_texts()
    assert years == ["2024", "2023", "2022"]
    expect(page.locator("dl.legend")).to_contain_text("geheim gehalten")
    shots = os.environ.get("LOTSE_SHOTS")
    if shots:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=f"{shots}/association-dashboard.png", full_page=True)
    assert_accessible(page, "demo dashboard")
    page.get_by_label("Bezug").select_option("einwohner")
    page.get_by_role("button", name="Anzeigen").click()
    trend = page.locator("figure.chart").nth(1)
    expect(trend.locator("figcaption")).to_contain_text("je 100.000 Einwohner")
    if shots:
        page.screenshot(path=f"{shots}/association-dashboard-einwohner.png", full_page=True)
    page.get_by_role("link", name="Zur Tabelle hinter diesem Diagramm").click()
    expect(page).to_have_url(re.compile(r"#tabelle$"))
    page.get_by_role("link", name="2023").click()
    expect(page.get_by_label("Jahr")).to_have_value("2023")
    expect(page.locator("table.comparison")).to_contain_text("Selbsthilfe-Kontaktstelle Dortmund")
