"""The one way to fetch an event or a registration by id: filtered by the bound office, 404 otherwise."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from saas.events.models import Event, EventStatus, Registration
from saas.extensions import db
from tenants.scoping import current_tenant_id


def _get(model: type, object_id: int):  # type: ignore[no-untyped-def]
    tenant_id = current_tenant_id()
    if tenant_id is None:
        abort(404)
    obj = db.session.scalar(select(model).where(model.id == object_id, model.tenant_id == tenant_id))
    if obj is None:
        abort(404)
    return obj


def access_event(event_id: int) -> Event:
    return _get(Event, event_id)


def access_public_event(event_id: int) -> Event:
    """A published (or published, then cancelled) event; drafts answer 404 like a missing id."""
    event = _get(Event, event_id)
    if event.published_at is None or event.status == EventStatus.draft:
        abort(404)
    return event


def access_registration(event: Event, registration_id: int) -> Registration:
    registration = _get(Registration, registration_id)
    if registration.event_id != event.id:
        abort(404)
    return registration
