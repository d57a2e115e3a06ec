"""Schemathesis against the OpenAPI document: generated and hostile requests to every API operation
never cause a server error, every answer matches the documented schema, and no check (including
``ignored_auth``) fails."""

from __future__ import annotations

import datetime as dt

import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.directory.helpers import make_group, make_topic, protected_group


def _schema(app, world):  # type: ignore[no-untyped-def]
    make_topic(world.dortmund, "Angsterkrankungen", "Angst, Panik")
    make_group(
        world.dortmund,
        "Selbsthilfe bei Angst",
        ["Angsterkrankungen"],
        topic_area="mental_health",
        rhythm="weekly",
        weekday=0,
        time_start=dt.time(18, 0),
        place="Raum 2",
    )
    make_group(world.dortmund, "Trocken leben", ["Alkoholabhängigkeit"], topic_area="addiction", status="founding")
    protected_group(world.dortmund)
    make_group(world.hamm, "Eltern stärken", ["Eltern"], topic_area="social")
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


def test_api_operations_hold_their_schema(app, world):
    """Every generated request to every documented operation: no 5xx, the response conforms to the schema,
    and all of schemathesis' default checks pass (ignored_auth among them)."""
    operations = [result.ok() for result in _schema(app, world).get_all_operations()]
    assert len(operations) >= 2
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):  # type: ignore[no-untyped-def]
            case.call_and_validate()

        run()
