"""The funders' documents of one office and year, built from the annual report JSON.

* the Sachbericht (GKV-Pauschalförderung nach § 20h SGB V, Landesförderung NRW, Kommune): text chapters,
  the figures, founding and support work, events and the newsletter;
* the annual report (Jahresbericht) as DOCX: the same chapters and figures as its PDF;
* the NAKOS-survey sheet (XLSX): one row per figure with its definition.

Everything runs with the office bound. Figures come only from :func:`annual_report`.
"""

from __future__ import annotations

import io
from typing import Any

from saas.contacts.report import (
    annual_report,
    chapters,
    paragraphs,
    period_words,
    provisional_note,
    report_as_of,
    topics_az,
)
from saas.core.formatting import format_date
from saas.core.reports import recording_note
from saas.funders import figures as F
from saas.funders.document import Document, format_value
from saas.funders.queries import events_of, newsletter_issues_of
from tenants.models import Tenant

FUNDERS = (
    "GKV-Pauschalförderung nach § 20h SGB V",
    "Förderung des Landes Nordrhein-Westfalen",
    "Kommunale Förderung",
)


def _office_block(doc: Document, tenant: Tenant) -> None:
    lines = [
        line
        for line in (
            tenant.legal_body and f"Träger: {tenant.legal_body}",
            tenant.address_line,
            tenant.phone and f"Tel. {tenant.phone}",
            tenant.email,
            tenant.website,
        )
        if line
    ]
    doc.para("\n".join(lines))


def _chapter(doc: Document, title: str, body: str) -> None:
    doc.heading(title)
    for kind, items in paragraphs(body):
        if kind == "ul":
            doc.bullets(items)
        else:
            doc.para(items[0])


def sachbericht(tenant: Tenant, year: int, report: dict[str, Any] | None = None) -> Document:
    report = report or annual_report(tenant, year)
    as_of = report_as_of(report)
    end = format_date(as_of) if as_of else f"31.12.{year}"
    doc = Document(f"Sachbericht {year}", f"{tenant.name} – Berichtszeitraum 01.01.–{end}")
    doc.para(provisional_note(as_of))
    _office_block(doc, tenant)
    doc.para("Vorgelegt für: " + "; ".join(FUNDERS) + ".")
    all_chapters = chapters(year)
    n = 0
    for chapter in (c for c in all_chapters if c.placement == "intro"):
        n += 1
        _chapter(doc, f"{n}. {chapter.title}", chapter.body)
    n += 1
    doc.heading(f"{n}. Beratung und Information: Zahlen")
    doc.para(
        f"{period_words(year, as_of)} erfasste die Kontaktstelle {F.format_count(report, 'contacts.total')} Kontakte. "
        "Jede Zahl nennt in einer Fußnote ihre Definition."
    )
    doc.figures("Kontakte und Anfragewege", F.contact_figures(report), report)
    doc.figures("Anliegen und Zeitaufwand", F.effort(report), report)
    n += 1
    doc.heading(f"{n}. Gründungsbegleitung")
    doc.para(
        "Gründungsprozesse werden von der ersten Interessensbekundung bis zur Gründung oder zum begründeten "
        "Abbruch einzeln begleitet; die Zahlen der Beratungsdatei zeigen den Lebenslauf der Gruppen."
    )
    _recorded_figures(doc, "Gründungsprozesse", F.FOUNDING, report, "founding", year)
    doc.figures("Selbsthilfegruppen in der Beratungsdatei", F.GROUPS, report)
    n += 1
    doc.heading(f"{n}. Unterstützung von Selbsthilfegruppen")
    doc.para(
        "Intensive Begleitungen von Gruppen – etwa bei Konflikten oder in Umbruchphasen – werden mit ihren "
        "Terminen und Stunden erfasst, nicht nur als ein Kontakt."
    )
    _recorded_figures(doc, "Gruppenbegleitung und Konfliktberatung", F.SUPPORT, report, "support", year)
    doc.figures("Treffformen und Junge Selbsthilfe", F.PROFILE, report)
    n += 1
    _funding_chapter(doc, f"{n}. Förderung der Selbsthilfegruppen", year, report)
    n += 1
    doc.heading(f"{n}. Veranstaltungen und Räume")
    doc.figures("Veranstaltungen und Räume", F.EVENTS, report)
    doc.bullets([f"{format_date(day)}: {title} ({kind})" for day, title, kind in events_of(year)])
    n += 1
    doc.heading(f"{n}. Öffentlichkeitsarbeit: Newsletter")
    doc.figures("Newsletter", F.NEWSLETTER, report)
    doc.bullets([f"{format_date(day)}: {subject}" for day, subject in newsletter_issues_of(year)])
    for chapter in (c for c in all_chapters if c.placement == "closing"):
        n += 1
        _chapter(doc, f"{n}. {chapter.title}", chapter.body)
    return doc


def _recorded_figures(
    doc: Document, caption: str, figures: tuple[F.Figure, ...], report: dict[str, Any], section: str, year: int
) -> None:
    """A figure table of a section the office records in Lotse only from some day on: the report's sentence
    first (from when; the figures of a year before that print as "–", see :func:`figures.value`)."""
    note = recording_note(report.get(section) or {}, caption, year)
    if note:
        doc.para(note)
    doc.figures(caption, figures, report)


def _funding_chapter(doc: Document, title: str, year: int, report: dict[str, Any]) -> None:
    """Funding of the groups per stream (GKV-Pauschalförderung, project, municipal) and in sum: groups
    funded, amounts applied, granted and paid, from the report's ``funding`` section."""
    funding = report.get("funding") or {}
    doc.heading(title)
    funded = funding.get("groups_funded", 0)
    groups = (
        "erhielt 1 Gruppe" if funded == 1 else f"erhielten {F.format_count(report, 'funding.groups_funded')} Gruppen"
    )
    doc.para(
        "Die Kontaktstelle berät die Gruppen zu Förderanträgen und erinnert sie an Fristen und "
        f"Verwendungsnachweise. {period_words(year, report_as_of(report))} {groups} eine bewilligte Förderung; "
        f"bewilligt wurden insgesamt {format_value(funding.get('granted', 0), '€')}, "
        f"ausgezahlt {format_value(funding.get('paid', 0), '€')}."
    )
    rows = [(label, f"funding.by_stream.{code}") for code, label in F.FUNDING_STREAMS] + [("Summe", "funding")]
    doc.matrix("Förderung der Gruppen nach Förderart (Beträge in Euro)", "Förderart", rows, F.FUNDING, report)
    missing = int(funding.get("missing_proofs", 0) or 0)
    if missing:
        doc.para(f"Für {F.format_count(report, 'funding.missing_proofs')} bewilligte Förderungen steht der "
                 "Verwendungsnachweis noch aus.")  # fmt: skip


def annual_document(tenant: Tenant, year: int, report: dict[str, Any] | None = None) -> Document:
    """The annual report (Jahresbericht) as a document: what its PDF holds, for Word."""
    report = report or annual_report(tenant, year)
    doc = Document(f"Jahresbericht {year}", tenant.name)
    doc.para(provisional_note(report_as_of(report)))
    doc.heading(f"1. {tenant.name}")
    if tenant.about:
        doc.para(tenant.about)
    _office_block(doc, tenant)
    all_chapters = chapters(year)
    n = 1
    for chapter in (c for c in all_chapters if c.placement == "intro"):
        n += 1
        _chapter(doc, f"{n}. {chapter.title}", chapter.body)
    n += 1
    doc.heading(f"{n}. Gesamtkontakte – Zahlen und Fakten im Überblick")
    doc.figures("Kontakte und Anfragewege", F.contact_figures(report), report)
    doc.figures("Anliegen und Zeitaufwand", F.effort(report), report)
    doc.figures("Gründungen und Auflösungen von Selbsthilfegruppen", F.GROUPS, report)
    doc.figures("Gründungsbegleitung", F.FOUNDING, report)
    doc.figures("Gruppenbegleitung und Konfliktberatung", F.SUPPORT, report)
    doc.figures("Veranstaltungen und Räume", F.EVENTS, report)
    doc.figures("Newsletter", F.NEWSLETTER, report)
    for chapter in (c for c in all_chapters if c.placement == "closing"):
        n += 1
        _chapter(doc, f"{n}. {chapter.title}", chapter.body)
    az = topics_az()
    if az:
        doc.heading("Themen der Selbsthilfegruppen")
        for letter, names in az:
            doc.heading(letter, 3)
            doc.bullets(names)
    return doc


# --- the NAKOS-survey sheet --------------------------------------------------------------------------------

SHEET_HEADER = ["Nr.", "Kennzahl", "Wert", "Schlüssel im Jahresbericht (JSON)", "Definition (Fußnote)"]


def nakos_rows(report: dict[str, Any]) -> list[list[Any]]:
    as_of = report_as_of(report)
    return [
        [number, figure.label, F.value(report, figure.path), figure.path, figure.definition]
        for number, figure in enumerate((f.on(as_of) for f in F.NAKOS), start=1)
    ]


def nakos_xlsx(title: str, subtitle: str, rows: list[list[Any]], legend: str = "") -> bytes:
    """The sheet: a title block, one row per figure (numbers as numbers), the definitions beside them."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from saas.core.csvio import xlsx_row

    book = Workbook()
    sheet = book.active
    sheet.title = "NAKOS-Umfrage"
    sheet.append(xlsx_row([title]))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(xlsx_row([subtitle]))
    if legend:
        sheet.append(xlsx_row([legend]))
    sheet.append([])
    sheet.append(SHEET_HEADER)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(xlsx_row(row))
        sheet.cell(sheet.max_row, 5).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    for column, width in zip("ABCDE", (6, 46, 12, 38, 80), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def office_nakos(tenant: Tenant, year: int, report: dict[str, Any] | None = None) -> bytes:
    report = report or annual_report(tenant, year)
    as_of = report_as_of(report)
    return nakos_xlsx(
        f"NAKOS-Umfrage {year}: {tenant.name}",
        f"Berichtsjahr {year}; alle Werte aus dem Jahresbericht von Lotse (Schlüssel in Spalte D). "
        + provisional_note(as_of),
        nakos_rows(report),
    )
