"""One aggregation run under the lock: the body of the nightly task, the dashboard button and the CLI.

The only place in the code that reads across offices for associations: ``read_plan()`` and the
grouped contact counts run inside ``cross_tenant("association aggregation")``, opened here and
nowhere else. Everything else works one office at a time, with that office bound (see
:mod:`saas.association.operations`). The task (``workers/association.py``) only calls :func:`run`.
"""

from __future__ import annotations

import logging
import time

from saas.association import operations as ops
from saas.association.models import AggregationRun, RunStatus
from saas.core import locks
from saas.extensions import db
from tenants.scoping import cross_tenant

log = logging.getLogger(__name__)
TASK_NAME = "lotse.association.aggregate"


class Busy(Exception):
    """Another aggregation holds the lock."""


def run(
    association_id: int | None = None, run_id: int | None = None, trigger: str = "nightly", wait_seconds: float = 0
) -> AggregationRun:
    """One aggregation under the lock. Waits up to ``wait_seconds`` for a running one to finish."""
    deadline = time.monotonic() + wait_seconds
    holder = locks.acquire(ops.LOCK_NAME, ops.LOCK_TTL_SECONDS)
    while holder is None and time.monotonic() < deadline:
        time.sleep(1)
        holder = locks.acquire(ops.LOCK_NAME, ops.LOCK_TTL_SECONDS)
    if holder is None:
        if trigger == "nightly":
            skipped = ops.start_run(run_id, association_id, trigger)
            ops.end_run(skipped, RunStatus.skipped, "another aggregation is running")
        raise Busy()  # a requested run stays queued and is retried
    try:
        agg_run = ops.start_run(run_id, association_id, trigger)
        try:
            with cross_tenant("association aggregation"):
                plan = ops.read_plan(association_id)
            ops.apply_plan(
                plan,
                agg_run,
                cross_office=lambda: cross_tenant("association aggregation"),
                renew_lock=lambda: ops.renew_lock(holder),
            )
        except BaseException as exc:
            db.session.rollback()
            agg_run = db.session.get(AggregationRun, agg_run.id) or agg_run
            ops.end_run(agg_run, RunStatus.failed, type(exc).__name__)
            raise
        ops.end_run(agg_run, RunStatus.done, f"{agg_run.periods} periods")
        log.info("association aggregation done run_id=%s periods=%s", agg_run.id, agg_run.periods)
        return agg_run
    finally:
        locks.release(ops.LOCK_NAME, holder)
