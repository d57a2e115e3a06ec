"""Shared set-up for room and event tests: rooms, groups and bookings in the bound office."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from saas.directory.models import Group
from saas.extensions import db
from saas.rooms import operations as room_ops
from saas.rooms.models import Room
from tenants.models import Site
from tenants.operations import parse_hours
from tenants.scoping import tenant_context


def detached(obj):  # type: ignore[no-untyped-def]
    """A loaded copy that never refreshes: tests read its columns outside any office (and under RLS)."""
    db.session.refresh(obj)
    db.session.expunge(obj)
    return obj


def open_day(day: dt.date) -> dt.date:
    """The first day from ``day`` on which a room of :func:`make_room` is open (Mo – Sa): a test that books
    "in 14 days" failed on every Sunday it ran."""
    return day + dt.timedelta(days=1) if day.weekday() == 6 else day


def make_room(tenant, name: str = "Gruppenraum 1", hours: str = "Mo – Sa 09.00 – 22.00", capacity: int = 12) -> Room:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        site = db.session.scalars(select(Site).order_by(Site.position)).first()
        room = room_ops.create_room(site, name=name, capacity=capacity, wheelchair_accessible=True)
        room_ops.set_opening_hours(room, parse_hours(hours) if hours else [])
        db.session.commit()
        return detached(room)


def make_group(tenant, name: str = "Selbsthilfegruppe Angst", **fields) -> Group:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        group = Group(name=name, topic_area=fields.pop("topic_area", "mental_health"), **fields)
        db.session.add(group)
        db.session.commit()
        return detached(group)


def book(tenant, room: Room, group: Group | None = None, **kwargs):  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        room = db.session.get(Room, room.id)
        booking = room_ops.create_booking(room, group_id=group.id if group else None, **kwargs)
        db.session.commit()
        return detached(booking)


def tuesday(year: int, month: int, nth: int = 1) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7 * (nth - 1))
