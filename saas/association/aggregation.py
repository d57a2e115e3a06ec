"""The aggregation under its locks: the count of every office, then each association's release.

The body of the nightly task, the dashboard button and the CLI. The only place in the code that reads
across offices for associations: ``read_plan()`` and the grouped contact counts run inside
``cross_tenant("association aggregation")``, opened here and nowhere else. Everything else works one
office at a time, with that office bound (see :mod:`saas.association.operations`). The tasks
(``workers/association.py``) only call :func:`run` and :func:`release`.

Two steps, two jobs. The count (:func:`run`) rebuilds the periods that changed in every office, under one
lock: it follows the changed data, so it stays a few seconds a night whatever the history. The release
(:func:`release`) refreshes one association's view of its members and releases the tables whose release
day has come (:mod:`saas.association.publish`): four days a year it solves the cell suppression of a
year's tables, which takes seconds per association, not per installation. After the nightly count each
association's release is its own task (``lotse.association.release``), under a lock of its own, so the
associations are released side by side by as many workers as run, one association's failure neither
holds back the count nor another association, and a retry repeats only that release (it is idempotent:
a released table is never released again). A run asked for by a person (dashboard button, CLI) releases
in the same job, so that it is done when it says so.
"""

from __future__ import annotations

import logging
import time

from sqlalchemy import select

from saas.association import operations as ops
from saas.association.models import AggregationRun, RunStatus
from saas.core import locks
from saas.extensions import db
from tenants.models import Association
from tenants.scoping import cross_tenant

log = logging.getLogger(__name__)
TASK_NAME = "lotse.association.aggregate"
RELEASE_TASK = "lotse.association.release"
RELEASE_LOCK_TTL_SECONDS = 600
# How long a count releasing in the same job waits for an association's release that another job runs. It
# holds the count's lock meanwhile (renewed only between steps), so a stuck release must not keep it waiting
# anywhere near ``ops.LOCK_TTL_SECONDS``: it gives up with Busy and the requested run is retried.
RELEASE_WAIT_IN_RUN_SECONDS = 15


class Busy(Exception):
    """Another job holds the lock."""


def _pause(seconds: float) -> None:
    time.sleep(seconds)


def _acquire(name: str, ttl: int, wait_seconds: float) -> str | None:
    """The lock, trying once a second for up to ``wait_seconds`` (counted in pauses, not on the clock)."""
    holder = locks.acquire(name, ttl)
    waited = 0.0
    while holder is None and waited < wait_seconds:
        _pause(1.0)
        waited += 1.0
        holder = locks.acquire(name, ttl)
    return holder


def run(
    association_id: int | None = None,
    run_id: int | None = None,
    trigger: str = "nightly",
    wait_seconds: float = 0,
    *,
    release_now: bool = True,
) -> AggregationRun:
    """One count under the lock, then (``release_now``) the release of every association in scope in the
    same job; without it the caller releases them (:func:`associations_in_scope`, the nightly task: one
    task each). Waits up to ``wait_seconds`` for a running count to finish, and up to
    ``RELEASE_WAIT_IN_RUN_SECONDS`` for an association's release that another job runs: then it raises
    :class:`Busy` (the counts are stored; with a ``run_id`` the run is queued again for the retry)."""
    holder = _acquire(ops.LOCK_NAME, ops.LOCK_TTL_SECONDS, wait_seconds)
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
            if release_now:
                for aid in plan.association_ids:
                    ops.renew_lock(holder)
                    _release(aid, plan, wait_seconds=RELEASE_WAIT_IN_RUN_SECONDS)
        except Busy:
            db.session.rollback()
            agg_run = db.session.get(AggregationRun, agg_run.id) or agg_run
            if run_id is not None:  # the worker retries this run: it is still to be done, not failed
                agg_run.status, agg_run.message = RunStatus.queued.value, "waiting for a release of another job"
                db.session.commit()
            else:
                ops.end_run(agg_run, RunStatus.failed, "Busy: a release of another job")
            raise
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


def associations_in_scope(association_id: int | None) -> list[int]:
    """The associations a count of ``association_id`` (None: all) is released for."""
    if association_id is not None:
        return [association_id]
    return list(db.session.scalars(select(Association.id).order_by(Association.id)))


def release(association_id: int, wait_seconds: float = 0) -> list[int]:
    """The release of one association as its own job: its members' view and the tables due, from the
    counts stored now. Returns the years whose served report changed. Raises :class:`Busy` if another
    release of this association holds its lock beyond ``wait_seconds``."""
    with cross_tenant("association release: the members and their figures"):
        members = ops.read_members(association_id)
    if association_id not in members.association_ids:
        return []  # the association is gone
    return _release(association_id, members, wait_seconds)


def _release(association_id: int, plan: ops.Members, wait_seconds: float) -> list[int]:
    from saas.association import publish

    name = f"{RELEASE_TASK}:{association_id}"
    holder = _acquire(name, RELEASE_LOCK_TTL_SECONDS, wait_seconds)
    if holder is None:
        raise Busy()
    try:
        years = publish.refresh_association(plan, association_id)
    except BaseException:
        db.session.rollback()
        raise
    finally:
        locks.release(name, holder)
    if years:
        log.info("association release done association_id=%s years=%s", association_id, years)
    return years
