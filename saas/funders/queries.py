"""Reads for the funders' reports: the report's ``profile`` section (ADDED key) and the year's events
and newsletter issues that the Sachbericht lists by name."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import select

from saas.directory.models import MEETING_MODES, Group
from saas.extensions import db
from tenants.models import Tenant

LIVE = ("founding", "active", "paused")


def profile_at(day: dt.date) -> tuple[dict[str, int], int]:
    """Meeting modes and Junge Selbsthilfe groups of the directory as of ``day``: the groups live (active,
    in Aufbau or paused) that day by their status history, each with the mode and flag it had that day by
    its profile history (a group whose history starts later counts with its first recorded value)."""
    from saas.directory.models import GroupProfileChange, GroupStatusChange
    from saas.directory.queries import status_at

    history: dict[int, list[tuple[dt.date, int, str]]] = defaultdict(list)
    for group_id, changed_on, change_id, to_status in db.session.execute(
        select(
            GroupStatusChange.group_id, GroupStatusChange.changed_on, GroupStatusChange.id, GroupStatusChange.to_status
        )
        .where(GroupStatusChange.changed_on <= day)
        .order_by(GroupStatusChange.changed_on, GroupStatusChange.id)
    ):
        history[group_id].append((changed_on, change_id, to_status))
    live = {gid for gid, changes in history.items() if status_at(changes, day) in LIVE}
    values: dict[tuple[int, str], str] = {}
    for group_id, field, value, since in db.session.execute(
        select(
            GroupProfileChange.group_id, GroupProfileChange.field, GroupProfileChange.value, GroupProfileChange.since
        ).order_by(GroupProfileChange.since, GroupProfileChange.id)
    ):
        if group_id in live and (since <= day or (group_id, field) not in values):
            values[(group_id, field)] = value
    current: dict[int, dict[str, str]] = {}
    missing = [gid for gid in live if (gid, "meeting_mode") not in values or (gid, "young") not in values]
    if missing:  # no profile history at all (written around the operations): the entry as it is now
        for gid, current_mode, young in db.session.execute(
            select(Group.id, Group.meeting_mode, Group.young).where(Group.id.in_(missing))
        ):
            current[gid] = {"meeting_mode": current_mode, "young": "1" if young else "0"}
    modes = dict.fromkeys(MEETING_MODES, 0)
    young_groups = 0
    for gid in live:
        mode = values.get((gid, "meeting_mode")) or current.get(gid, {}).get("meeting_mode", "")
        if mode in modes:
            modes[mode] += 1
        young_groups += (values.get((gid, "young")) or current.get(gid, {}).get("young")) == "1"
    return modes, young_groups


def profile_section(tenant_id: int, year: int) -> dict[str, Any]:
    """Meeting modes and Junge Selbsthilfe groups as of 31 December (group history), and staff positions."""
    modes, young = profile_at(dt.date(year, 12, 31))
    tenant = db.session.get(Tenant, tenant_id)
    fte = float(tenant.staff_fte) if tenant is not None and tenant.staff_fte is not None else None
    return {"meeting_modes": modes, "young_groups": young, "staff_fte": fte}


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
