"""The association aggregation task: nightly (beat) and on demand (dashboard button, CLI).

The work is :func:`saas.association.aggregation.run`; this task only retries a requested run while
another one holds the lock.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task

from saas.association.aggregation import TASK_NAME, Busy, run


@shared_task(name=TASK_NAME, bind=True, acks_late=True, max_retries=20)
def aggregate(
    self: Any, association_id: int | None = None, run_id: int | None = None, trigger: str = "nightly"
) -> int | None:
    try:
        return run(association_id, run_id, trigger).id
    except Busy:
        if trigger == "nightly":
            return None  # the running one covers it
        # Asked for by a person: the run stays queued and is tried again shortly.
        raise self.retry(countdown=15, kwargs={"association_id": association_id, "run_id": run_id, "trigger": trigger})
