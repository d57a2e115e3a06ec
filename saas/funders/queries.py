"""Reads for the funders' reports: the report's ``profile`` section (ADDED key) and the year's events
and newsletter issues that the Sachbericht lists by name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from saas.directory.models import MEETING_MODES, Group
from saas.extensions import db
from tenants.models import Tenant

LIVE = ("founding", "active", "paused")


def profile_section(tenant_id: int, year: int) -> dict[str, Any]:
    """Meeting modes and Junge Selbsthilfe groups of the directory (current entries), and staff positions."""
    modes = dict.fromkeys(MEETING_MODES, 0)
    for mode, n in db.session.execute(
        select(Group.meeting_mode, func.count(Group.id)).where(Group.status.in_(LIVE)).group_by(Group.meeting_mode)
    ):
        if mode in modes:
            modes[mode] = int(n)
    young = db.session.scalar(
        select(func.count(Group.id)).where(Group.status.in_(LIVE), func.lower(Group.age_focus).contains("jung"))
    )
    tenant = db.session.get(Tenant, tenant_id)
    fte = float(tenant.staff_fte) if tenant is not None and tenant.staff_fte is not None else None
    return {"meeting_modes": modes, "young_groups": int(young or 0), "staff_fte": fte}


def events_of(year: int) -> list[tuple[dt.date, str, str]]:
    """(date, title, kind label) of the year's held events, in date order."""
    from saas.events.models import Event
    from saas.events.queries import is_held

    events = db.session.scalars(
        select(Event)
        .where(Event.start_date >= dt.date(year, 1, 1), Event.start_date <= dt.date(year, 12, 31))
        .order_by(Event.start_date, Event.id)
    ).all()
    return [(e.start_date, e.title, e.kind.label) for e in events if is_held(e)]


def newsletter_issues_of(year: int) -> list[tuple[dt.date, str]]:
    from saas.newsletter.models import Issue, IssueStatus

    start = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC)
    rows = db.session.execute(
        select(Issue.finished_at, Issue.subject)
        .where(Issue.status == IssueStatus.sent, Issue.finished_at >= start, Issue.finished_at < end)
        .order_by(Issue.finished_at)
    ).all()
    return [(finished.date(), subject) for finished, subject in rows if finished is not None]
