"""Reads of founding support and effort: who waits for which group, and the annual report's figures.

The report's ``founding`` and ``support`` sections are ADDED keys (CONTRACTS.md: keys may be added);
``groups`` keeps its meaning (the directory's life cycle), and ``founding`` counts the processes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from saas.core.reports import recorded as _recorded
from saas.extensions import db
from saas.founding.models import (
    CASE_KINDS,
    WAITING_STATES,
    FoundingInterest,
    FoundingMilestone,
    FoundingProcess,
    SupportCase,
    SupportSession,
)
from tenants.models import Site


@dataclass
class Waiting:
    topic_name: str
    site: str
    count: int
    processes: int
    reached: bool


def waiting_by_topic(threshold: int) -> list[Waiting]:
    """Per topic and site: people waiting in open processes, most first."""
    sites = {s.id: s.name for s in db.session.scalars(select(Site))}
    stmt = (
        select(FoundingProcess.topic_name, FoundingProcess.site_id, FoundingProcess.id, func.count(FoundingInterest.id))
        .outerjoin(
            FoundingInterest,
            (FoundingInterest.process_id == FoundingProcess.id) & FoundingInterest.state.in_(WAITING_STATES),
        )
        .where(FoundingProcess.state == "open")
        .group_by(FoundingProcess.topic_name, FoundingProcess.site_id, FoundingProcess.id)
    )
    rows: dict[tuple[str, int | None], list[Any]] = {}
    for topic, site_id, _pid, n in db.session.execute(stmt):
        entry = rows.setdefault((topic.casefold(), site_id), [topic, sites.get(site_id, "") if site_id else "", 0, 0])
        entry[2] += int(n)
        entry[3] += 1
    result = [Waiting(t, s, n, p, n >= threshold) for t, s, n, p in rows.values()]
    return sorted(result, key=lambda w: (-w.count, w.topic_name.casefold(), w.site))


def _year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _milestones_in(kind: str, start: dt.date, end: dt.date) -> int:
    return int(
        db.session.scalar(
            select(func.count(FoundingMilestone.id)).where(
                FoundingMilestone.kind == kind, FoundingMilestone.on >= start, FoundingMilestone.on <= end
            )
        )
        or 0
    )


def founding_section(tenant_id: int, year: int) -> dict[str, Any]:
    """The annual report's ``founding`` section, counted from the processes (office bound)."""
    from saas.contacts.models import Contact

    start, end = _year(year)
    first = db.session.scalar(select(func.min(FoundingProcess.started_on)))
    started = int(
        db.session.scalar(
            select(func.count(FoundingProcess.id)).where(
                FoundingProcess.started_on >= start, FoundingProcess.started_on <= end
            )
        )
        or 0
    )
    open_at_end = int(
        db.session.scalar(
            select(func.count(FoundingProcess.id)).where(
                FoundingProcess.started_on <= end,
                (FoundingProcess.closed_on.is_(None)) | (FoundingProcess.closed_on > end),
            )
        )
        or 0
    )
    consultations, minutes = db.session.execute(
        select(func.count(Contact.id), func.coalesce(func.sum(Contact.duration_minutes), 0)).where(
            Contact.founding_process_id.is_not(None), Contact.day >= start, Contact.day <= end
        )
    ).one()
    interested = int(
        db.session.scalar(
            select(func.coalesce(func.sum(FoundingProcess.interested_count), 0)).where(
                FoundingProcess.started_on >= start, FoundingProcess.started_on <= end
            )
        )
        or 0
    )
    return {
        "processes_started": started,
        "processes_open_at_year_end": open_at_end,
        "consultations": int(consultations),
        "consultation_minutes": int(minutes or 0),
        "interested": interested,
        "first_talks": _milestones_in("first_talk", start, end),
        "press_notices": _milestones_in("press_notice", start, end),
        "first_meetings": _milestones_in("first_meeting", start, end),
        "founded": _milestones_in("founded", start, end),
        "abandoned": _milestones_in("abandoned", start, end),
        **_recorded(first, year),
    }


def support_section(tenant_id: int, year: int) -> dict[str, Any]:
    """The annual report's ``support`` section: cases with sessions in the year, sessions, minutes."""
    from saas.contacts.report import hours

    start, end = _year(year)
    first = db.session.scalar(select(func.min(SupportCase.opened_on)))
    stmt = (
        select(SupportCase.kind, func.count(func.distinct(SupportCase.id)), func.count(SupportSession.id))
        .join(SupportSession, SupportSession.case_id == SupportCase.id)
        .where(SupportSession.day >= start, SupportSession.day <= end)
        .group_by(SupportCase.kind)
    )
    minutes_stmt = (
        select(SupportCase.kind, func.coalesce(func.sum(SupportSession.minutes), 0))
        .join(SupportSession, SupportSession.case_id == SupportCase.id)
        .where(SupportSession.day >= start, SupportSession.day <= end)
        .group_by(SupportCase.kind)
    )
    cases = dict.fromkeys(CASE_KINDS, 0)
    sessions = dict.fromkeys(CASE_KINDS, 0)
    minutes = dict.fromkeys(CASE_KINDS, 0)
    for kind, n_cases, n_sessions in db.session.execute(stmt):
        cases[kind], sessions[kind] = int(n_cases), int(n_sessions)
    for kind, n in db.session.execute(minutes_stmt):
        minutes[kind] = int(n)
    from saas.contacts.models import Contact

    contacts, contact_minutes = db.session.execute(
        select(func.count(Contact.id), func.coalesce(func.sum(Contact.duration_minutes), 0)).where(
            Contact.supported_group_id.is_not(None), Contact.day >= start, Contact.day <= end
        )
    ).one()
    return {
        "contacts": int(contacts),
        "contact_minutes": int(contact_minutes or 0),
        "cases_by_kind": cases,
        "sessions_by_kind": sessions,
        "minutes_by_kind": minutes,
        "hours_by_kind": {k: hours(m) for k, m in minutes.items()},
        "cases": sum(cases.values()),
        "sessions": sum(sessions.values()),
        "minutes": sum(minutes.values()),
        "hours": hours(sum(minutes.values())),
        **_recorded(first, year),
    }


# --- what the staff pages list ------------------------------------------------------------------------------


def sites() -> list[Site]:
    return list(db.session.scalars(select(Site).order_by(Site.position, Site.id)))


def processes() -> list[FoundingProcess]:
    """All processes, open ones first, newest first."""
    return list(
        db.session.scalars(
            select(FoundingProcess).order_by(FoundingProcess.state != "open", FoundingProcess.started_on.desc())
        )
    )


def active_rooms() -> list[Any]:
    from saas.rooms.models import Room

    return list(db.session.scalars(select(Room).where(Room.active.is_(True)).order_by(Room.position, Room.id)))


def open_inquiries(limit: int = 50) -> list[Any]:
    """Inquiries to groups not yet closed: people who may be taken onto an interest list."""
    from saas.directory.models import GroupInquiry

    return list(
        db.session.scalars(
            select(GroupInquiry)
            .where(GroupInquiry.state != "closed")
            .order_by(GroupInquiry.created_at.desc())
            .limit(limit)
        )
    )


def linked_contacts(process_id: int) -> tuple[int, int]:
    """(contacts, minutes) linked to the process."""
    from saas.contacts.models import Contact

    n, minutes = db.session.execute(
        select(func.count(Contact.id), func.coalesce(func.sum(Contact.duration_minutes), 0)).where(
            Contact.founding_process_id == process_id
        )
    ).one()
    return int(n), int(minutes or 0)


def live_groups() -> list[Any]:
    from saas.directory.models import Group

    return list(
        db.session.scalars(select(Group).where(Group.status.in_(("founding", "active", "paused"))).order_by(Group.name))
    )


def cases() -> list[SupportCase]:
    """Support cases, open ones first, newest first."""
    return list(
        db.session.scalars(
            select(SupportCase).order_by(SupportCase.closed_on.is_not(None), SupportCase.opened_on.desc())
        )
    )
