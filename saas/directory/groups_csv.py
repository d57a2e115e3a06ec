"""Groups CSV import and export (CONTRACTS.md *Groups CSV*): all-or-nothing, ``line N: reason``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from saas.auth.models import User
from saas.core.csvio import CSVError, ImportRefused, RowErrors, fingerprint, read_rows, write_csv
from saas.directory import operations as ops
from saas.directory.models import GROUP_STATUSES, TOPIC_AREAS, VISIBILITIES, Group, GroupsImport
from saas.directory.rhythm import format_rhythm, parse_meets
from saas.extensions import db
from tenants.models import Site

COLUMNS = [
    "name", "topics", "topic_area", "visibility", "status", "description", "site", "meets",
    "contact_name", "contact_phone", "contact_email",
]  # fmt: skip
REQUIRED = {"name", "topics", "topic_area"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ImportRejected(ImportRefused):
    """The group import stored nothing; ``errors`` lists every reason (``line N: reason``)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(errors, "\n".join(errors))


@dataclass
class _Row:
    line: int
    data: dict[str, str]
    site_id: int | None


def _check(line: int, row: dict[str, str], sites: dict[str, int], errors: RowErrors) -> _Row | None:
    if "__error__" in row:
        errors.add(line, row["__error__"])
        return None
    before = len(errors.errors)
    name = row.get("name", "")
    if not name:
        errors.add(line, "name is required")
    elif len(name) > 200:
        errors.add(line, "name is longer than 200 characters")
    topics = [t.strip() for t in row.get("topics", "").split(";") if t.strip()]
    if not topics:
        errors.add(line, "topics is required (topic names separated by ';')")
    elif any(len(t) > 120 for t in topics):
        errors.add(line, "a topic name is longer than 120 characters")
    if row.get("topic_area", "") not in TOPIC_AREAS:
        errors.add(line, f"topic_area must be one of {', '.join(TOPIC_AREAS)}, not {row.get('topic_area', '')!r}")
    if row.get("visibility") and row["visibility"] not in VISIBILITIES:
        errors.add(line, f"visibility must be public or protected, not {row['visibility']!r}")
    if row.get("status") and row["status"] not in GROUP_STATUSES:
        errors.add(line, f"status must be one of {', '.join(GROUP_STATUSES)}, not {row['status']!r}")
    site_id = None
    if row.get("site"):
        site_id = sites.get(row["site"].lower())
        if site_id is None:
            errors.add(line, f"site {row['site']!r} is not one of the office's sites")
    if row.get("contact_email") and not _EMAIL.match(row["contact_email"]):
        errors.add(line, f"contact_email {row['contact_email']!r} is not an e-mail address")
    for key, limit in (("meets", 300), ("contact_name", 200), ("contact_phone", 50), ("contact_email", 254)):
        if len(row.get(key, "")) > limit:
            errors.add(line, f"{key} is longer than {limit} characters")
    if len(row.get("description", "")) > 10000:
        errors.add(line, "description is longer than 10000 characters")
    return _Row(line, row, site_id) if len(errors.errors) == before else None


def import_groups(data: bytes, *, acting_user: User | None, force: bool = False) -> int:
    """Import the file into the bound office. Raises ImportRejected (nothing stored) or returns the count.

    The audit log gets one entry for the import, not one per group."""
    from saas.audit import operations as audit

    with audit.suppressed():
        count = _import_groups(data, acting_user=acting_user, force=force)
        db.session.flush()
    audit.record(
        "group.import", "groups_import", None, f"{count} Gruppen", actor_user_id=acting_user.id if acting_user else None
    )
    return count


def _import_groups(data: bytes, *, acting_user: User | None, force: bool = False) -> int:
    try:
        rows = list(read_rows(data, required=REQUIRED, known=set(COLUMNS)))
    except CSVError as exc:
        raise ImportRejected([str(exc)]) from exc
    if not rows:
        raise ImportRejected(["the file has no data rows"])
    digest = fingerprint(data)
    if not force and db.session.scalar(select(GroupsImport.id).where(GroupsImport.fingerprint == digest)):
        raise ImportRejected(["this file has already been imported (use --force to import it again)"])
    sites = {s.name.lower(): s.id for s in db.session.scalars(select(Site))}
    errors = RowErrors()
    checked = [r for r in (_check(line, row, sites, errors) for line, row in rows) if r is not None]
    if errors:
        raise ImportRejected(errors.errors)
    for row in checked:
        _create(row, acting_user)
    existing = db.session.scalar(select(GroupsImport).where(GroupsImport.fingerprint == digest))
    if existing is None:
        db.session.add(GroupsImport(fingerprint=digest, rows=len(checked)))
    db.session.flush()
    ops.refresh_vocabulary()
    return len(checked)


def _create(row: _Row, acting_user: User | None) -> Group:
    data = row.data
    rhythm = parse_meets(data.get("meets", ""))
    topics = ops.topics_by_names(data["topics"].split(";"), topic_area=data["topic_area"])
    fields = {
        "name": data["name"],
        "description": data.get("description", ""),
        "topics": topics,
        "topic_area": data["topic_area"],
        "visibility": data.get("visibility") or "public",
        "site_id": row.site_id,
        "rhythm": rhythm.rhythm,
        "weekday": rhythm.weekday,
        "nth_weekday": rhythm.nth_weekday,
        "time_start": rhythm.time_start,
        "time_end": rhythm.time_end,
        "meeting_mode": rhythm.meeting_mode,
        "meets_note": data.get("meets", ""),
        "contacts": [
            {
                "name": data.get("contact_name", ""),
                "phone": data.get("contact_phone", ""),
                "email": data.get("contact_email", ""),
            }
        ],
    }
    return ops.create_group(fields, acting_user=acting_user, status=data.get("status") or "active", vocabulary=False)


def export_groups() -> str:
    """All groups of the bound office as CSV text (UTF-8, header row, the contract's columns)."""
    groups = db.session.scalars(
        select(Group)
        .options(selectinload(Group.topics), selectinload(Group.site), selectinload(Group.contacts))
        .order_by(Group.name, Group.id)
    )
    return write_csv(COLUMNS, (_row(group) for group in groups))


def _row(group: Group) -> list[str]:
    contact = group.contacts[0] if group.contacts else None
    meets = group.meets_note or format_rhythm(
        group.rhythm, group.weekday, group.nth_weekday, group.time_start, group.time_end
    )
    return [
        group.name,
        ";".join(t.name for t in group.topics),
        group.topic_area,
        group.visibility,
        group.status,
        group.description,
        group.site.name if group.site else "",
        meets,
        contact.name if contact else "",
        contact.phone if contact else "",
        contact.email if contact else "",
    ]
