"""Writes of the contact log: record, correct, delete, and the daily counts kept in step with them.

Every change to a contact goes through :func:`apply_deltas`, one upsert of the (day, site, figure)
counters the contact contributes to, in the same transaction. Flush, never commit.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import Table, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite

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
    ContactDailyCount,
    ContactReferral,
    ReportChapter,
    ReportRender,
)
from saas.core.errors import DomainError
from saas.core.timeutil import today
from saas.directory.models import Group, Topic
from saas.extensions import db, table_of
from tenants.models import Site, Tenant, utcnow
from tenants.scoping import current_tenant_id

log = logging.getLogger(__name__)
CountKey = tuple[dt.date, int, str, str]  # (day, site id or 0, dim, key)


class ContactError(DomainError):
    """A contact cannot be stored as given (unknown code, foreign site, …)."""


class LockedYear(ContactError):
    """The contact's year is closed: only the current and the previous year can be changed."""


def editable_years(on: dt.date | None = None) -> tuple[int, int]:
    year = (on or today()).year
    return year - 1, year


def is_editable(day: dt.date, on: dt.date | None = None) -> bool:
    first, last = editable_years(on)
    return first <= day.year <= last


def ensure_editable(day: dt.date, on: dt.date | None = None) -> None:
    if not is_editable(day, on):
        first, last = editable_years(on)
        raise LockedYear(
            _(
                "Das Jahr %(year)s ist abgeschlossen: nur %(first)s und %(last)s können geändert werden.",
                year=day.year,
                first=first,
                last=last,
            )
        )


@dataclass
class ContactData:
    """What a contact consists of; validated against the bound office by :func:`validate`."""

    day: dt.date
    kind: str
    channel: str
    topic_area: str
    concern: str = "other"
    site_id: int | None = None
    topic_id: int | None = None
    topic_label: str = ""
    topic_unmatched: bool = False
    referrals_to_professionals: int = 0
    group_ids: list[int] = field(default_factory=list)
    referrals_to_groups: int | None = None  # None: the number of linked groups
    medium: str | None = None  # written contacts only: email, letter, form
    duration_minutes: int | None = None
    founding_process_id: int | None = None
    supported_group_id: int | None = None


def validate(data: ContactData) -> ContactData:
    """Check codes and references against the bound office; fill the topic label. Raises ContactError."""
    for value, codes, what in (
        (data.kind, KINDS, "Kontaktart"),
        (data.channel, CHANNELS, "Weg"),
        (data.topic_area, TOPIC_AREAS, "Themenbereich"),
        (data.concern, CONCERNS, "Anliegen"),
    ):
        if value not in codes:
            raise ContactError(f"unbekannt: {what} {value!r}")
    if data.day > today():
        raise ContactError(_("Das Datum liegt in der Zukunft."))
    if data.medium is not None:
        if data.medium not in MEDIA:
            raise ContactError(_("Unbekanntes Medium: %(m)s", m=data.medium))
        if data.channel != "written":
            raise ContactError(_("Ein Medium (E-Mail, Brief, Formular) gibt es nur bei schriftlichen Kontakten."))
    if data.duration_minutes is not None and not 0 <= data.duration_minutes <= DURATION_MAX:
        raise ContactError(_("Die Dauer muss zwischen 0 und %(max)s Minuten liegen.", max=DURATION_MAX))
    _validate_effort_links(data)
    if data.site_id is not None and db.session.scalar(select(Site.id).where(Site.id == data.site_id)) is None:
        raise ContactError(_("unbekannter Standort"))
    if data.topic_id is not None:
        topic = db.session.scalar(select(Topic).where(Topic.id == data.topic_id))
        if topic is None:
            raise ContactError(_("unbekanntes Thema"))
        data.topic_label = topic.name[:TOPIC_TEXT_MAX]
        data.topic_unmatched = False
    if len(data.topic_label) > TOPIC_TEXT_MAX:
        raise ContactError(_("Thema länger als %(n)s Zeichen", n=TOPIC_TEXT_MAX))
    data.group_ids = sorted(set(data.group_ids))
    if data.group_ids:
        found = set(db.session.scalars(select(Group.id).where(Group.id.in_(data.group_ids))))
        if found != set(data.group_ids):
            raise ContactError(_("unbekannte Gruppe"))
    if data.referrals_to_groups is None:
        data.referrals_to_groups = len(data.group_ids)
    for number in (data.referrals_to_groups, data.referrals_to_professionals):
        if not 0 <= number <= REFERRALS_MAX:
            raise ContactError(_("Anzahl der Vermittlungen muss zwischen 0 und %(n)s liegen", n=REFERRALS_MAX))
    if data.referrals_to_groups < len(data.group_ids):
        raise ContactError(_("weniger Vermittlungen als ausgewählte Gruppen"))
    return data


def _validate_effort_links(data: ContactData) -> None:
    from saas.founding.models import FoundingProcess

    if data.founding_process_id is not None and (
        db.session.scalar(select(FoundingProcess.id).where(FoundingProcess.id == data.founding_process_id)) is None
    ):
        raise ContactError(_("Unbekannter Gründungsprozess."))
    if data.supported_group_id is not None and (
        db.session.scalar(select(Group.id).where(Group.id == data.supported_group_id)) is None
    ):
        raise ContactError(_("unbekannte Gruppe"))


def contribution(
    day: dt.date,
    site_id: int | None,
    kind: str,
    channel: str,
    topic_area: str,
    concern: str,
    topic_label: str,
    topic_unmatched: bool,
    referrals_to_groups: int,
    referrals_to_professionals: int,
    medium: str | None = None,
    duration_minutes: int | None = None,
) -> Counter[CountKey]:
    """The counters one contact adds to. The single definition used by writes, rebuild and tests.

    ``medium`` counts only known media of written contacts (the report derives "unknown" as the rest of
    ``written``, so contacts stored before media existed need no backfill); ``minutes`` sums durations
    per concern and ``duration`` counts the contacts that carry one."""
    site = site_id or 0
    counts: Counter[CountKey] = Counter()
    counts[(day, site, "total", "")] += 1
    counts[(day, site, "kind", kind)] += 1
    counts[(day, site, "channel", channel)] += 1
    counts[(day, site, "kind_area", f"{kind}:{topic_area}")] += 1
    counts[(day, site, "concern", concern)] += 1
    if topic_label:
        counts[(day, site, "topic_free" if topic_unmatched else "topic", topic_label)] += 1
    if referrals_to_groups:
        counts[(day, site, "ref", "to_groups")] += referrals_to_groups
    if referrals_to_professionals:
        counts[(day, site, "ref", "to_professionals")] += referrals_to_professionals
    if medium and channel == "written":
        counts[(day, site, "medium", medium)] += 1
    if duration_minutes is not None:
        counts[(day, site, "duration", "")] += 1
        if duration_minutes:
            counts[(day, site, "minutes", concern)] += duration_minutes
    return counts


def contact_contribution(contact: Contact) -> Counter[CountKey]:
    return contribution(
        contact.day,
        contact.site_id,
        contact.kind,
        contact.channel,
        contact.topic_area,
        contact.concern,
        contact.topic_label,
        contact.topic_unmatched,
        contact.referrals_to_groups,
        contact.referrals_to_professionals,
        contact.medium,
        contact.duration_minutes,
    )


def _upsert(dialect: str) -> Callable[[Table], postgresql.Insert | sqlite.Insert]:
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def apply_deltas(tenant_id: int, deltas: Counter[CountKey], *, chunk: int = 500) -> None:
    """Add the deltas to the daily counters (insert or increment), then drop counters that reached 0."""
    rows = [
        {"tenant_id": tenant_id, "day": day, "site": site, "dim": dim, "key": key, "count": n}
        for (day, site, dim, key), n in deltas.items()
        if n
    ]
    if not rows:
        return
    insert = _upsert(db.session.get_bind().dialect.name)
    table = table_of(ContactDailyCount)
    stmt = insert(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=["tenant_id", "day", "site", "dim", "key"],
        set_={"count": table.c.count + stmt.excluded["count"]},
    )
    connection = db.session.connection()
    for start in range(0, len(rows), chunk):
        # one compiled statement, many parameter sets (a multi-VALUES statement compiles per chunk: slow)
        connection.execute(stmt, rows[start : start + chunk])
    lowered = sorted({day for (day, _site, _dim, _key), n in deltas.items() if n < 0})
    if lowered:
        db.session.execute(
            delete(ContactDailyCount)
            .where(ContactDailyCount.day.in_(lowered), ContactDailyCount.count == 0)
            .execution_options(synchronize_session=False)
        )


def _bound_tenant() -> int:
    tenant_id = current_tenant_id()
    if tenant_id is None:
        raise ContactError("no office bound")
    return tenant_id


def _set_referrals(contact: Contact, group_ids: Sequence[int]) -> None:
    # Keep the rows of groups still referred to (the unit of work inserts before it deletes, and a
    # contact refers to a group at most once), drop the others, add the new ones.
    wanted = set(group_ids)
    kept = [r for r in contact.referrals if r.group_id in wanted]
    for referral in kept:
        referral.day = contact.day
    have = {r.group_id for r in kept}
    added = [
        ContactReferral(group_id=gid, day=contact.day, tenant_id=contact.tenant_id)
        for gid in group_ids
        if gid not in have
    ]
    contact.referrals = kept + added


def record_contact(data: ContactData, *, on: dt.date | None = None) -> Contact:
    """Store one contact from the quick entry (its year must be open) and count it."""
    validate(data)
    ensure_editable(data.day, on)
    tenant_id = _bound_tenant()
    contact = Contact(
        tenant_id=tenant_id,
        day=data.day,
        kind=data.kind,
        channel=data.channel,
        topic_area=data.topic_area,
        concern=data.concern,
        site_id=data.site_id,
        topic_id=data.topic_id,
        topic_label=data.topic_label,
        topic_unmatched=data.topic_unmatched,
        referrals_to_groups=data.referrals_to_groups or 0,
        referrals_to_professionals=data.referrals_to_professionals,
        medium=data.medium,
        duration_minutes=data.duration_minutes,
        founding_process_id=data.founding_process_id,
        supported_group_id=data.supported_group_id,
    )
    _set_referrals(contact, data.group_ids)
    db.session.add(contact)
    db.session.flush()
    apply_deltas(tenant_id, contact_contribution(contact))
    return contact


def update_contact(contact: Contact, data: ContactData, *, on: dt.date | None = None) -> Contact:
    """Correct a contact: both its old and its new year must be open."""
    ensure_editable(contact.day, on)
    validate(data)
    ensure_editable(data.day, on)
    deltas = Counter({key: -n for key, n in contact_contribution(contact).items()})
    for name in (
        "day",
        "kind",
        "channel",
        "topic_area",
        "concern",
        "site_id",
        "topic_id",
        "topic_label",
        "medium",
        "duration_minutes",
        "founding_process_id",
        "supported_group_id",
    ):
        setattr(contact, name, getattr(data, name))
    contact.topic_unmatched = data.topic_unmatched
    contact.referrals_to_groups = data.referrals_to_groups or 0
    contact.referrals_to_professionals = data.referrals_to_professionals
    contact.updated_at = utcnow()
    _set_referrals(contact, data.group_ids)
    db.session.flush()
    deltas.update(contact_contribution(contact))
    apply_deltas(contact.tenant_id, deltas)
    return contact


def delete_contact(contact: Contact, *, on: dt.date | None = None) -> None:
    ensure_editable(contact.day, on)
    deltas = Counter({key: -n for key, n in contact_contribution(contact).items()})
    tenant_id = contact.tenant_id
    db.session.delete(contact)
    db.session.flush()
    apply_deltas(tenant_id, deltas)


def contact_data(contact: Contact) -> ContactData:
    return ContactData(
        day=contact.day,
        kind=contact.kind,
        channel=contact.channel,
        topic_area=contact.topic_area,
        concern=contact.concern,
        site_id=contact.site_id,
        topic_id=contact.topic_id,
        topic_label=contact.topic_label,
        topic_unmatched=contact.topic_unmatched,
        referrals_to_professionals=contact.referrals_to_professionals,
        group_ids=[r.group_id for r in contact.referrals if r.group_id is not None],
        referrals_to_groups=contact.referrals_to_groups,
        medium=contact.medium,
        duration_minutes=contact.duration_minutes,
        founding_process_id=contact.founding_process_id,
        supported_group_id=contact.supported_group_id,
    )


def recount(tenant_id: int) -> int:
    """Rebuild the office's daily counters from the raw rows (repair tool); returns the number of counters."""
    db.session.execute(delete(ContactDailyCount).execution_options(synchronize_session=False))
    totals: Counter[CountKey] = Counter()
    for row in db.session.execute(select(*_CONTRIBUTION_COLUMNS)).yield_per(5000):
        totals.update(contribution(*row))
    apply_deltas(tenant_id, totals, chunk=1000)
    return len(totals)


_CONTRIBUTION_COLUMNS = (
    Contact.day,
    Contact.site_id,
    Contact.kind,
    Contact.channel,
    Contact.topic_area,
    Contact.concern,
    Contact.topic_label,
    Contact.topic_unmatched,
    Contact.referrals_to_groups,
    Contact.referrals_to_professionals,
    Contact.medium,
    Contact.duration_minutes,
)


def counts_from_rows(rows: Iterable[Sequence]) -> Counter[CountKey]:
    totals: Counter[CountKey] = Counter()
    for row in rows:
        totals.update(contribution(*row))
    return totals


# --- the annual report's PDF (rendered by the worker; the page polls state and progress) -----------------

RENDER_TASK = "lotse.contacts.render_annual_pdf"  # workers/contacts.py


def start_report_render(tenant_id: int, year: int) -> ReportRender:
    """A queued render of the year's PDF; the worker starts once the caller commits."""
    from saas.core.tasks import queue

    render = ReportRender(tenant_id=tenant_id, year=year)
    db.session.add(render)
    db.session.flush()
    queue(RENDER_TASK, render.id, tenant_id)
    return render


def render_report_pdf(render_id: int, tenant_id: int, *, commit: Callable[[], None]) -> str:
    """Render the PDF of one ReportRender (office bound): queued → running (progress) → done | failed.

    ``commit`` is the task's commit: the page polls the progress, so each step is committed as it happens.
    Idempotent: a finished render is left as it is. Returns "skipped", "failed" or "done".
    """
    from saas.contacts.pdf import render_pdf
    from saas.contacts.report import report_view

    render = db.session.scalar(select(ReportRender).where(ReportRender.id == render_id))
    if render is None or render.state == "done":
        return "skipped"
    tenant = db.session.get(Tenant, tenant_id)
    render.state, render.progress, render.error = "running", 5, ""
    commit()

    def progress(percent: int) -> None:
        render.progress = percent
        commit()

    try:
        if tenant is None:
            raise LookupError(f"office {tenant_id} not found")
        view = report_view(tenant, render.year)
        progress(15)
        pdf = render_pdf(view, progress)
    except Exception:
        db.session.rollback()
        log.exception("annual report PDF %s failed", render_id)
        render.state, render.error = "failed", "Das PDF konnte nicht erstellt werden."
        render.finished_at = utcnow()
        commit()
        return "failed"
    render.pdf, render.state, render.progress, render.finished_at = pdf, "done", 100, utcnow()
    commit()
    return "done"


# --- the annual report's own chapters ------------------------------------------------------------------


def add_chapter(tenant_id: int, year: int, *, title: str, placement: str, position: int, body: str) -> ReportChapter:
    chapter = ReportChapter(
        tenant_id=tenant_id, year=year, title=title.strip(), placement=placement, position=position, body=body
    )
    db.session.add(chapter)
    db.session.flush()
    return chapter


def update_chapter(chapter: ReportChapter, *, title: str, placement: str, position: int, body: str) -> None:
    chapter.title, chapter.placement, chapter.position, chapter.body = title.strip(), placement, position, body
    chapter.updated_at = utcnow()
    db.session.flush()


def delete_chapter(chapter: ReportChapter) -> None:
    db.session.delete(chapter)
    db.session.flush()


def start_chapters(
    tenant_id: int,
    year: int,
    default: Sequence[tuple[str, int, str]],
    draft: Callable[[str], str] | None = None,
) -> bool:
    """This year's chapters: last year's headings or ``default``, each with ``draft(title)`` as its first
    text (written from the year's figures; empty without). False if the year has some."""
    if db.session.scalar(select(func.count(ReportChapter.id)).where(ReportChapter.year == year)):
        return False
    last = db.session.scalars(select(ReportChapter).where(ReportChapter.year == year - 1)).all()
    specs = [(c.placement, c.position, c.title) for c in last] or list(default)
    for placement, position, title in specs:
        db.session.add(
            ReportChapter(
                tenant_id=tenant_id,
                year=year,
                placement=placement,
                position=position,
                title=title,
                body=draft(title) if draft else "",
            )
        )
    db.session.flush()
    return True
