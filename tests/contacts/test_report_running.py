"""A year still running: its report counts up to today and compares with the same days of the year before,
never with the whole year before (2,209 contacts on 4 December against 2,322 for all of 2025 read "−4.9 %")."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import docx
from openpyxl import load_workbook

from saas.contacts import report as report_module
from saas.contacts.pdf import render_pdf
from saas.contacts.queries import change_pct
from saas.contacts.report import annual_report, draft_chapter, report_period, report_view
from saas.funders.document import to_docx
from saas.funders.reports import annual_document, office_nakos, sachbericht
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


def _word_text(document) -> str:
    word = docx.Document(io.BytesIO(to_docx(document)))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def test_the_funders_documents_and_drafts_of_a_running_year_state_the_figures_so_far(world, monkeypatch):
    """On 30 June, the Sachbericht's period ends on 30 June, not 31 December; its and the Word report's stocks
    are those of 30 June ("Aktive Selbsthilfegruppen am 30.06.", footnote "am 30.06."), not of a year end still
    to come; the NAKOS sheet says it is provisional; the chapter drafts say "Bis zum 30.06." — and a year
    that is over keeps "31.12." and "am Jahresende" everywhere."""
    _seed_known(world.dortmund)
    monkeypatch.setattr(report_module, "local_today", lambda: MIDYEAR)
    day = f"30.06.{YEAR}"
    with tenant_context(world.dortmund.id):
        report = annual_report(world.dortmund, YEAR)
        sach = _word_text(sachbericht(world.dortmund, YEAR, report))
        annual = _word_text(annual_document(world.dortmund, YEAR, report))
        sheet = load_workbook(io.BytesIO(office_nakos(world.dortmund, YEAR, report))).active
        drafts = {t: draft_chapter(t, report, world.dortmund) for t in ("Arbeitsschwerpunkte", "Ausblick",
                  "Öffentlichkeitsarbeit", "Veranstaltungen", "Rahmenbedingungen")}  # fmt: skip
    total = report["contacts"]["total"]
    assert f"Berichtszeitraum 01.01.–{day}" in sach and f"Vorläufig: Stand {day}, das Jahr läuft noch." in sach
    assert f"Bis zum {day} erfasste die Kontaktstelle {total} Kontakte." in sach
    for text in (sach, annual):
        assert f"Aktive Selbsthilfegruppen am {day}" in text and f"Newsletter-Abonnent*innen am {day}" in text
        assert "am Jahresende" not in text and "31.12." not in text, text
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert f"Vorläufig: Stand {day}, das Jahr läuft noch." in rows[1][0]
    assert any(row[1] == f"Aktive Selbsthilfegruppen am {day}" for row in rows)
    assert not any("am Jahresende" in str(row[1]) or "am 31.12." in str(row[4]) for row in rows)
    assert drafts["Arbeitsschwerpunkte"].startswith(f"Bis zum {day} berieten die Mitarbeiterinnen")
    assert f"Gruppen im Aufbau am {day}." in drafts["Arbeitsschwerpunkte"]
    assert drafts["Ausblick"].startswith(f"Am {day} befanden sich")
    assert f"bis zum {day}. Am {day} erreichte er" in drafts["Öffentlichkeitsarbeit"]
    assert drafts["Veranstaltungen"].startswith(f"Bis zum {day} fanden")
    assert f"nutzten bis zum {day} regelmäßig" in drafts["Rahmenbedingungen"]
    assert not any(f"Im Jahr {YEAR}" in d or "Jahresende" in d or f"Ende {YEAR}" in d for d in drafts.values())

    monkeypatch.setattr(report_module, "local_today", lambda: dt.date(YEAR + 1, 1, 2))  # the year is over
    with tenant_context(world.dortmund.id):
        report = annual_report(world.dortmund, YEAR)
        sach = _word_text(sachbericht(world.dortmund, YEAR, report))
        draft = draft_chapter("Arbeitsschwerpunkte", report, world.dortmund)
    assert f"Berichtszeitraum 01.01.–31.12.{YEAR}" in sach and "Vorläufig" not in sach
    assert "Aktive Selbsthilfegruppen am Jahresende" in sach and f"Im Jahr {YEAR} erfasste" in sach
    assert draft.startswith(f"Im Jahr {YEAR} berieten") and "Gruppen im Aufbau am Jahresende." in draft
