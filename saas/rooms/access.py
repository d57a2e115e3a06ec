"""The one way to fetch a room, booking, site, closure or group by id: the bound office's, else 404."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from saas.directory.models import Group
from saas.extensions import db
from saas.rooms.models import Booking, Closure, Room
from tenants.models import Site
from tenants.scoping import current_tenant_id


def _get(model: type, object_id: int):  # type: ignore[no-untyped-def]
    tenant_id = current_tenant_id()
    if tenant_id is None:
        abort(404)
    obj = db.session.scalar(select(model).where(model.id == object_id, model.tenant_id == tenant_id))
    if obj is None:
        abort(404)
    return obj


def access_room(room_id: int) -> Room:
    return _get(Room, room_id)


def access_booking(booking_id: int) -> Booking:
    return _get(Booking, booking_id)


def access_site(site_id: int) -> Site:
    return _get(Site, site_id)


def access_closure(closure_id: int) -> Closure:
    return _get(Closure, closure_id)


def access_group(group_id: int) -> Group:
    return _get(Group, group_id)
