"""Reads of the directory that several views (and other features) need: figures, lists, A–Z topics."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Select, asc, desc, func, or_, select
from sqlalchemy.orm import selectinload

from saas.directory import language
from saas.directory.models import (
    LIVE_STATUSES,
    PUBLIC_STATUSES,
    TOPIC_AREAS,
    Group,
    GroupInquiry,
    GroupStatusChange,
    Topic,
    group_topics,
)
from saas.extensions import db
from tenants.models import utcnow

STALE_AFTER = dt.timedelta(days=456)  # 15 months without confirmation


def status_at(changes: list[tuple[dt.date, int, str]], day: dt.date) -> str | None:
    """The status after the last change on or before ``day`` (changes sorted by date, id)."""
    current = None
    for changed_on, _id, to_status in changes:
        if changed_on > day:
            break
        current = to_status
    return current


def group_figures(year: int) -> dict:
    """The annual figures of the bound office's groups for ``year``, computed from the status history.

    founded: founding → active steps in the year; founding_abandoned / dissolved: steps into those
    states in the year; *_at_year_end: the status each group had on 31 December; topics: topics of the
    groups that existed (founding, active or paused) at year end.
    """
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows = db.session.execute(
        select(
            GroupStatusChange.group_id,
            GroupStatusChange.changed_on,
            GroupStatusChange.id,
            GroupStatusChange.from_status,
            GroupStatusChange.to_status,
        ).order_by(GroupStatusChange.changed_on, GroupStatusChange.id)
    ).all()
    history: dict[int, list[tuple[dt.date, int, str]]] = defaultdict(list)
    founded = abandoned = dissolved = added = added_existing = 0
    for group_id, changed_on, change_id, from_status, to_status in rows:
        history[group_id].append((changed_on, change_id, to_status))
        if start <= changed_on <= end and from_status is None:
            added += 1
            added_existing += to_status == "active"
        if start <= changed_on <= end and from_status is not None:
            if to_status == "active" and from_status == "founding":
                founded += 1
            elif to_status == "abandoned":
                abandoned += 1
            elif to_status == "dissolved":
                dissolved += 1
    at_end = {group_id: status_at(changes, end) for group_id, changes in history.items()}
    existing = [gid for gid, status in at_end.items() if status in LIVE_STATUSES]
    active_ids = {gid for gid, status in at_end.items() if status == "active"}
    by_area = dict.fromkeys(TOPIC_AREAS, 0)
    if active_ids:
        for gid, area in db.session.execute(select(Group.id, Group.topic_area)):
            if gid in active_ids and area in by_area:
                by_area[area] += 1
    topics = 0
    if existing:
        topic_rows = db.session.execute(
            select(group_topics.c.topic_id, group_topics.c.group_id).join(
                Topic, Topic.id == group_topics.c.topic_id
            )  # the Topic entity keeps the office filter
        ).all()
        existing_set = set(existing)
        topics = len({topic_id for topic_id, group_id in topic_rows if group_id in existing_set})
    return {
        "active_at_year_end": sum(1 for s in at_end.values() if s == "active"),
        "founded": founded,
        "founding_at_year_end": sum(1 for s in at_end.values() if s == "founding"),
        "founding_abandoned": abandoned,
        "dissolved": dissolved,
        "topics": topics,
        # added keys: entries new in the directory this year (foundings started and existing groups
        # taken up), and the active groups at year end by topic area
        "added": added,
        "added_existing": added_existing,
        "active_by_topic_area": by_area,
    }


def annual_groups_section(tenant_id: int, year: int) -> dict:
    return group_figures(year)


# --- staff list ---------------------------------------------------------------------------------------

SORTS = {
    "name": (asc(Group.name),),
    "-name": (desc(Group.name),),
    "status": (asc(Group.status), asc(Group.name)),
    "updated": (desc(Group.updated_at), asc(Group.name)),
    "confirmed": (asc(func.coalesce(Group.confirmed_at, Group.created_at)), asc(Group.name)),
}


@dataclass
class GroupFilter:
    q: str = ""
    status: str = ""
    topic_area: str = ""
    topic_id: int | None = None
    site_id: int | None = None
    visibility: str = ""
    welcome: str = ""  # "yes" / "no" / ""
    stale: bool = False
    sort: str = "name"


def stale_cutoff(now: dt.datetime | None = None) -> dt.datetime:
    return (now or utcnow()) - STALE_AFTER


def is_stale(group: Group, now: dt.datetime | None = None) -> bool:
    """Unconfirmed for 15 months (counted from the last confirmation or, if never, from creation)."""
    if group.status not in LIVE_STATUSES:
        return False
    since = group.confirmed_at or group.created_at
    if since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    return since < stale_cutoff(now)


def staff_group_query(f: GroupFilter) -> Select:
    stmt = select(Group).options(selectinload(Group.topics), selectinload(Group.site))
    if f.q:
        from saas.directory.language import surface

        spelled = surface(f.q.strip()).replace("%", "").replace("_", "")
        stmt = stmt.where(
            or_(func.lower(Group.name).like(f"%{f.q.strip().lower()}%"), Group.search_text.like(f"% ={spelled}%"))
        )
    if f.status:
        stmt = stmt.where(Group.status == f.status)
    if f.topic_area:
        stmt = stmt.where(Group.topic_area == f.topic_area)
    if f.topic_id:
        stmt = stmt.where(Group.topics.any(Topic.id == f.topic_id))
    if f.site_id:
        stmt = stmt.where(Group.site_id == f.site_id)
    if f.visibility:
        stmt = stmt.where(Group.visibility == f.visibility)
    if f.welcome in ("yes", "no"):
        stmt = stmt.where(Group.welcomes_new_members.is_(f.welcome == "yes"))
    if f.stale:
        stmt = stmt.where(
            Group.status.in_(LIVE_STATUSES),
            func.coalesce(Group.confirmed_at, Group.created_at) < stale_cutoff(),
        )
    return stmt.order_by(*SORTS.get(f.sort, SORTS["name"]), Group.id)


def count(stmt: Select) -> int:
    return db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0


# --- public ----------------------------------------------------------------------------------------------


def public_groups_by_ids(ids: list[int]) -> list[Group]:
    if not ids:
        return []
    found = db.session.scalars(
        select(Group).where(Group.id.in_(ids), Group.status.in_(PUBLIC_STATUSES)).options(selectinload(Group.topics))
    ).all()
    by_id = {g.id: g for g in found}
    return [by_id[i] for i in ids if i in by_id]


def public_group(group_id: int) -> Group | None:
    return db.session.scalar(select(Group).where(Group.id == group_id, Group.status.in_(PUBLIC_STATUSES)))


def az_topics() -> list[tuple[str, list[Topic]]]:
    """Topics that have a group citizens are offered, grouped by initial letter (A–Z page)."""
    topics = db.session.scalars(
        select(Topic)
        .where(
            Topic.id.in_(
                select(group_topics.c.topic_id)
                .join(Group, Group.id == group_topics.c.group_id)
                .where(Group.status.in_(PUBLIC_STATUSES))
            )
        )
        .order_by(func.lower(Topic.name))
    ).all()
    letters: dict[str, list[Topic]] = defaultdict(list)
    for topic in topics:
        initial = topic.name[:1].upper()
        initial = {"Ä": "A", "Ö": "O", "Ü": "U"}.get(initial, initial)
        letters[initial if initial.isalpha() else "#"].append(topic)
    return sorted(letters.items())


EXAMPLE_MAX_LETTERS = 16  # an example a person reads at a glance and types on a phone


def example_topics(limit: int = 3) -> list[str]:
    """Topics to name as examples next to the office's search box: one-word topic names (the ones people
    type) with the most groups citizens are offered and, among equals, the most common words; each from
    another topic area while there are areas left (Sucht, Depression, Diabetes rather than three kinds of
    addiction). Each finds groups of this office; fewer, or none, where the directory has fewer."""
    counted = db.session.execute(
        select(Topic.name, Topic.topic_area, func.count(group_topics.c.group_id))
        .join(group_topics, group_topics.c.topic_id == Topic.id)
        .join(Group, Group.id == group_topics.c.group_id)
        .where(Group.status.in_(PUBLIC_STATUSES))
        .group_by(Topic.id, Topic.name, Topic.topic_area)
    ).all()
    words = sorted(
        ((name, area, n) for name, area, n in counted if name.isalpha() and len(name) <= EXAMPLE_MAX_LETTERS),
        # among topics with as many groups, the words people use most (language.zipf: Depression before Dysthymie)
        key=lambda row: (-row[2], -language.zipf(row[0].lower()), row[0].casefold()),
    )
    chosen: list[str] = []
    areas: set[str | None] = set()
    for name, area, _n in words:  # the most frequent of each area first, then the rest by frequency
        if len(chosen) < limit and area not in areas:
            chosen.append(name)
            areas.add(area)
    chosen += [name for name, _a, _n in words if name not in chosen][: limit - len(chosen)]
    return chosen


def open_inquiries_count() -> int:
    return db.session.scalar(select(func.count(GroupInquiry.id)).where(GroupInquiry.state == "open")) or 0


def referrals_in(start: dt.datetime, end: dt.datetime) -> int:
    """Inquiries forwarded to a group in [start, end): referrals for the contact log's statistics."""
    return (
        db.session.scalar(
            select(func.count(GroupInquiry.id)).where(
                GroupInquiry.forwarded_at >= start, GroupInquiry.forwarded_at < end
            )
        )
        or 0
    )
