"""Reading uploaded CSV files the same way everywhere: UTF-8 (with or without BOM), a header row,
size limits, every bad row reported as ``line N: reason``, and a fingerprint against double import.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from saas.core.errors import DomainError

MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_CSV_ROWS = 200_000


class CSVError(ValueError):
    """The file as a whole cannot be read (encoding, size, header). Nothing is stored."""


class ImportRefused(DomainError):
    """The base of every import's refusal: nothing was stored; ``errors`` lists every reason
    (``line N: reason`` for rows), which the import page shows as a list."""

    def __init__(self, errors: list[str], message: str | None = None) -> None:
        super().__init__(message if message is not None else "; ".join(errors[:20]))
        self.errors = errors


@dataclass
class RowErrors:
    errors: list[str] = field(default_factory=list)

    def add(self, line: int, reason: str) -> None:
        self.errors.append(f"line {line}: {reason}")

    def __bool__(self) -> bool:
        return bool(self.errors)


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, *, max_bytes: int = MAX_CSV_BYTES) -> str:
    if len(data) > max_bytes:
        raise CSVError(f"file too large: {len(data):,} bytes (at most {max_bytes:,})")
    if not data.strip():
        raise CSVError("the file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CSVError(
            f"the file is not UTF-8 (byte {exc.start}); save it as 'CSV UTF-8' (Latin-1/Windows-1252 is not accepted)"
        ) from exc


def read_rows(
    data: bytes, *, required: set[str], known: set[str], max_bytes: int = MAX_CSV_BYTES, max_rows: int = MAX_CSV_ROWS
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` with stripped values; the header is line 1.

    Raises CSVError for a file that cannot be read at all (encoding, empty, missing or unknown columns).
    """
    text = decode(data, max_bytes=max_bytes)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise CSVError("the file has no header row") from exc
    header = [h.strip().lower() for h in header]
    missing = sorted(required - set(header))
    if missing:
        raise CSVError(f"line 1: missing column(s): {', '.join(missing)}")
    unknown = sorted(set(header) - known - {""})
    if unknown:
        raise CSVError(f"line 1: unknown column(s): {', '.join(unknown)}")
    if len(set(header)) != len(header):
        raise CSVError("line 1: a column appears twice")
    count = 0
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            count += 1
            if count > max_rows:
                raise CSVError(f"too many rows (at most {max_rows:,})")
            if len(row) != len(header):
                yield line, {"__error__": f"expected {len(header)} fields, found {len(row)}"}
                continue
            yield line, {name: unneutralise(value.strip()) for name, value in zip(header, row, strict=True) if name}
    except csv.Error as exc:
        raise CSVError(f"line {reader.line_num}: {exc}") from exc


# --- writing: the one CSV/XLSX writer of every export ----------------------------------------------

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP): a name an
# anonymous visitor typed ("=HYPERLINK(…)") must arrive as text. The apostrophe is the spreadsheet's own
# "this is text" sign; the importers take it off again (:func:`unneutralise`), so exports round-trip.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet would read as a formula, prefixed with ``'``; other values unchanged.

    A plain signed number (``-4.7``, a change in per cent) is no formula and stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """The importers' inverse of :func:`neutralise` (a re-imported export keeps its names)."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def write_csv(header: list[str], rows: Iterable[Iterable[object]], *, lineterminator: str = "\n") -> str:
    """CSV text with every cell neutralised: every CSV export goes through here."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        writer.writerow(["" if cell is None else neutralise(cell) for cell in row])
    return out.getvalue()


def xlsx_row(row: Iterable[object]) -> list[object]:
    """One XLSX row with every text cell neutralised (openpyxl stores a string starting with ``=`` as a formula)."""
    return [neutralise(cell) for cell in row]
