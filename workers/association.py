"""The association tasks: the count (nightly by beat, and on demand: dashboard button, CLI) and, after the
nightly count, one release task per association.

The work is :func:`saas.association.aggregation.run` and :func:`~saas.association.aggregation.release`;
these tasks only fan the releases out and retry a requested job while another one holds its lock.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task

from saas.association.aggregation import RELEASE_TASK, TASK_NAME, Busy, associations_in_scope, release, run
from saas.core.tasks import send


@shared_task(name=TASK_NAME, bind=True, acks_late=True, max_retries=20)
def aggregate(
    self: Any, association_id: int | None = None, run_id: int | None = None, trigger: str = "nightly"
) -> int | None:
    nightly = trigger == "nightly"
    try:
        # Asked for by a person: counted and released in this job, so the run is done when it says so.
        done = run(association_id, run_id, trigger, release_now=not nightly)
    except Busy:
        if nightly:
            return None  # the running one covers it
        # Asked for by a person: the run stays queued and is tried again shortly.
        raise self.retry(countdown=15, kwargs={"association_id": association_id, "run_id": run_id, "trigger": trigger})
    if nightly:
        for aid in associations_in_scope(association_id):
            send(RELEASE_TASK, association_id=aid)
    return done.id


@shared_task(name=RELEASE_TASK, bind=True, acks_late=True, max_retries=20)
def release_association(self: Any, association_id: int) -> list[int]:
    """One association's release after the nightly count (idempotent: a released table is never released
    again, so a retry or a duplicate delivery changes nothing)."""
    try:
        return release(association_id)
    except Busy:
        raise self.retry(countdown=15, kwargs={"association_id": association_id})
