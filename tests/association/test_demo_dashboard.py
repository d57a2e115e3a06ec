"""The demo's Paritätische NRW as its analyst sees it on the page, with the demo's data up to today:
the last complete year publishes each office's own annual figures, the running year is never set beside
whole years, a year without some office's figures says so, and the downloads carry the page's values."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from saas.association import aggregation, queries
from saas.contacts.demo import OFFICES, seed_office, trend_years
from saas.contacts.queries import change_pct
from saas.core import timeutil
from saas.core.formatting import format_number, format_percent
from saas.extensions import db
from tests.association.conftest import share
from tests.browser import assert_accessible, login

NAMES = {"dortmund": "Selbsthilfe-Kontaktstelle Dortmund", "hamm": "Selbsthilfe-Kontaktstelle Hamm"}
KINDS = ("citizen", "relative", "group", "professional")
CHANNELS = ("phone", "written", "in_person")


@pytest.fixture
def demo(world):
    """Dortmund (figures since 2022) and Hamm (since 2023) seeded as the demo seeds them: the published
    years, continued up to today."""
    today = timeutil.today()
    world.dortmund.population, world.dortmund.staff_fte = 595000, 4
    world.hamm.population, world.hamm.staff_fte = 180000, 2
    for tenant in (world.dortmund, world.hamm):
        seed_office(tenant, trend_years(tenant.slug, OFFICES[tenant.slug], today), today)
        db.session.commit()
        share(tenant, world.association, ["contacts", "groups"])
    aggregation.run(trigger="test")
    return world


def _annual(app, slug: str, year: int) -> dict:
    result = app.test_cli_runner().invoke(
        args=["report", "annual", "--tenant", slug, "--year", str(year), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["contacts"]


def _cells(html: str, name: str) -> list[str]:
    """The text of the data cells of one office's (or the total's) row of the comparison table."""
    table = html.split('<table class="comparison"', 1)[1].split("</table>", 1)[0]
    row = table.split(f'<th scope="row">{name}</th>', 1)[1].split("</tr>", 1)[0]
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def _shown(value: int | float | str) -> str:
    return value if isinstance(value, str) else format_number(value)


def test_last_complete_year_publishes_each_offices_own_annual_figures_on_the_page(demo, app, client):
    """Opens on the last complete year; Dortmund's and Hamm's totals, kinds and channels in the page's
    table equal their own annual reports (a sign only where a cell is small or protects one); the CSV
    and XLSX carry the same values as the page."""
    year = timeutil.today().year - 1
    client.login(demo.analyst)
    html = client.get("/verband/paritaet-nrw/").get_data(as_text=True)
    assert f'<option value="{year}" selected>{year}</option>' in html
    own = {slug: _annual(app, slug, year) for slug in NAMES}
    for slug, name in NAMES.items():
        assert _cells(html, name)[0] == format_number(own[slug]["total"]), slug
    if year == 2025:  # the figures the demo's own annual reports give for 2025
        assert own["dortmund"]["total"] == 2322 and own["hamm"]["total"] == 1156
    total = own["dortmund"]["total"] + own["hamm"]["total"]
    assert _cells(html, "Verband insgesamt")[0] == format_number(total)
    signs = 0
    book = load_workbook(io.BytesIO(client.get(f"/verband/paritaet-nrw/export.xlsx?jahr={year}").data))
    sheet = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    rows = list(csv.reader(io.StringIO(client.get(f"/verband/paritaet-nrw/export.csv?jahr={year}").text)))
    for section, keys in (("by_kind", KINDS), ("by_channel", CHANNELS)):
        for key in keys:
            figure = f"contacts.{section}.{key}"
            page = client.get(f"/verband/paritaet-nrw/?jahr={year}&kennzahl={figure}").get_data(as_text=True)
            column = rows[0].index(queries.FIGURE_BY_KEY[figure].label)
            for slug, name in NAMES.items():
                shown = _cells(page, name)[0]
                if shown in ("<5", "."):
                    signs += 1
                else:
                    assert shown == format_number(own[slug][section][key]), (slug, figure)
                csv_cell = next(r for r in rows if len(r) > 1 and r[1] == slug)[column]
                xlsx_cell = next(r for r in sheet if r[1] == slug)[column]
                assert _shown(int(csv_cell) if csv_cell.isdigit() else csv_cell) == shown.replace("&lt;", "<")
                assert _shown(xlsx_cell) == shown.replace("&lt;", "<"), (slug, figure)
    assert signs <= 2  # a handful at most
    assert "kleine Zahl (1 bis 4)" in html and "geheim gehalten" in html and "null: nichts gezählt" in html


def test_the_running_year_is_its_year_to_date_next_to_the_same_months_before(demo, client):
    """The whole-year trend leaves the running year out and links to it; choosing the running year shows
    1 January to the end of the period, with the change against the same months of the year before."""
    this_year = timeutil.today().year
    client.login(demo.analyst)
    html = client.get("/verband/paritaet-nrw/").get_data(as_text=True)
    trend_links = html.split("Tabelle eines Jahres:", 1)[1].split("</p>", 1)[0]
    assert f">{this_year}<" not in trend_links and f">{this_year - 1}<" in trend_links
    trend_table = html.split("Kontakte insgesamt: Verband insgesamt</span></caption>", 1)[1].split("</table>", 1)[0]
    assert f">{this_year}<" not in trend_table  # not in the chart's data either
    assert f"{this_year} ist noch nicht abgeschlossen und fehlt darum im Verlauf" in html
    assert f"jahr={this_year}&amp;kennzahl=contacts.total&amp;bezug=absolut&amp;zeitraum=bisher" in html
    # the year choice says which months the running year has
    option = html.split(f'<option value="{this_year}"', 1)[1].split("</option>", 1)[0]
    assert "1. Januar bis" in option

    page = client.get(f"/verband/paritaet-nrw/?jahr={this_year}").get_data(as_text=True)
    assert "Veränderung zum Vorjahreszeitraum" in page and "nicht mit dem ganzen Vorjahr" in page
    now = json.loads(client.get(f"/verband/paritaet-nrw/bericht.json?jahr={this_year}&zeitraum=bisher").text)
    before = json.loads(client.get(f"/verband/paritaet-nrw/bericht.json?jahr={this_year - 1}&zeitraum=bisher").text)
    assert now["period"]["to"][4:] == before["period"]["to"][4:]  # the same months
    a, b = now["total"]["contacts"]["total"], before["total"]["contacts"]["total"]
    assert _cells(page, "Verband insgesamt") == [format_number(a), format_percent(change_pct(a, b), 1, True)]
    assert abs(change_pct(a, b)) < 10  # the demo grows a few % a year: no false drop


def test_a_year_without_an_offices_figures_says_so(demo, client):
    """2022: only Dortmund keeps figures in Lotse. Hamm's row says it has none (not a 0 that reads as an
    empty year), the note names it, the trend lists the year; 2023's total has no change across the
    changed circle of offices."""
    client.login(demo.analyst)
    html = client.get("/verband/paritaet-nrw/?jahr=2022").get_data(as_text=True)
    assert _cells(html, NAMES["hamm"]) == ["keine Zahlen für dieses Jahr"]
    assert "Keine Zahlen für 2022 in Lotse: Selbsthilfe-Kontaktstelle Hamm." in html
    bars = html.split('<figure class="chart">', 1)[1].split("</figure>", 1)[0]
    assert NAMES["hamm"] not in bars
    assert "<li>2022: 1 von 2 Kontaktstellen: Selbsthilfe-Kontaktstelle Dortmund</li>" in html
    # The trend's line does not join 2022 (Dortmund alone) to 2023 (both offices): that reads as growth.
    # The two years are apart, with the break named on the chart and in its text alternative.
    trend = html.split('<figure class="chart">')[2].split("</figure>", 1)[0].split('class="chart-narrow"', 1)[0]
    assert "Berichtskreis geändert" in trend and 'stroke-dasharray="4 3"' in trend
    assert "Berichtskreis geändert: 2022 – 2023." in trend
    paths = re.findall(r'<path d="([^"]+)" fill="none"', trend)
    assert len(paths) == 1 and paths[0].count("L") == len(re.findall(r"<circle ", trend)) - 2
    html = client.get("/verband/paritaet-nrw/?jahr=2023").get_data(as_text=True)
    assert "Keine Zahlen für" not in html
    assert _cells(html, "Verband insgesamt")[-1] == "–"
    assert "2023 berichten andere Kontaktstellen als im Vorjahr" in html
    # The report JSON says the same: 2023's total is not 152 % more than 2022's (Dortmund alone), it
    # covers another circle of offices. Its previous total is not a comparable base either.
    total = json.loads(client.get("/verband/paritaet-nrw/bericht.json?jahr=2023").text)["total"]["contacts"]
    assert total["change_pct"] == {
        "total": None,
        "citizen": None,
        "relative": None,
        "group": None,
        "professional": None,
    }
    assert total["previous_year_total"] is None
    html = client.get("/verband/paritaet-nrw/?jahr=2024").get_data(as_text=True)
    assert _cells(html, "Verband insgesamt")[-1] != "–"
    total = json.loads(client.get("/verband/paritaet-nrw/bericht.json?jahr=2024").text)["total"]["contacts"]
    assert isinstance(total["change_pct"]["total"], float) and total["previous_year_total"] > 0


def test_staff_and_a_groups_contact_person_get_404_on_the_association_pages(demo, make_client, outbox):
    """Another office's staff and a group's signed-in contact person: 404 on every association URL."""
    from tests.grouparea.helpers import huckarde, sign_in

    huckarde(demo.dortmund)
    db.session.commit()
    staff = make_client()
    staff.login(demo.hamm_staff)
    person = make_client()
    assert "Gesprächskreis Huckarde" in sign_in(person, outbox).get_data(as_text=True)
    year = timeutil.today().year - 1
    for url in (
        "/verband/paritaet-nrw/",
        "/verband/paritaet-nrw/?jahr=2022",
        f"/verband/paritaet-nrw/export.csv?jahr={year}&zeitraum=bisher",
        f"/verband/paritaet-nrw/export.xlsx?jahr={year}",
        f"/verband/paritaet-nrw/bericht.json?jahr={year}",
    ):
        assert staff.get(url).status_code == 404, url
        assert person.get(url).status_code == 404, url


def test_analyst_walks_the_demo_dashboard_in_a_browser(page, demo):
    """Default year, every basis, the running year and a year with one office: axe on each; one click
    from the trend to the table of a year and to the running year's year to date."""
    this_year = timeutil.today().year
    login(page, demo.analyst.email)
    page.goto("/verband/paritaet-nrw/")
    expect(page.get_by_label("Jahr")).to_have_value(str(this_year - 1))
    assert_accessible(page, "demo dashboard")
    for basis, caption in (("einwohner", "je 100.000 Einwohner"), ("stelle", "je Vollzeitstelle")):
        page.get_by_label("Bezug").select_option(basis)
        page.get_by_role("button", name="Anzeigen").click()
        trend = page.locator("figure.chart").nth(1)
        expect(trend.locator("figcaption")).to_contain_text(caption)
        expect(trend.locator("table")).not_to_contain_text(str(this_year))
        assert_accessible(page, f"dashboard per {basis}")
    page.get_by_role("link", name=re.compile(rf"^{this_year} vom 1\. Januar bis")).click()
    expect(page.get_by_label("Jahr")).to_have_value(str(this_year))
    expect(page.locator("table.comparison")).to_contain_text("Veränderung zum Vorjahreszeitraum")
    assert_accessible(page, "running year to date")
    # On a phone the comparison table (per full-time post: four columns, the long heading of the change)
    # reflows within the screen instead of making the page scroll sideways (WCAG 1.4.10).
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    # Its charts are the ones drawn for a phone, their text as large as on a screen (not a 640 px drawing
    # shrunk to half, with 5 px text).
    expect(page.locator("figure.chart svg.chart-wide").first).to_be_hidden()
    narrow = page.locator("figure.chart svg.chart-narrow").first
    expect(narrow).to_be_visible()
    assert narrow.evaluate("svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width") >= 0.95
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_label("Bezug").select_option("absolut")
    page.get_by_role("button", name="Anzeigen").click()
    page.get_by_role("link", name="2022", exact=True).click()
    expect(page).to_have_url(re.compile(r"jahr=2022.*#tabelle$"))
    expect(page.locator("table.comparison")).to_contain_text("keine Zahlen für dieses Jahr")
    assert_accessible(page, "2022 with one office")
