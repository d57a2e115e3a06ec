"""The finder in a real browser at phone width (360 px): every filter, the nothing-found path and the
regional finder work without JavaScript and have no axe-core violations."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from saas.extensions import db
from tenants.models import AssociationMember
from tenants.scoping import tenant_context
from tests.browser import assert_accessible, login
from tests.directory.helpers import grief_groups, make_group, make_topic, protected_group
from tests.legal.helpers import complete_impressum

PHONE = {"width": 360, "height": 780}
# LOTSE_SCREENSHOTS=folder keeps a picture of each page (for looking at them, not asserted).
SHOTS = os.environ.get("LOTSE_SCREENSHOTS")


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}-{page.viewport_size['width']}.png"), full_page=True)


def _seed(world) -> None:  # type: ignore[no-untyped-def]
    grief_groups(world.dortmund)
    make_topic(world.hamm, "Trauer", area="social")
    make_group(world.hamm, "Trauercafé Hamm", ["Trauer"], rhythm="weekly", weekday=2, time_start=dt.time(15, 0))
    protected_group(world.hamm)
    for tenant in (world.dortmund, world.hamm):
        complete_impressum(tenant)  # only live offices are listed in the regional finder
        with tenant_context(tenant.id):
            db.session.scalar(select(AssociationMember)).regional_finder = True
            db.session.commit()


def _results(page):  # type: ignore[no-untyped-def]
    return page.locator(".group-results")


@pytest.mark.parametrize(
    ("label", "choose", "visible", "hidden"),
    [
        ("Wochentag", ("select", "2"), "Trauer am Abend", "Trauer am Vormittag"),
        ("Tageszeit", ("select", "evening"), "Trauer am Abend", "Trauer am Vormittag"),
        ("Treffen", ("select", "hybrid"), "Trauer hybrid für Angehörige", "Trauer am Abend"),
        ("Sprache", ("select", "tr"), "Trauer online", "Trauer am Abend"),
        ("für Angehörige", ("check", None), "Trauer hybrid für Angehörige", "Trauer online"),
        ("Junge Selbsthilfe (18–35 Jahre)", ("check", None), "Trauer online", "Trauer am Vormittag"),
        ("stufenlos erreichbar", ("check", None), "Trauer am Abend", "Trauer online"),
    ],
)
def test_each_filter_on_a_phone(page, world, label, choose, visible, hidden) -> None:
    """Does each filter narrow the results at 360 px, accessibly?"""
    _seed(world)
    page.set_viewport_size(PHONE)
    page.goto("/dortmund/gruppen?q=Trauer")
    page.locator("summary", has_text="Filter").click()
    control = page.get_by_label(label, exact=True)
    if choose[0] == "select":
        control.select_option(choose[1])
    else:
        control.check()
    page.get_by_role("button", name="Filter anwenden").click()
    expect(_results(page).get_by_role("link", name=visible)).to_be_visible()
    expect(_results(page).get_by_role("link", name=hidden)).to_have_count(0)
    assert_accessible(page, f"filter {label}")
    if label == "Tageszeit":
        shot(page, "finder-filtered")


def test_filters_without_javascript(page_nojs, world) -> None:
    """Do the filters work with JavaScript switched off (plain GET form, <details>)?"""
    _seed(world)
    page_nojs.set_viewport_size(PHONE)
    page_nojs.goto("/dortmund/gruppen?q=Trauer")
    page_nojs.locator("summary", has_text="Filter").click()
    page_nojs.get_by_label("Tageszeit").select_option("evening")
    page_nojs.get_by_label("stufenlos erreichbar").check()
    page_nojs.get_by_role("button", name="Filter anwenden").click()
    expect(_results(page_nojs).get_by_role("link", name="Trauer am Abend")).to_be_visible()
    expect(_results(page_nojs).get_by_role("link", name="Trauer online")).to_have_count(0)


def test_site_filter_with_two_sites(page, world) -> None:
    """With more than one site, can a person narrow the results to one site?"""
    from tenants.models import Site

    make_topic(world.dortmund, "Trauer", area="social")
    with tenant_context(world.dortmund.id):
        north, south = Site(name="Nord"), Site(name="Süd")
        db.session.add_all([north, south])
        db.session.commit()
        north_id, south_id = north.id, south.id
    make_group(world.dortmund, "Trauer Nord", ["Trauer"], site_id=north_id)
    make_group(world.dortmund, "Trauer Süd", ["Trauer"], site_id=south_id)
    page.set_viewport_size(PHONE)
    page.goto("/dortmund/gruppen?q=Trauer")
    page.locator("summary", has_text="Filter").click()
    page.get_by_label("Standort").select_option(label="Süd")
    page.get_by_role("button", name="Filter anwenden").click()
    expect(_results(page).get_by_role("link", name="Trauer Süd")).to_be_visible()
    expect(_results(page).get_by_role("link", name="Trauer Nord")).to_have_count(0)
    assert_accessible(page, "site filter")


def test_home_search_and_cards(page, world) -> None:
    """Can a person search from the office's home page on a phone and read where, when and how?"""
    _seed(world)
    for size in (PHONE, {"width": 1280, "height": 900}):
        page.set_viewport_size(size)
        page.goto("/dortmund/")
        assert_accessible(page, "home")
        shot(page, "home")
        page.get_by_label("Thema oder Stichwort").fill("Trauer")
        page.get_by_role("button", name="Suchen").click()
        card = page.locator(".group-card", has_text="Trauer am Abend")
        expect(card).to_contain_text("jeden Dienstag")
        expect(card).to_contain_text("vor Ort")
        expect(card).to_contain_text("stufenlos erreichbar")
        expect(card).to_contain_text("Gemeindezentrum Hörde")
        assert_accessible(page, "results")
        shot(page, "finder-results")


def test_nothing_found_path(page, world) -> None:
    """When nothing is found: help, NAKOS, office phone, and the interest form through to thanks."""
    _seed(world)
    for size in (PHONE, {"width": 1280, "height": 900}):
        page.set_viewport_size(size)
        page.goto("/dortmund/gruppen?q=Mukoviszidose")
        expect(page.get_by_role("heading", name="Keine passende Gruppe gefunden")).to_be_visible()
        expect(page.get_by_role("link", name="BLAUEN ADRESSEN der NAKOS")).to_be_visible()
        assert_accessible(page, "nothing found")
        shot(page, "nothing-found")
    page.get_by_role("link", name="Ich würde bei einer Gruppe zu „Mukoviszidose“ mitmachen").click()
    expect(page.get_by_label("Ich würde bei einer Gruppe zu diesem Thema mitmachen")).to_have_value("Mukoviszidose")
    page.get_by_role("button", name="Interesse senden").click()  # no contact, no consent
    expect(page.get_by_text("Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an.").first).to_be_visible()
    assert_accessible(page, "interest form with errors")
    shot(page, "interest-errors")
    page.get_by_label("Ihr Name oder ein Pseudonym").fill("Kim")
    page.get_by_label("E-Mail-Adresse").fill("kim@example.net")
    page.locator("#consent").check()
    page.get_by_role("button", name="Interesse senden").click()
    expect(page.get_by_role("heading", name="Vielen Dank")).to_be_visible()
    assert_accessible(page, "interest thanks")


def test_regional_finder(page, world) -> None:
    """Does the regional finder group results by office and send protected groups to their office?"""
    _seed(world)
    for size in (PHONE, {"width": 1280, "height": 900}):
        page.set_viewport_size(size)
        page.goto("/verband/paritaet-nrw/gruppen?q=Trauer")
        expect(page.get_by_role("heading", name=world.hamm.name)).to_be_visible()
        expect(page.get_by_role("link", name="Trauercafé Hamm")).to_be_visible()
        assert_accessible(page, "regional finder")
        shot(page, "regional")
    page.goto("/verband/paritaet-nrw/gruppen?q=Sucht")
    card = page.locator(".group-card", has_text="Geschützte Gruppe Sucht")
    expect(card).to_contain_text("Kontakt über die Kontaktstelle")
    expect(card).not_to_contain_text("Petra")
    page.goto("/verband/paritaet-nrw/gruppen?q=Mukoviszidose")
    expect(page.get_by_role("heading", name="Keine passende Gruppe gefunden")).to_be_visible()
    assert_accessible(page, "regional nothing found")


def test_staff_demand_neighbours_and_opt_in(page, world) -> None:
    """Do staff see demand, search neighbouring offices and switch the regional finder — accessibly?"""
    _seed(world)
    login(page, world.dortmund_admin.email)
    page.goto("/dortmund/intern/gruppen/")
    page.get_by_role("link", name="In Nachbar-Kontaktstellen suchen").click()
    page.get_by_label("Thema oder Stichwort").fill("Trauer")
    page.get_by_role("button", name="Suchen").click()
    expect(page.get_by_role("link", name="Trauercafé Hamm")).to_be_visible()
    assert_accessible(page, "neighbours")
    shot(page, "neighbours")
    page.goto("/dortmund/intern/nachfrage")
    expect(page.get_by_role("heading", name="Suchen ohne Ergebnis")).to_be_visible()
    assert_accessible(page, "demand")
    shot(page, "demand")
    page.goto("/dortmund/intern/verbaende")
    assert_accessible(page, "associations")
    page.get_by_label("Unsere öffentlichen Gruppen im regionalen Wegweiser des Verbands zeigen").first.uncheck()
    page.get_by_role("button", name="Teilnahme speichern").first.click()
    expect(page.get_by_text("erscheinen nicht mehr im regionalen Wegweiser")).to_be_visible()
    shot(page, "associations")
    page.goto("/dortmund/intern/gruppen/neu")
    expect(page.get_by_label("Treffpunkt stufenlos erreichbar")).to_be_visible()
    assert_accessible(page, "group form")


_CONTROLS = (
    "form.finder-form :is(input:not([type=hidden]), select, textarea, button, summary),"
    " details.finder-filters > summary"
)


def _small_targets(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Visible form controls of the public finder smaller than 44 × 44 CSS px (WCAG 2.5.5)."""
    return page.eval_on_selector_all(
        _CONTROLS,
        """els => els.filter(e => e.offsetParent !== null).map(e => {
            const r = e.getBoundingClientRect();
            return [e.id || e.name || e.textContent.trim().slice(0, 30), Math.round(r.width), Math.round(r.height)];
        }).filter(([, w, h]) => w < 44 || h < 44).map(([n, w, h]) => `${n}: ${w}×${h}`)""",
    )


def test_every_finder_control_is_a_large_target_on_a_phone(page, world) -> None:
    """Issue #14 demo: the interest form's consent checkbox was tiny on a phone. At 360 px, is every form
    control of the public finder (search, filters, interest list, contact form) at least 44 × 44 px, and
    does a tap on a checkbox's label tick it?"""
    _seed(world)
    page.set_viewport_size(PHONE)
    page.goto("/dortmund/gruppen?q=Trauer")
    page.locator("summary", has_text="Filter").click()
    assert page.locator("#f-relatives").count() == 1
    assert _small_targets(page) == []
    assert_accessible(page, "finder with filters")
    shot(page, "targets-filters")
    page.get_by_role("link", name="Trauer am Abend").first.click()
    expect(page.locator("form.finder-form input[type=checkbox]")).to_have_count(1)
    assert _small_targets(page) == []
    assert_accessible(page, "group page contact form")
    shot(page, "targets-group")
    page.goto("/dortmund/gruppen/mitmachen?topic=Mukoviszidose")
    consent = page.locator("#consent")
    box = consent.bounding_box()
    assert box is not None and box["width"] >= 44 and box["height"] >= 44, box
    assert _small_targets(page) == []
    page.locator("label[for=consent]").click()  # the label beside it is a second, wide target
    expect(consent).to_be_checked()
    assert_accessible(page, "interest form")
    shot(page, "targets-interest")


def test_crisis_line_above_results(page, world) -> None:
    """A query that speaks of suicide shows the TelefonSeelsorge above the groups it found, at phone width, in the
    Wegweiser and in the regional finder."""
    _seed(world)
    make_topic(world.dortmund, "Suizid")
    make_group(world.dortmund, "AGUS – Angehörige um Suizid", ["Suizid"], description="Für Hinterbliebene.")
    page.set_viewport_size(PHONE)
    page.goto("/dortmund/gruppen?q=lebensm%C3%BCde")
    crisis = page.locator(".crisis-first")
    expect(crisis).to_contain_text("TelefonSeelsorge")
    expect(crisis.get_by_role("link", name="0800 111 0 111")).to_be_visible()
    expect(_results(page)).to_contain_text("AGUS – Angehörige um Suizid")
    assert_accessible(page, "crisis line above results")
    shot(page, "crisis-first")
    page.goto("/verband/paritaet-nrw/gruppen?q=lebensm%C3%BCde")
    expect(page.locator(".crisis-first")).to_contain_text("TelefonSeelsorge")
    expect(page.get_by_text("AGUS – Angehörige um Suizid")).to_be_visible()
    assert_accessible(page, "crisis line above regional results")
    shot(page, "crisis-first-regional")
    # A phrase of a crisis that finds nothing: the line first, above the nothing-found box, and only there.
    page.goto("/dortmund/gruppen?q=alles+hat+keinen+Sinn+mehr")
    expect(page.locator(".crisis-first")).to_contain_text("TelefonSeelsorge")
    expect(page.locator(".nothing-found")).to_be_visible()
    expect(page.locator(".nothing-found .crisis")).to_have_count(0)
    assert_accessible(page, "crisis line above nothing found")
    shot(page, "crisis-first-nothing-found")
