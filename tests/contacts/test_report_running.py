"""A year still running: its report counts up to today and compares with the same days of the year before,
never with the whole year before (2,209 contacts on 4 December against 2,322 for all of 2025 read "−4.9 %")."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import docx

from saas.contacts import report as report_module
from saas.contacts.pdf import render_pdf
from saas.contacts.queries import change_pct
from saas.contacts.report import annual_report, report_period, report_view
from saas.funders.document import to_docx
from saas.funders.reports import annual_document
from tenants.scoping import tenant_context
from tests.contacts.helpers import YEAR, known_rows, to_csv
from tests.contacts.test_views import _seed_known

MIDYEAR = dt.date(YEAR, 6, 30)


def _count(rows: list[dict], start: dt.date, end: dt.date, kind: str | None = None) -> int:
    return sum(
        1
        for r in rows
        if start <= dt.date.fromisoformat(r["date"]) <= end and (kind is None or r["contact_kind"] == kind)
    )


def test_a_running_year_is_compared_with_the_same_days_of_the_year_before(client, world, monkeypatch):
    """On 30 June, does the report count the year up to that day, compare with 1 January to 30 June of the
    year before (total and each kind), keep the whole year before as previous_year_total, and say so on the
    page ("läuft noch", the columns "2022 (bis 30.06.)")?"""
    rows = known_rows()
    assert to_csv(rows)  # the rows the office imports
    _seed_known(world.dortmund)
    monkeypatch.setattr(report_module, "local_today", lambda: MIDYEAR)
    with tenant_context(world.dortmund.id):
        c = annual_report(world.dortmund, YEAR)["contacts"]
    now = _count(rows, dt.date(YEAR, 1, 1), MIDYEAR)
    before = _count(rows, dt.date(YEAR - 1, 1, 1), dt.date(YEAR - 1, 6, 30))
    assert 0 < now < 360 and 0 < before < 320
    assert c["total"] == now and c["as_of"] == MIDYEAR.isoformat()
    assert c["compared_period"] == {"start": f"{YEAR - 1}-01-01", "end": f"{YEAR - 1}-06-30", "total": before}
    assert c["previous_year_total"] == 320  # the whole year before, as its name says
    assert c["change_pct"]["total"] == change_pct(now, before)
    for kind in ("citizen", "group", "professional"):
        in_days = _count(rows, dt.date(YEAR - 1, 1, 1), dt.date(YEAR - 1, 6, 30), kind)
        assert c["previous_year_by_kind"][kind] == in_days
        assert c["change_pct"][kind] == change_pct(_count(rows, dt.date(YEAR, 1, 1), MIDYEAR, kind), in_days)

    client.login(world.dortmund_staff)
    page = client.get(f"/dortmund/intern/jahresbericht/{YEAR}").get_data(as_text=True)
    assert f"Das Jahr {YEAR} läuft noch: bis zum 30.06.{YEAR} wurden" in page
    assert f"{YEAR} (bis 30.06.)" in page and f"{YEAR - 1} (bis 30.06.)" in page
    assert "Im Vergleich zum Vorjahr" not in page
    assert f"aktive Gruppen am 30.06.{YEAR}" in page and "am Jahresende" not in page  # a stock of today

    with tenant_context(world.dortmund.id):
        pdf = render_pdf(report_view(world.dortmund, YEAR))
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    text = " ".join(out.decode().split())
    assert f"Vorläufig: Stand 30.06.{YEAR}" in text and f"Das Jahr {YEAR} läuft noch" in text
    assert f"{YEAR - 1} (bis 30.06.)" in text and f"aktive Gruppen am 30.06.{YEAR}" in text

    with tenant_context(world.dortmund.id):
        word = docx.Document(io.BytesIO(to_docx(annual_document(world.dortmund, YEAR))))
    assert f"Vorläufig: Stand 30.06.{YEAR}, das Jahr läuft noch." in [p.text for p in word.paragraphs]

    monkeypatch.setattr(report_module, "local_today", lambda: dt.date(YEAR + 1, 1, 2))  # the year is over
    with tenant_context(world.dortmund.id):
        whole = annual_report(world.dortmund, YEAR)["contacts"]
    assert whole["total"] == 360 and whole["as_of"] is None and whole["compared_period"]["total"] == 320
    assert whole["change_pct"]["total"] == 12.5


def test_the_same_days_of_a_year_before_a_leap_day():
    """On 29 February the year before is counted up to 28 February; a past year is counted whole."""
    assert report_period(2024, dt.date(2024, 2, 29)).previous_end == dt.date(2023, 2, 28)
    assert report_period(2024, dt.date(2024, 2, 29)).running
    past = report_period(2023, dt.date(2024, 2, 29))
    assert past.end == dt.date(2023, 12, 31) and not past.running and past.previous_end == dt.date(2022, 12, 31)
    assert not report_period(2024, dt.date(2024, 12, 31)).running
