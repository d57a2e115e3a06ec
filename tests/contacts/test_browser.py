"""The contact log's pages in a real browser: main paths, keyboard entry, and axe-core on every page."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from sqlalchemy import func, select

from saas.contacts import operations as ops
from saas.contacts.importer import import_contacts
from saas.contacts.models import Contact, ReportChapter
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.browser import assert_accessible, login
from tests.contacts.helpers import YEAR, known_rows, make_topics, to_csv


def _contacts(tenant) -> int:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        return db.session.scalar(select(func.count(Contact.id)))


def test_quick_entry_by_keyboard_with_type_ahead(page, world):
    """Can staff log two contacts in a row with the type-ahead and "save and next", accessibly?"""
    make_topics(world.dortmund)
    login(page, world.dortmund_staff.email)
    page.goto("/dortmund/intern/kontakte/neu")
    assert_accessible(page, "quick entry")
    page.get_by_label("Bürger*innen").check()
    page.get_by_label("Telefonisch").check()
    page.get_by_label("Thema suchen").fill("depr")
    expect(page.locator("#topic")).not_to_have_value("0")
    expect(page.get_by_label("Psychische Erkrankungen und Belastungen")).to_be_checked()  # area from the topic
    page.get_by_label("Sucht eine Gruppe").check()
    page.get_by_role("button", name="Speichern und nächster Kontakt").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Kontakt gespeichert.")
    expect(page.get_by_label("Telefonisch")).to_be_checked()  # the channel stays for the next call
    expect(page.get_by_label("Bürger*innen")).to_be_focused()  # back at the first field, at counter speed
    page.get_by_label("Selbsthilfegruppen").check()
    page.get_by_label("Soziale Selbsthilfe").check()
    page.get_by_label("Gruppenunterstützung").check()
    page.get_by_role("button", name="Speichern und nächster Kontakt").click()
    page.wait_for_load_state()
    assert _contacts(world.dortmund) == 2
    page.goto("/dortmund/intern/kontakte/")
    assert_accessible(page, "contact log")
    page.get_by_role("link", name="Korrigieren").first.click()
    page.wait_for_load_state()
    assert_accessible(page, "correction")
    page.get_by_role("button", name="Diesen Kontakt löschen").click()
    page.wait_for_load_state()
    assert _contacts(world.dortmund) == 1


def test_quick_entry_works_without_javascript(page_nojs, world):
    """Does the form work without JavaScript (plain select for the topic, checkboxes for the groups), and
    is the concern a required choice with no preset?"""
    from tests.directory.helpers import make_group

    make_topics(world.dortmund)
    make_group(world.dortmund, "Diabetes-Treff Hörde", ["Diabetes"], topic_area="chronic_illness")
    page = page_nojs
    login(page, world.dortmund_staff.email)
    page.goto("/dortmund/intern/kontakte/neu")
    expect(page.locator('input[name="concern"]:checked')).to_have_count(0)  # no preset
    page.get_by_label("Angehörige").check()
    page.get_by_label("Persönlich").check()
    page.locator("#topic").select_option(label="Diabetes")
    page.get_by_label("Chronische Erkrankungen").check()
    page.get_by_role("button", name="Speichern", exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_text("Bitte das Anliegen wählen.").first).to_be_visible()
    assert _contacts(world.dortmund) == 0
    page.get_by_label("Sucht eine Gruppe").check()
    page.get_by_label("Diabetes-Treff Hörde").check()  # a checkbox, no Ctrl-click
    page.get_by_role("button", name="Speichern", exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_text("Kontakt gespeichert.")).to_be_visible()
    assert _contacts(world.dortmund) == 1
    with tenant_context(world.dortmund.id):
        contact = db.session.scalar(select(Contact))
        assert contact.concern == "seeking_group" and len(contact.referrals) == 1


def test_import_page_shows_errors(page, world, tmp_path):
    """Does the import page list bad rows and then import a good file?"""
    login(page, world.dortmund_staff.email)
    page.goto("/dortmund/intern/kontakte/import")
    assert_accessible(page, "import")
    rows = known_rows()[:3]
    rows[1]["channel"] = "fax"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(to_csv(rows))
    page.get_by_label("CSV-Datei (UTF-8)").set_input_files(str(bad))
    page.get_by_role("button", name="Importieren").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("line 3: unknown channel 'fax'")
    assert_accessible(page, "import errors")
    good = tmp_path / "good.csv"
    good.write_bytes(to_csv(known_rows()[:3]))
    page.get_by_label("CSV-Datei (UTF-8)").set_input_files(str(good))
    page.get_by_role("button", name="Importieren").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("3 Kontakte importiert.")


def test_statistics_page(page, world):
    """Does the statistics page show tables and charts for a chosen period, accessibly?"""
    with tenant_context(world.dortmund.id):
        import_contacts(to_csv(known_rows()))
        db.session.commit()
    login(page, world.dortmund_readonly.email)
    page.goto("/dortmund/intern/statistik")
    assert_accessible(page, "statistics (default)")
    years = page.get_by_label("Jahr", exact=True)  # a choice of the years with data, not a free number
    expect(years.locator(f'option[value="{YEAR}"]')).to_have_count(1)
    expect(years.locator('option[value="2000"]')).to_have_count(0)
    years.select_option(str(YEAR))
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=f"Statistik: {YEAR}")).to_be_visible()
    expect(page.locator("main")).to_contain_text("+12,5\u00a0%")
    assert page.locator("svg[role=img]").count() >= 4
    assert_accessible(page, "statistics 2022")


def test_report_chapters_and_pdf(page, world):
    """Can staff write a chapter, see it in the report, and get the PDF offered when it is ready?"""
    with tenant_context(world.dortmund.id):
        import_contacts(to_csv(known_rows()))
        db.session.commit()
    login(page, world.dortmund_staff.email)
    page.goto(f"/dortmund/intern/jahresbericht/{YEAR}/texte")
    assert_accessible(page, "chapters (empty)")
    page.get_by_role("button", name="Kapitel anlegen").click()
    page.wait_for_load_state()
    page.get_by_role("link", name=re.compile("Bearbeiten.*Ausblick")).click()
    page.wait_for_load_state()
    assert_accessible(page, "chapter edit")
    page.get_by_label("Text").fill("Im nächsten Jahr feiern wir 40 Jahre Kontaktstelle.")
    page.get_by_role("button", name="Kapitel speichern").click()
    page.wait_for_load_state()
    assert_accessible(page, "chapters")
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(func.count(ReportChapter.id))) == 7
    page.goto(f"/dortmund/intern/jahresbericht/{YEAR}")
    expect(page.locator("main")).to_contain_text("Im nächsten Jahr feiern wir 40 Jahre Kontaktstelle.")
    assert_accessible(page, "report")
    page.get_by_role("button", name="PDF erstellen").click()
    page.wait_for_load_state()
    download_link = page.get_by_role("link", name="PDF herunterladen")
    download_link.wait_for(state="visible")
    assert_accessible(page, "pdf status")
    with page.expect_download() as info:
        download_link.click()
    assert info.value.suggested_filename == f"jahresbericht-dortmund-{YEAR}.pdf"


def test_correction_of_this_year_is_offered_and_old_years_are_not(page, world):
    """Does the log offer corrections for open years only?"""
    with tenant_context(world.dortmund.id):
        ops.record_contact(ops.ContactData(day=ops.today(), kind="citizen", channel="phone", topic_area="social"))
        import_contacts(to_csv(known_rows()[:2]))
        db.session.commit()
    login(page, world.dortmund_staff.email)
    page.goto(f"/dortmund/intern/kontakte/?year={YEAR}")
    expect(page.locator("main")).to_contain_text("abgeschlossen")
    expect(page.get_by_role("link", name="Korrigieren")).to_have_count(0)
    page.goto("/dortmund/intern/kontakte/")
    expect(page.get_by_role("link", name="Korrigieren")).to_have_count(1)
