"""A report as a plain structure of blocks, written out as DOCX (python-docx) or PDF (fpdf2).

One document model serves the Sachbericht and the annual report's DOCX: chapters of text, and figure
tables whose every row carries a footnote number; the footnotes (each figure's definition) follow the
table they belong to. Word's own footnote part is not supported by python-docx, so the note numbers are
superscripts and the notes are a small-print list under the table.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from saas.contacts.report import report_as_of
from saas.core.formatting import format_number
from saas.funders.figures import Figure, value


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Para:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class FigureTable:
    caption: str
    rows: list[tuple[str, str, int]]  # label, formatted value, footnote number
    notes: list[tuple[int, str]]


@dataclass
class Matrix:
    """A figure table with several columns: one row per item (e.g. funding stream), one column per figure
    whose footnote number sits in the column head."""

    caption: str
    head: list[tuple[str, int]]  # column label, footnote number
    rows: list[tuple[str, list[str]]]  # row label, formatted values
    notes: list[tuple[int, str]]
    first: str = ""  # the head of the label column


@dataclass
class Document:
    title: str
    subtitle: str = ""
    blocks: list[Any] = field(default_factory=list)
    next_note: int = 1

    def heading(self, text: str, level: int = 1) -> None:
        self.blocks.append(Heading(text, level))

    def para(self, text: str) -> None:
        if text.strip():
            self.blocks.append(Para(text))

    def bullets(self, items: list[str]) -> None:
        if items:
            self.blocks.append(Bullets(items))

    def figures(self, caption: str, figures: tuple[Figure, ...] | list[Figure], report: dict[str, Any]) -> None:
        rows, notes = [], []
        as_of = report_as_of(report)
        for figure in (f.on(as_of) for f in figures):
            number = self.next_note
            self.next_note += 1
            rows.append((figure.label, format_value(value(report, figure.path), figure.unit), number))
            notes.append((number, figure.definition))
        self.blocks.append(FigureTable(caption, rows, notes))

    def matrix(
        self, caption: str, first: str, rows: list[tuple[str, str]], columns: tuple[Figure, ...], report: dict[str, Any]
    ) -> None:
        """``rows``: (label, dotted prefix in the report); each cell is ``value(report, prefix + "." + column)``."""
        head, notes = [], []
        as_of = report_as_of(report)
        for figure in (f.on(as_of) for f in columns):
            head.append((figure.label, self.next_note))
            notes.append((self.next_note, figure.definition))
            self.next_note += 1
        cells = [
            (label, [format_value(value(report, f"{prefix}.{f.path}"), f.unit, bare=True) for f in columns])
            for label, prefix in rows
        ]
        self.blocks.append(Matrix(caption, head, cells, notes, first))


def format_value(raw: Any, unit: str = "", *, bare: bool = False) -> str:
    """A figure as the exports print it: German digits, one decimal for hours and staff positions, two for
    euros ("1.250,50 €"; ``bare``: without the sign, when the column head names it)."""
    if raw is None:
        return "–"
    if unit == "€" and isinstance(raw, int | float):
        return format_number(raw, 2) + ("" if bare else " €")
    if isinstance(raw, float):
        return format_number(raw, 1)
    if isinstance(raw, int):
        return format_number(raw)
    return str(raw)  # an association's suppression marks ("<5", ".")


# --- DOCX ------------------------------------------------------------------------------------------------


def to_docx(doc: Document) -> bytes:
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    out = Docx()
    out.core_properties.title = doc.title
    out.core_properties.language = "de-DE"
    out.styles["Normal"].font.name = "Calibri"
    out.styles["Normal"].font.size = Pt(11)
    out.add_heading(doc.title, level=0)
    if doc.subtitle:
        out.add_paragraph(doc.subtitle)
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.add_heading(block.text, level=min(block.level, 3))
        elif isinstance(block, Para):
            out.add_paragraph(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                out.add_paragraph(item, style="List Bullet")
        elif isinstance(block, FigureTable):
            out.add_paragraph(block.caption, style="Caption")
            table = out.add_table(rows=1, cols=2)
            table.style = "Light List Accent 1"
            head = table.rows[0].cells
            head[0].text, head[1].text = "Kennzahl", "Wert"
            for label, text, number in block.rows:
                cells = table.add_row().cells
                cells[0].text = label
                cells[0].paragraphs[0].add_run(str(number)).font.superscript = True
                cells[1].text = text
                cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            head[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            table.autofit = False
            table.columns[0].width, table.columns[1].width = Cm(12.5), Cm(3.5)
            for row in table.rows:  # the label wide, the value narrow (Word would split them evenly)
                row.cells[0].width, row.cells[1].width = Cm(12.5), Cm(3.5)
            _docx_notes(out, block.notes)
        elif isinstance(block, Matrix):
            out.add_paragraph(block.caption, style="Caption")
            table = out.add_table(rows=1, cols=len(block.head) + 1)
            table.style = "Light List Accent 1"
            head = table.rows[0].cells
            head[0].text = block.first
            for cell, (label, number) in zip(head[1:], block.head, strict=True):
                cell.text = label
                cell.paragraphs[0].add_run(str(number)).font.superscript = True
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for label, texts in block.rows:
                cells = table.add_row().cells
                cells[0].text = label
                for cell, text in zip(cells[1:], texts, strict=True):
                    cell.text = text
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _docx_notes(out, block.notes)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _docx_notes(out: Any, notes: list[tuple[int, str]]) -> None:
    from docx.shared import Pt

    for number, definition in notes:
        note = out.add_paragraph()
        note.add_run(str(number)).font.superscript = True
        run = note.add_run(f" {definition}")
        run.font.size = Pt(8)


# --- PDF -------------------------------------------------------------------------------------------------


def to_pdf(doc: Document) -> bytes:
    from saas.contacts.pdf import ReportPDF

    pdf = ReportPDF(doc.title)
    pdf.add_page()
    pdf.ln(40)
    pdf.heading(doc.title, 0)
    if doc.subtitle:
        pdf.para(doc.subtitle, 12)
    first = True
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.level == 1 and not first:
                pdf.ln(4)
            if block.level == 1 and first:
                pdf.add_page()
                first = False
            pdf.heading(block.text, 1 if block.level == 1 else 2)
        elif isinstance(block, Para):
            pdf.para(block.text)
        elif isinstance(block, Bullets):
            pdf.bullets(block.items)
        elif isinstance(block, FigureTable):
            mark = _superscript if pdf.unicode else (lambda n: f"[{n}]")
            pdf.table_rows(
                [block.caption, "Wert"],
                [[f"{label}{mark(number)}", text] for label, text, number in block.rows],
                [130, 40],
            )
            pdf.para("\n".join(f"{mark(number)} {definition}" for number, definition in block.notes), 7)
        elif isinstance(block, Matrix):
            mark = _superscript if pdf.unicode else (lambda n: f"[{n}]")
            pdf.para(block.caption, 9)
            rest = [28.0] * len(block.head)
            pdf.table_rows(
                [block.first, *[f"{label}{mark(number)}" for label, number in block.head]],
                [[label, *texts] for label, texts in block.rows],
                [170 - sum(rest), *rest],
            )
            pdf.para("\n".join(f"{mark(number)} {definition}" for number, definition in block.notes), 7)
    return bytes(pdf.output())


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)
