"""Two people registering for the last place at the same moment never overbook (PostgreSQL row lock)."""

import threading
import time

import pytest
from sqlalchemy import select

from saas.events import operations as ops
from saas.events.models import Registration, RegistrationStatus
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.conftest import IS_POSTGRES
from tests.events.helpers import make_event

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not IS_POSTGRES, reason="needs PostgreSQL (set TEST_DATABASE_URL)"),
]


def test_two_connections_racing_for_the_last_place(app, world, monkeypatch):
    """Both read the free places at once; does exactly one get it and the other land on the waitlist?"""
    event = make_event(world.dortmund, capacity=1, min_participants=None, decision_date=None)
    tenant_id, event_id = world.dortmund.id, event.id
    counting = ops.held_persons

    def slow_count(eid: int) -> int:
        value = counting(eid)
        time.sleep(0.5)  # widen the window between counting and inserting
        return value

    monkeypatch.setattr(ops, "held_persons", slow_count)
    start = threading.Barrier(2)
    results: list[str] = []
    errors: list[BaseException] = []

    def person(i: int) -> None:
        try:
            with app.app_context(), tenant_context(tenant_id):
                start.wait()
                reg = ops.register(event_id, name=f"P{i}", email=f"p{i}@example.org", persons=1)
                db.session.commit()
                results.append(reg.status)
                db.session.remove()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=person, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors, errors
    assert sorted(results) == [RegistrationStatus.confirmed, RegistrationStatus.waitlisted]
    with tenant_context(tenant_id):
        confirmed = db.session.scalars(select(Registration).where(Registration.status == "confirmed")).all()
    assert len(confirmed) == 1
