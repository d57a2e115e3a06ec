"""The one way to fetch an event or a registration by id: filtered by the bound office, 404 otherwise."""

from __future__ import annotations

from flask import abort

from saas.core.access import office_row_or_404
from saas.events.models import Event, EventStatus, Registration


def event_or_404(event_id: int) -> Event:
    return office_row_or_404(Event, event_id)


def public_event_or_404(event_id: int) -> Event:
    """A published (or published, then cancelled) event; drafts answer 404 like a missing id."""
    event = office_row_or_404(Event, event_id)
    if event.published_at is None or event.status == EventStatus.draft:
        abort(404)
    return event


def registration_or_404(event: Event, registration_id: int) -> Registration:
    registration = office_row_or_404(Registration, registration_id)
    if registration.event_id != event.id:
        abort(404)
    return registration
