"""Contacts CSV import and export (CONTRACTS.md *Contacts CSV*).

All-or-nothing: every row is checked first, every bad row is reported as ``line N: reason`` and
nothing is stored unless all rows are good. A file already imported (same fingerprint) is refused
unless ``force`` is given. Flush, never commit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import insert, select

from saas.contacts.models import (
    CHANNELS,
    CONCERNS,
    DURATION_MAX,
    KINDS,
    MEDIA,
    REFERRALS_MAX,
    TOPIC_AREAS,
    TOPIC_TEXT_MAX,
    Contact,
    ContactImport,
)
from saas.contacts.operations import CountKey, apply_deltas, contribution, today
from saas.core import csvio
from saas.core.csvio import MAX_CSV_BYTES, CSVError, RowErrors, fingerprint, read_rows, write_csv
from saas.core.formatting import format_date
from saas.directory.models import Topic
from saas.extensions import db
from tenants.models import Site
from tenants.scoping import current_tenant_id

COLUMNS = [
    "date",
    "contact_kind",
    "channel",
    "topic_area",
    "topic",
    "concern",
    "referrals_to_groups",
    "referrals_to_professionals",
    "site",
    "medium",
    "duration_minutes",
]
REQUIRED = {"date", "contact_kind", "channel", "topic_area"}
MAX_IMPORT_BYTES = MAX_CSV_BYTES
EARLIEST = dt.date(1980, 1, 1)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^[+-]?\d+$")
_FORMULA_START = ("=", "+", "-", "@")  # spreadsheet formula injection when the file is opened again


class ImportRefused(csvio.ImportRefused):
    """The contact import stored nothing; ``errors`` are the reasons (``line N: reason`` for rows)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(errors, "; ".join(errors[:3]))


@dataclass
class ImportResult:
    rows: int
    import_id: int
    unmatched_topics: Counter[str] = field(default_factory=Counter)
    years: list[int] = field(default_factory=list)


def _topic_index() -> dict[str, tuple[int, str]]:
    """Case-insensitive keyword → (topic id, name); names win over search words."""
    index: dict[str, tuple[int, str]] = {}
    topics = db.session.scalars(select(Topic)).all()
    for topic in topics:
        for word in topic.synonyms:
            index.setdefault(word.casefold(), (topic.id, topic.name))
    for topic in topics:
        index[topic.name.strip().casefold()] = (topic.id, topic.name)
    return index


def _count(value: str, column: str, problems: list[str]) -> int:
    if value == "":
        return 0
    if not _NUMBER.match(value):
        problems.append(f"{column} must be a whole number ≥ 0, not {value[:20]!r}")
        return 0
    number = int(value)
    if number < 0:
        problems.append(f"{column} must not be negative ({number})")
    elif number > REFERRALS_MAX:
        problems.append(f"{column} too large ({number}, at most {REFERRALS_MAX})")
    return max(number, 0)


def _medium(value: str, channel: str, problems: list[str]) -> str | None:
    if value == "":
        return None
    if value not in MEDIA:
        problems.append(f"unknown medium {value[:30]!r} (one of {', '.join(MEDIA)})")
        return None
    if channel != "written":
        problems.append(f"medium {value!r} is only valid for written contacts, not channel {channel[:30]!r}")
    return value


def _duration(value: str, problems: list[str]) -> int | None:
    if value == "":
        return None
    if not _NUMBER.match(value):
        problems.append(f"duration_minutes must be a whole number ≥ 0, not {value[:20]!r}")
        return None
    number = int(value)
    if number < 0:
        problems.append(f"duration_minutes must not be negative ({number})")
    elif number > DURATION_MAX:
        problems.append(f"duration_minutes too large ({number}, at most {DURATION_MAX})")
    return min(max(number, 0), DURATION_MAX)


def _code(value: str, codes: dict[str, str], column: str, problems: list[str]) -> str:
    if value not in codes:
        shown = value[:30] if value else "(empty)"
        problems.append(f"unknown {column} {shown!r} (one of {', '.join(codes)})")
    return value


def _day(value: str, problems: list[str], newest: dt.date) -> dt.date | None:
    if not _DATE.match(value):
        problems.append(f"date must be YYYY-MM-DD, not {value[:20]!r}" if value else "date is missing")
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        problems.append(f"no such date {value!r}")
        return None
    if day > newest:
        problems.append(f"date {value} lies in the future")
    elif day < EARLIEST:
        problems.append(f"date {value} is before {EARLIEST.year}")
    return day


def import_contacts(
    data: bytes, *, filename: str = "", force: bool = False, user_id: int | None = None, on: dt.date | None = None
) -> ImportResult:
    """Import a contacts CSV into the bound office. Raises ImportRefused (nothing stored).

    The audit log gets one entry for the import, not one per contact."""
    from saas.audit import operations as audit

    with audit.suppressed():
        result = _import_contacts(data, filename=filename, force=force, user_id=user_id, on=on)
        db.session.flush()
    audit.record("contact.import", "contact_import", result.import_id, f"{result.rows} Kontakte", actor_user_id=user_id)
    return result


def _import_contacts(
    data: bytes, *, filename: str = "", force: bool = False, user_id: int | None = None, on: dt.date | None = None
) -> ImportResult:
    tenant_id = current_tenant_id()
    assert tenant_id is not None, "import_contacts needs a bound office"
    digest = fingerprint(data)
    earlier = _earlier_import(digest, force)
    rows, unmatched = _read_contacts(data, tenant_id, _Lookups.load(), on or today())
    record = ContactImport(
        tenant_id=tenant_id,
        fingerprint=digest,
        filename=filename[:255],
        rows=len(rows),
        forced=earlier is not None,
        created_by_id=user_id,
    )
    db.session.add(record)
    db.session.flush()
    _store(tenant_id, record.id, rows)
    return ImportResult(
        rows=len(rows), import_id=record.id, unmatched_topics=unmatched, years=sorted({r["day"].year for r in rows})
    )


def _earlier_import(digest: str, force: bool) -> ContactImport | None:
    """The earlier import of the same file; refused unless ``force``."""
    earlier = db.session.scalars(
        select(ContactImport).where(ContactImport.fingerprint == digest).order_by(ContactImport.id)
    ).first()
    if earlier is not None and not force:
        raise ImportRefused(
            [
                f"this file was already imported on {format_date(earlier.created_at)} ({earlier.rows} rows); "
                "nothing stored (use --force to import it again)"
            ]
        )
    return earlier


@dataclass
class _Lookups:
    """The office's sites and topics, read once per import."""

    sites: dict[str, int]
    site_names: str
    topics: dict[str, tuple[int, str]]

    @classmethod
    def load(cls) -> _Lookups:
        all_sites = db.session.scalars(select(Site).order_by(Site.position, Site.id)).all()
        return cls(
            sites={site.name.strip().casefold(): site.id for site in all_sites},
            site_names=", ".join(site.name for site in all_sites) or "none",
            topics=_topic_index(),
        )


def _read_contacts(data: bytes, tenant_id: int, lookups: _Lookups, newest: dt.date) -> tuple[list[dict], Counter[str]]:
    """Every row as insert values; any bad row refuses the whole file (all reasons listed)."""
    errors = RowErrors()
    rows: list[dict] = []
    unmatched: Counter[str] = Counter()
    try:
        for line, row in read_rows(data, required=REQUIRED, known=set(COLUMNS), max_bytes=MAX_IMPORT_BYTES):
            if "__error__" in row:
                errors.add(line, row["__error__"])
                continue
            problems: list[str] = []
            values = _row_values(row, lookups, newest, problems)
            if problems:
                errors.add(line, "; ".join(problems))
                continue
            if values["topic_unmatched"]:
                unmatched[values["topic_label"]] += 1
            rows.append({"tenant_id": tenant_id, **values})
    except CSVError as exc:
        raise ImportRefused([str(exc)]) from exc
    if errors:
        raise ImportRefused(errors.errors)
    if not rows:
        raise ImportRefused(["the file has a header but no contacts"])
    return rows, unmatched


def _row_values(row: dict[str, str], lookups: _Lookups, newest: dt.date, problems: list[str]) -> dict:
    """One CSV row as contact values; what is wrong with it goes to ``problems`` (in column order)."""
    values = {
        "day": _day(row.get("date", ""), problems, newest),
        "kind": _code(row.get("contact_kind", ""), KINDS, "contact_kind", problems),
        "channel": _code(row.get("channel", ""), CHANNELS, "channel", problems),
        "topic_area": _code(row.get("topic_area", ""), TOPIC_AREAS, "topic_area", problems),
        "concern": _code(row.get("concern", "") or "other", CONCERNS, "concern", problems),
        "referrals_to_groups": _count(row.get("referrals_to_groups", ""), "referrals_to_groups", problems),
        "referrals_to_professionals": _count(
            row.get("referrals_to_professionals", ""), "referrals_to_professionals", problems
        ),
    }
    values["medium"] = _medium(row.get("medium", ""), row.get("channel", ""), problems)
    values["duration_minutes"] = _duration(row.get("duration_minutes", ""), problems)
    site_name = row.get("site", "")
    site_id = None
    if site_name:
        site_id = lookups.sites.get(site_name.casefold())
        if site_id is None:
            problems.append(f"unknown site {site_name[:50]!r} (sites: {lookups.site_names})")
    topic_id, label, flagged = _topic(" ".join(row.get("topic", "").split()), lookups.topics, problems)
    return {**values, "site_id": site_id, "topic_id": topic_id, "topic_label": label, "topic_unmatched": flagged}


def _topic(text: str, topics: dict[str, tuple[int, str]], problems: list[str]) -> tuple[int | None, str, bool]:
    """(topic id, label, unmatched): a known topic by name, else the free text flagged as unmatched."""
    if len(text) > TOPIC_TEXT_MAX:
        problems.append(f"topic longer than {TOPIC_TEXT_MAX} characters")
    elif text.startswith(_FORMULA_START):
        problems.append("topic must not start with = + - @")
    elif text:
        match = topics.get(text.casefold())
        if match:
            return match[0], match[1][:TOPIC_TEXT_MAX], False
        return None, text, True
    return None, "", False


def _store(tenant_id: int, import_id: int, rows: list[dict]) -> None:
    """Insert the rows in chunks and add their contributions to the daily counters."""
    deltas: Counter[CountKey] = Counter()
    for row in rows:
        row["import_id"] = import_id
        deltas.update(contribution(*(row[column] for column in _CONTRIBUTION_KEYS)))
    for start in range(0, len(rows), 5000):
        db.session.execute(insert(Contact), rows[start : start + 5000])
    apply_deltas(tenant_id, deltas, chunk=1000)


_CONTRIBUTION_KEYS = (
    "day",
    "site_id",
    "kind",
    "channel",
    "topic_area",
    "concern",
    "topic_label",
    "topic_unmatched",
    "referrals_to_groups",
    "referrals_to_professionals",
    "medium",
    "duration_minutes",
)


def export_contacts(year: int | None = None) -> str:
    """The bound office's contacts as CSV in the import's columns (referral counts, not group names)."""
    sites = {site.id: site.name for site in db.session.scalars(select(Site))}
    stmt = select(Contact).order_by(Contact.day, Contact.id)
    if year is not None:
        stmt = stmt.where(Contact.day >= dt.date(year, 1, 1), Contact.day <= dt.date(year, 12, 31))
    rows = (
        [
            contact.day.isoformat(),
            contact.kind,
            contact.channel,
            contact.topic_area,
            contact.topic_label,
            contact.concern,
            contact.referrals_to_groups,
            contact.referrals_to_professionals,
            sites.get(contact.site_id, "") if contact.site_id else "",
            contact.medium or "",
            "" if contact.duration_minutes is None else contact.duration_minutes,
        ]
        for contact in db.session.scalars(stmt).yield_per(2000)
    )
    return write_csv(COLUMNS, rows)
