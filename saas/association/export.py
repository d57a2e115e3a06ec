"""CSV and XLSX exports of an association's year: every figure of every member office, and the total.

Cells are exactly the published report's: a small count is ``<5``, a cell hidden to protect one is
``.`` (never a number), the relatives of an office that counts them among the citizens are ``x`` (not
meaningful, see :func:`report.relatives_locked`); a family an office does not share is an empty cell.
Both files say what each sign means (CSV: rows after the table; XLSX: the "Hinweise" sheet).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from saas.association.forms import FAMILY_LABELS
from saas.association.queries import FIGURES, figure_value
from saas.association.report import legend, uses_locked
from saas.core.csvio import write_csv, xlsx_row


def table(payload: dict) -> tuple[list[str], list[list[Any]]]:
    """Header and rows: office, slug, then one column per figure; the association total last."""
    header = ["Kontaktstelle", "Kürzel", *[f.label for f in FIGURES]]
    rows: list[list[Any]] = []
    for office in payload["offices"]:
        values = [figure_value(office, f) for f in FIGURES]
        rows.append([office["name"], office["tenant"], *["" if v is None else v for v in values]])
    total = [figure_value(payload["total"], f) for f in FIGURES]
    rows.append(["Verband insgesamt", "", *["" if v is None else v for v in total]])
    return header, rows


EMPTY = (
    "(leer)",
    "nicht freigegeben, für das Jahr nicht erfasst (z. B. Gründungsprozesse vor der Nutzung von Lotse), oder eine "
    "Summe, die es nicht gibt (z. B. Themen der Gruppen)",
)


def _period(payload: dict) -> str | None:
    """ "01.01.2026 bis 30.09.2026 (…)" for a year-to-date table, else None."""
    if not payload.get("period"):
        return None
    start, end = (dt.date.fromisoformat(payload["period"][k]) for k in ("from", "to"))
    return f"{start:%d.%m.%Y} bis {end:%d.%m.%Y} (nur Kontakte; Vorjahr: dieselben Monate)"


def withdrawn_note(payload: dict) -> str | None:
    """The note of a released table whose totals still contain offices that withdrew their consent since
    (:func:`publish.withhold`), German; None for any other table."""
    withdrawn = payload.get("withdrawn") or {}
    if not withdrawn:
        return None
    which = ", ".join(f"{FAMILY_LABELS[f].split(' (')[0]}: {n}" for f, n in sorted(withdrawn.items()))
    return (
        f"Die Verbandssummen enthalten noch die Zahlen von Kontaktstellen, die ihre Freigabe nach der "
        f"Veröffentlichung zurückgezogen haben ({which}); ihre Zeilen werden nicht mehr gezeigt."
    )


def to_csv(payload: dict) -> bytes:
    header, rows = table(payload)
    signs = [[sign, meaning] for sign, meaning in legend(payload["threshold"], uses_locked(payload))]
    period = _period(payload)
    note = withdrawn_note(payload)
    rows = [
        *rows,
        [],
        ["Zeichen", "Bedeutung"],
        *signs,
        list(EMPTY),
        *([["Zeitraum", period]] if period else []),
        *([["Zurückgezogen", note]] if note else []),
    ]
    return write_csv(header, rows, lineterminator="\r\n").encode("utf-8")


def to_xlsx(payload: dict, stand: dt.datetime | None) -> bytes:
    header, rows = table(payload)
    wb = Workbook()
    ws = wb.active
    ws.title = f"Vergleich {payload['year']}"
    ws.append(xlsx_row(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(xlsx_row(row))
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "C2"
    notes = wb.create_sheet("Hinweise")
    notes.append(xlsx_row(["Verband", payload.get("name", payload["association"])]))
    notes.append(["Jahr", payload["year"]])
    period = _period(payload)
    if period:
        notes.append(["Zeitraum", period])
    notes.append(["Schwelle", f"Zahlen von 1 bis {payload['threshold'] - 1} werden nicht veröffentlicht."])
    notes.append(["Zeichen", "Bedeutung"])
    for sign, meaning in legend(payload["threshold"], uses_locked(payload)):
        notes.append([sign, meaning])
    notes.append(list(EMPTY))
    note = withdrawn_note(payload)
    if note:
        notes.append(["Zurückgezogen", note])
    if stand is not None:
        from saas.core.formatting import format_datetime_de

        notes.append(["Stand", format_datetime_de(stand)])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
