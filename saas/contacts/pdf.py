"""The annual report as PDF, drawn with fpdf2 (pure Python): text, tables and the same SVG charts as
the web page.

Uses DejaVu Sans when the system has it (all of German typography, ``−``, ``„“``); otherwise the
PDF core font Helvetica, with the few characters it lacks replaced by their nearest Latin-1 form.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Callable
from pathlib import Path

from flask_babel import force_locale
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from saas.contacts.models import CHANNELS, CONCERNS, KINDS, MEDIA, TOPIC_AREAS
from saas.contacts.report import ReportView, format_change, paragraphs, provisional_note, stock_day, year_label
from saas.core.charts import Chart
from saas.core.formatting import format_date, format_number, format_percent
from saas.core.reports import recording_note

FONT_DIRS = [
    os.environ.get("LOTSE_PDF_FONT_DIR", ""),
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
    "/Library/Fonts",
]
_LATIN1 = str.maketrans(
    {
        "\u2212": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u201e": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2026": "...",
        "\u202f": " ",
        "\u2009": " ",
    }
)

Progress = Callable[[int], None]


def _find_font() -> tuple[Path, Path] | None:
    for folder in filter(None, FONT_DIRS):
        regular, bold = Path(folder) / "DejaVuSans.ttf", Path(folder) / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return regular, bold
    return None


class ReportPDF(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(format="A4")
        self.report_title = title
        fonts = _find_font()
        if fonts:
            self.add_font("dejavu", "", str(fonts[0]))
            self.add_font("dejavu", "B", str(fonts[1]))
            self.family = "dejavu"
            self.unicode = True
        else:
            self.family = "helvetica"
            self.unicode = False
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, 20)
        self.set_title(title)
        self.set_creator("Lotse")
        self.set_lang("de")

    def t(self, text: str) -> str:
        text = str(text)
        if self.unicode:
            return text
        return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(self.family, "", 8)
        self.set_text_color(80, 80, 80)
        self.cell(0, 6, self.t(f"{self.report_title} – Seite {self.page_no()}"), align="C")
        self.set_text_color(0, 0, 0)

    # --- building blocks -------------------------------------------------------------------------------
    def heading(self, text: str, level: int = 1, keep: float = 40) -> None:
        """A heading kept on one page with the first ``keep`` mm of what follows (never alone at a page foot)."""
        size = {0: 22, 1: 15, 2: 12}[level]
        if level and self.get_y() + size * 0.5 + 6 + keep > self.page_break_trigger:
            self.add_page()
        self.ln(4 if level else 0)
        self.set_font(self.family, "B", size)
        self.set_text_color(7, 55, 99)
        self.multi_cell(0, size * 0.5, self.t(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.ln(2)

    def para(self, text: str, size: int = 10) -> None:
        self.set_font(self.family, "", size)
        self.multi_cell(0, 5.2, self.t(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def bullets(self, items: list[str]) -> None:
        self.set_font(self.family, "", 10)
        for item in items:
            self.set_x(self.l_margin + 4)
            self.multi_cell(
                0, 5.2, self.t(f"• {item}" if self.unicode else f"- {item}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
        self.ln(2)

    @staticmethod
    def table_height(rows: int) -> float:
        return 6.5 * (rows + 1) + 3

    def table_rows(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        line = 6.5
        if self.get_y() + line * (len(rows) + 1) > self.h - 25:
            self.add_page()
        self.set_font(self.family, "B", 9)
        self.set_fill_color(235, 240, 246)
        for i, (text, width) in enumerate(zip(header, widths, strict=True)):
            self.cell(width, line, self.t(text), border="B", fill=True, align="L" if i == 0 else "R")
        self.ln(line)
        self.set_font(self.family, "", 9)
        for row in rows:
            for i, (text, width) in enumerate(zip(row, widths, strict=True)):
                self.cell(width, line, self.t(text), border="B", align="L" if i == 0 else "R")
            self.ln(line)
        self.ln(3)

    def chart(self, chart: Chart, width: float = 170) -> None:
        svg = chart.svg(font=self.family, text_filter=_pdf_svg(self))
        # Estimate the drawn height from the SVG's aspect ratio to keep a chart on one page.
        match = re.search(r'width="(\d+)" height="(\d+)"', str(svg))
        height = width * int(match.group(2)) / int(match.group(1)) if match else 80
        if self.get_y() + height + 12 > self.h - 20:
            self.add_page()
        self.set_font(self.family, "B", 10)
        self.multi_cell(0, 5, self.t(chart.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.image(io.BytesIO(str(svg).encode("utf-8")), x=self.l_margin, w=width, alt_text=chart.description())
        self.ln(3)


def _pdf_svg(pdf: ReportPDF) -> Callable[[str], str]:
    def clean(svg: str) -> str:
        svg = re.sub(r"<title[^>]*>.*?</title>|<desc[^>]*>.*?</desc>", "", svg, flags=re.S)  # not drawn by fpdf2
        return pdf.t(svg)

    return clean


def render_pdf(view: ReportView, progress: Progress | None = None) -> bytes:
    """Draw the report; ``progress(percent)`` is called as the chapters are done."""
    step = progress or (lambda _p: None)
    tenant, year = view.tenant, view.year
    pdf = ReportPDF(f"Jahresbericht {year} – {tenant.name}")
    _cover(pdf, view)

    number = 1
    pdf.add_page()
    pdf.heading(f"{number}. {tenant.name}")
    if tenant.about:
        pdf.para(tenant.about)
    contact_lines = [
        line
        for line in (tenant.address_line, tenant.phone and f"Tel.: {tenant.phone}", tenant.email, tenant.website)
        if line
    ]
    if contact_lines:
        pdf.para("\n".join(contact_lines))
    for site in view.sites:
        hours = site.hours_lines
        if len(view.sites) > 1 or hours:
            pdf.heading(f"Standort {site.name}" if len(view.sites) > 1 else "Sprechzeiten", 2)
            lines = [site.address_line] if len(view.sites) > 1 and site.address_line else []
            pdf.para("\n".join(lines + hours) or "Nach Vereinbarung")
    step(20)

    for chapter in view.chapters_intro:
        number += 1
        _chapter(pdf, f"{number}. {chapter.title}", chapter.body)
    number += 1
    _figures(pdf, view, number)
    step(70)
    for chapter in view.chapters_closing:
        number += 1
        _chapter(pdf, f"{number}. {chapter.title}", chapter.body)

    if view.topics_az:
        pdf.add_page()
        pdf.heading(f"Themen der Selbsthilfegruppen ({year})")
        pdf.set_font(pdf.family, "", 9)
        col_w = (pdf.w - pdf.l_margin - pdf.r_margin) / 3
        pdf.set_auto_page_break(True, 20)
        az_lines: list[tuple[str, bool]] = []
        for letter, names in view.topics_az:
            az_lines.append((letter, True))
            az_lines.extend((name, False) for name in names)
        per_col = 48
        # flow into three columns a page; a letter never ends a column (it moves on with its first topic)
        columns: list[list[tuple[str, bool]]] = [[]]
        for text, is_letter in az_lines:
            if len(columns[-1]) >= per_col or (is_letter and len(columns[-1]) >= per_col - 1):
                columns.append([])
            columns[-1].append((text, is_letter))
        top = pdf.get_y()
        for index, chunk in enumerate(columns):
            col = index % 3
            if index and col == 0:
                pdf.add_page()
                top = pdf.get_y()
            pdf.set_xy(pdf.l_margin + col * col_w, top)
            for text, is_letter in chunk:
                pdf.set_font(pdf.family, "B" if is_letter else "", 10 if is_letter else 9)
                pdf.set_x(pdf.l_margin + col * col_w)
                pdf.cell(col_w - 2, 4.8, _fit(pdf, pdf.t(text), col_w - 3), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    step(90)
    return bytes(pdf.output())


def _cover(pdf: ReportPDF, view: ReportView) -> None:
    """The cover: the office's logo (if uploaded), title and year, the office, its address."""
    tenant, year = view.tenant, view.year
    pdf.add_page()
    if view.logo:
        with contextlib.suppress(Exception):  # a broken image must not cost the whole report
            pdf.image(io.BytesIO(view.logo), x=pdf.l_margin, y=25, h=28, keep_aspect_ratio=True, w=80)
    pdf.set_y(95)
    pdf.set_draw_color(7, 55, 99)
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, 90, pdf.w - pdf.r_margin, 90)
    pdf.heading(f"Jahresbericht {year}", 0)
    pdf.para(tenant.name, 14)
    if tenant.legal_body:
        pdf.para(f"Träger: {tenant.legal_body}")
    if view.as_of:  # a year still running: a report of figures so far, not the year's
        pdf.para(provisional_note(view.as_of))
    pdf.set_y(pdf.h - 60)
    lines = [tenant.address_line, tenant.phone and f"Tel.: {tenant.phone}", tenant.email, tenant.website]
    pdf.para("\n".join(line for line in lines if line), 9)


def _fit(pdf: ReportPDF, text: str, width: float) -> str:
    if pdf.get_string_width(text) <= width:
        return text
    ellipsis = "…" if pdf.unicode else "..."
    while text and pdf.get_string_width(text + ellipsis) > width:
        text = text[:-1]
    return text.rstrip() + ellipsis


def _chapter(pdf: ReportPDF, title: str, body: str) -> None:
    pdf.heading(title)
    for kind, items in paragraphs(body):
        if kind == "ul":
            pdf.bullets(items)
        else:
            pdf.para(items[0])


def _figures(pdf: ReportPDF, view: ReportView, number: int) -> None:
    c, year = view.contacts, view.year
    pdf.heading(
        f"{number}. Gesamtkontakte – Zahlen und Fakten im Überblick", keep=30 + pdf.table_height(len(KINDS) + 1)
    )
    kind_rows = view.kind_rows()
    by_kind = ", ".join(f"{label} {format_number(now)}" for label, now, _before, _change in kind_rows if now)
    compared = format_number(c["compared_period"]["total"])
    if view.as_of:
        pdf.para(
            f"Das Jahr {year} läuft noch: bis zum {format_date(view.as_of)} wurden {format_number(c['total'])} "
            f"Kontakte zur Auskunft und Beratung erfasst: {by_kind}. In denselben Tagen des Vorjahres waren es "
            f"{compared} Kontakte: {view.change_text('total')}. Im ganzen Jahr {year - 1}: "
            f"{format_number(c['previous_year_total'])} Kontakte."
        )
    else:
        pdf.para(
            f"Im Jahr {year} wurden insgesamt {format_number(c['total'])} Kontakte zur Auskunft und Beratung "
            f"erfasst: {by_kind}. Im Vergleich zum Vorjahr ({compared} Kontakte) sind das "
            f"{view.change_text('total')}."
        )
    rows = [
        [label, format_number(now), format_number(before), format_change(changed)]
        for label, now, before, changed in kind_rows
    ]
    rows.append(["Insgesamt", format_number(c["total"]), compared, view.change_text("total")])
    columns = [year_label(year, c), year_label(year - 1, c)]
    pdf.table_rows(["Kontaktart", *columns, "Veränderung"], rows, [60, 35, 35, 40])
    pdf.chart(view.charts["kinds"])
    pdf.table_rows(
        ["Art der Kontaktaufnahme", "Anzahl", "Anteil"],
        [[CHANNELS[k], format_number(c["by_channel"][k]), format_percent(c["by_channel_pct"][k])] for k in CHANNELS],
        [90, 40, 40],
    )
    pdf.chart(view.charts["channels"])
    media = c["written_by_medium"]
    pdf.table_rows(
        ["Schriftliche Kontakte nach Medium", "Anzahl"],
        [[MEDIA[k], format_number(media[k])] for k in MEDIA] + [["ohne Angabe", format_number(media["unknown"])]],
        [130, 40],
    )
    pdf.heading("Anfragen von Bürger*innen nach Themenbereich", 2, keep=pdf.table_height(len(TOPIC_AREAS)))
    pdf.table_rows(
        ["Themenbereich", "Anzahl", "Anteil"],
        [
            [TOPIC_AREAS[a], format_number(c["citizen_topic_area"][a]), format_percent(c["citizen_topic_area_pct"][a])]
            for a in TOPIC_AREAS
        ],
        [90, 40, 40],
    )
    pdf.chart(view.charts["areas"])
    pdf.heading("Anliegen und Vermittlungen", 2, keep=pdf.table_height(len(CONCERNS)))
    if c["with_duration"]:
        pdf.table_rows(
            ["Anliegen", "Anzahl", "Stunden"],
            [
                [CONCERNS[k], format_number(c["by_concern"][k]), format_number(c["hours_by_concern"][k], 1)]
                for k in CONCERNS
            ],
            [100, 35, 35],
        )
        pdf.para(
            f"Stunden: Summe der bei den Kontakten erfassten Dauer; {format_number(c['with_duration'])} Kontakte "
            "tragen eine Dauer.",
            8,
        )
    else:  # a column of "0,0" would read as no time spent; the time was simply not recorded
        pdf.table_rows(
            ["Anliegen", "Anzahl"], [[CONCERNS[k], format_number(c["by_concern"][k])] for k in CONCERNS], [100, 35]
        )
        pdf.para("Zeitaufwand: bei keinem Kontakt dieses Jahres wurde eine Dauer erfasst.", 8)
    pdf.table_rows(
        ["Vermittlungen", "Anzahl"],
        [
            ["an Selbsthilfegruppen", format_number(c["referrals"]["to_groups"])],
            ["an professionelle Beratung", format_number(c["referrals"]["to_professionals"])],
        ],
        [130, 40],
    )
    groups = view.data["groups"]
    pdf.heading("Gründungen und Auflösungen von Selbsthilfegruppen", 2, keep=pdf.table_height(6))
    pdf.table_rows(
        ["Gruppenprozesse", "Anzahl"],
        [
            ["Erstberatungen zur Gruppengründung", format_number(c["by_concern"]["founding_group"])],
            ["gegründete Gruppen", format_number(groups.get("founded", 0))],
            [f"Gruppen im Aufbau {stock_day(view.as_of)}", format_number(groups.get("founding_at_year_end", 0))],
            ["Aufbau abgebrochen", format_number(groups.get("founding_abandoned", 0))],
            ["aufgelöste Gruppen", format_number(groups.get("dissolved", 0))],
            [f"aktive Gruppen {stock_day(view.as_of)}", format_number(groups.get("active_at_year_end", 0))],
        ],
        [130, 40],
    )
    founding, support = view.data.get("founding", {}), view.data.get("support", {})
    rows = []
    if founding.get("recorded") != "none":
        rows += [
            ["begonnene Gründungsprozesse", format_number(founding.get("processes_started", 0))],
            ["Interessierte auf den Listen dieser Prozesse", format_number(founding.get("interested", 0))],
            ["Beratungskontakte zu Gründungsprozessen", format_number(founding.get("consultations", 0))],
            ["erste Treffen gebucht", format_number(founding.get("first_meetings", 0))],
            ["aus Prozessen gegründete Gruppen", format_number(founding.get("founded", 0))],
            ["abgebrochene Gründungsprozesse", format_number(founding.get("abandoned", 0))],
            [
                f"laufende Gründungsprozesse {stock_day(view.as_of)}",
                format_number(founding.get("processes_open_at_year_end", 0)),
            ],
        ]
    if support.get("recorded") != "none":
        rows += [
            ["Gruppenbegleitungen und Konfliktberatungen", format_number(support.get("cases", 0))],
            ["Termine dieser Begleitungen", format_number(support.get("sessions", 0))],
            ["Stunden dieser Begleitungen", format_number(support.get("minutes", 0) / 60, 1)],
        ]
    pdf.heading("Gründungsbegleitung und Gruppenbegleitung", 2, keep=pdf.table_height(max(len(rows), 2)))
    with force_locale("de"):
        for part, what in ((founding, "Gründungsprozesse"), (support, "Gruppenbegleitungen und Konfliktberatungen")):
            note = recording_note(part, what, view.year)
            if note:
                pdf.para(note)
    if rows:
        pdf.table_rows(["Gründungsprozesse und Begleitungen", "Anzahl"], rows, [130, 40])
    events, rooms, newsletter = view.data["events"], view.data["rooms"], view.data["newsletter"]
    pdf.heading("Veranstaltungen, Räume und Newsletter", 2, keep=pdf.table_height(7))
    pdf.table_rows(
        ["Kennzahl", "Anzahl"],
        [
            ["Veranstaltungen durchgeführt", format_number(events.get("held", 0))],
            ["Veranstaltungen abgesagt", format_number(events.get("cancelled", 0))],
            ["Anmeldungen", format_number(events.get("registrations", 0))],
            ["Gruppen, die Räume nutzen", format_number(rooms.get("groups_using_rooms", 0))],
            ["gebuchte Raumstunden", format_number(rooms.get("hours_booked", 0))],
            [
                f"Newsletter-Abonnent*innen {stock_day(view.as_of)}",
                format_number(newsletter.get("subscribers_at_year_end", 0)),
            ],
            ["Newsletter-Ausgaben", format_number(newsletter.get("issues_sent", 0))],
        ],
        [130, 40],
    )
    if len(view.trend) > 1:
        pdf.chart(view.charts["trend"])
