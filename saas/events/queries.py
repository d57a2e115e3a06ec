"""Reads about events: public and staff lists, per-event counts, group choices, annual figures."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from saas.core import timeutil
from saas.directory.models import PUBLIC_STATUSES, Group
from saas.events.models import (
    CancelReason,
    Event,
    EventKind,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from saas.extensions import db
from saas.rooms.models import Room


@dataclass
class Counts:
    confirmed: int = 0  # persons with a place
    confirmed_registrations: int = 0
    offered: int = 0
    waitlisted: int = 0
    cancelled: int = 0
    attended: int | None = None

    def free(self, capacity: int | None) -> int | None:
        return None if capacity is None else max(capacity - self.confirmed - self.offered, 0)


def counts_for(event_ids: list[int]) -> dict[int, Counts]:
    result: dict[int, Counts] = {event_id: Counts() for event_id in event_ids}
    if not event_ids:
        return result
    rows = db.session.execute(
        select(
            Registration.event_id,
            Registration.status,
            func.count(Registration.id),
            func.coalesce(func.sum(Registration.persons), 0),
            func.sum(Registration.attended_persons),
        )
        .where(Registration.event_id.in_(event_ids))
        .group_by(Registration.event_id, Registration.status)
    ).all()
    for event_id, status, n, persons, attended in rows:
        counts = result[event_id]
        status = RegistrationStatus(status)
        if status == RegistrationStatus.confirmed:
            counts.confirmed, counts.confirmed_registrations = int(persons), int(n)
            counts.attended = int(attended) if attended is not None else None
        elif status == RegistrationStatus.offered:
            counts.offered = int(persons)
        elif status == RegistrationStatus.waitlisted:
            counts.waitlisted = int(persons)
        elif status == RegistrationStatus.cancelled:
            counts.cancelled = int(n)
    return result


def public_events(*, upcoming: bool = True) -> list[Event]:
    """Published events (cancelled ones too, marked), upcoming first-come, or past ones newest first."""
    today = timeutil.today()
    query = (
        select(Event)
        .options(selectinload(Event.room).selectinload(Room.site))
        .where(Event.status.in_((EventStatus.published, EventStatus.cancelled)), Event.published_at.is_not(None))
    )
    if upcoming:
        query = query.where(Event.start_date >= today).order_by(Event.start_date, Event.start_time)
    else:
        query = query.where(Event.start_date < today).order_by(Event.start_date.desc(), Event.start_time.desc())
    return list(db.session.scalars(query))


def staff_events(scope: str = "upcoming") -> list[Event]:
    today = timeutil.today()
    query = select(Event).options(selectinload(Event.room).selectinload(Room.site))
    if scope == "past":
        query = query.where(Event.start_date < today).order_by(Event.start_date.desc(), Event.start_time.desc())
    else:
        query = query.where(Event.start_date >= today).order_by(Event.start_date, Event.start_time)
    return list(db.session.scalars(query))


def decisions_pending() -> list[Event]:
    return list(
        db.session.scalars(
            select(Event)
            .where(Event.status == EventStatus.published, Event.decision_pending.is_(True))
            .order_by(Event.start_date)
        )
    )


def group_choices() -> list[tuple[int, str]]:
    """The directory's groups a person may name when registering (those offered to the public)."""
    groups = db.session.execute(
        select(Group.id, Group.name).where(Group.status.in_(PUBLIC_STATUSES)).order_by(Group.name)
    ).all()
    return [(0, "– keine Angabe –"), *((gid, name) for gid, name in groups)]


def participants(event: Event) -> list[Registration]:
    order = {
        RegistrationStatus.confirmed: 0,
        RegistrationStatus.offered: 1,
        RegistrationStatus.waitlisted: 2,
        RegistrationStatus.expired: 3,
        RegistrationStatus.cancelled: 4,
    }
    regs = db.session.scalars(
        select(Registration)
        .options(selectinload(Registration.group))
        .where(Registration.event_id == event.id)
        .order_by(Registration.created_at, Registration.id)
    ).all()
    return sorted(regs, key=lambda r: order[RegistrationStatus(r.status)])


def is_held(event: Event, now: dt.datetime | None = None) -> bool:
    now = now or timeutil.local_now(event.tz)
    return event.status == EventStatus.published and event.starts_at <= now


def annual_figures(tenant_id: int, year: int) -> dict:
    """Events section of the annual report: counts only, never a person."""
    events = db.session.scalars(
        select(Event).where(
            Event.start_date >= dt.date(year, 1, 1),
            Event.start_date <= dt.date(year, 12, 31),
            Event.status != EventStatus.draft,
        )
    ).all()
    counts = counts_for([e.id for e in events])
    now = timeutil.local_now()
    by_kind: dict[str, dict[str, int]] = defaultdict(lambda: {"held": 0, "cancelled": 0})
    by_reason = {reason.value: 0 for reason in CancelReason}
    held = cancelled = planned = registrations = registered_persons = attendance = 0
    for event in events:
        kind = EventKind(event.kind).value
        if event.status == EventStatus.cancelled:
            cancelled += 1
            by_kind[kind]["cancelled"] += 1
            by_reason[CancelReason(event.cancel_reason or CancelReason.other).value] += 1
        elif is_held(event, now):
            held += 1
            by_kind[kind]["held"] += 1
            c = counts[event.id]
            registrations += c.confirmed_registrations
            registered_persons += c.confirmed
            attendance += c.attended or 0
        else:
            planned += 1
    return {
        "held": held,
        "cancelled": cancelled,
        "cancelled_by_reason": by_reason,
        "planned": planned,
        "registrations": registrations,
        "registered_persons": registered_persons,
        "attendance": attendance,
        "by_kind": {kind: dict(v) for kind, v in sorted(by_kind.items())},
    }
