"""Set-up for event tests: published events in an office, registrations through the operations."""

from __future__ import annotations

import datetime as dt

from saas.core import timeutil
from saas.events import operations as ops
from saas.events.models import Event, EventKind, PlaceKind
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.rooms.helpers import detached


def make_event(tenant, *, days_ahead: int = 20, publish: bool = True, **overrides) -> Event:  # type: ignore[no-untyped-def]
    day = timeutil.today() + dt.timedelta(days=days_ahead)
    data = {
        "kind": EventKind.seminar,
        "title": "Meine Rolle als Gruppenleitung",
        "description": "Ein Seminar für Gruppenleitungen.",
        "speakers": "Team der Kontaktstelle",
        "start_date": day,
        "start_time": dt.time(10, 0),
        "end_time": dt.time(15, 0),
        "place_kind": PlaceKind.address,
        "address": "Ostenhellweg 42-48, 44135 Dortmund",
        "capacity": 12,
        "min_participants": 6,
        "decision_date": day - dt.timedelta(days=7),
        "registration_deadline": day - dt.timedelta(days=3),
        "registration_required": True,
        "cost_note": "kostenfrei",
        **overrides,
    }
    with tenant_context(tenant.id):
        event = ops.create_event(data)
        if publish:
            ops.publish_event(event)
        db.session.commit()
        return detached(event)


def register(tenant, event_id: int, n: int = 1, persons: int = 1, prefix: str = "person"):  # type: ignore[no-untyped-def]
    regs = []
    with tenant_context(tenant.id):
        for i in range(n):
            regs.append(ops.register(event_id, name=f"{prefix.title()} {i}", email=f"{prefix}{i}@example.org",
                                     persons=persons))  # fmt: skip
            db.session.commit()
        return [detached(r) for r in regs]
