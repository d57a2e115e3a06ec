"""The transactional outbox of the sending machinery: job rows → broker messages.

A SendJob row is committed in the same transaction as the change that needs it (``queue_issue``, the
plan, a finished batch). Only after the commit is the broker rung (``after_commit`` → ``dispatch``); the
task therefore never runs before its rows exist. If the process dies between commit and ring, or the
broker loses the message, or the worker holding a job dies, the sweeper (beat, ``sweep``) rings again:
nothing depends on a message surviving. A message too many is harmless: a task that cannot claim its job
(done, or leased by a live worker) returns at once.
"""

from __future__ import annotations

import logging
import os
import time
from collections import defaultdict

from flask import current_app
from sqlalchemy import case, select, update

from saas.core.aftercommit import after_commit
from saas.core.tasks import send as send_task
from saas.extensions import db, table_of
from saas.newsletter.models import JobKind, JobState, SendJob
from tenants.models import Tenant
from tenants.scoping import tenant_context

log = logging.getLogger(__name__)


def setting(name: str, default: float) -> float:
    """Sending parameters: app config ``NEWSLETTER_<NAME>``, else env ``LOTSE_NEWSLETTER_<NAME>``, else default."""
    value = current_app.config.get(f"NEWSLETTER_{name}") if current_app else None
    if value is None:
        value = os.environ.get(f"LOTSE_NEWSLETTER_{name}")
    return float(value) if value not in (None, "") else default


def lease_seconds() -> float:
    return setting("LEASE_SECONDS", 60.0)


def window() -> int:
    """How many batches of one issue may be queued or running at once (fairness between offices)."""
    return int(setting("WINDOW", 4))


def redispatch_seconds() -> float:
    """A queued job not claimed within this time is assumed lost in the broker and rung again."""
    return setting("REDISPATCH_SECONDS", 120.0)


def dispatch(tenant_id: int, job_ids: list[int]) -> None:
    """Ring the broker for committed jobs, then note it. Never raises: the sweeper retries what failed.

    The note is conditional on the job's claim count being unchanged: a worker may have claimed, run and
    released the job before we get here (an eager run always does), and its state must win.
    """
    table = table_of(SendJob)
    for job_id in job_ids:
        with tenant_context(tenant_id), db.engine.begin() as conn:
            claims = conn.execute(
                select(table.c.claims).where(table.c.id == job_id, table.c.tenant_id == tenant_id)
            ).scalar()
        if claims is None:
            continue
        try:
            send_task("lotse.newsletter.run_job", job_id, tenant_id)
        except Exception:  # broker down: the job row stays as it is and the sweeper rings again
            log.exception("newsletter: could not queue job %s", job_id)
            continue
        with tenant_context(tenant_id), db.engine.begin() as conn:
            conn.execute(
                update(table)
                .where(
                    table.c.id == job_id,
                    table.c.tenant_id == tenant_id,
                    table.c.claims == claims,
                    table.c.state != JobState.done.value,
                )
                .values(
                    state=case((table.c.state == JobState.pending.value, JobState.queued.value), else_=table.c.state),
                    dispatched_at=time.time(),
                )
            )


def dispatch_after_commit(tenant_id: int, job_ids: list[int]) -> None:
    after_commit(lambda: dispatch(tenant_id, list(job_ids)))


def due_jobs(jobs: list[SendJob], at: float) -> list[int]:
    """Which of an office's unfinished jobs need a (new) message now."""
    stale_after = redispatch_seconds()
    by_issue: dict[int, list[SendJob]] = defaultdict(list)
    for job in jobs:
        by_issue[job.issue_id].append(job)
    due: list[int] = []
    for issue_jobs in by_issue.values():
        inflight = 0
        for job in issue_jobs:
            if job.kind == JobKind.batch and job.state in (JobState.queued, JobState.running):
                inflight += 1
        for job in sorted(issue_jobs, key=lambda j: j.id):
            if job.not_before > at:
                continue
            dispatched = job.dispatched_at or 0.0
            if job.state == JobState.running:
                lease = job.lease_until or 0.0
                # The holder died (lease lapsed): ring once per lapse, and again if that ring got lost.
                if lease < at and (dispatched < lease or dispatched < at - stale_after):
                    due.append(job.id)
            elif job.state == JobState.queued:
                if dispatched < at - stale_after:
                    due.append(job.id)
            elif job.state == JobState.pending:
                if job.kind == JobKind.plan:
                    due.append(job.id)
                elif inflight < window():
                    due.append(job.id)
                    inflight += 1
    return due


def sweep(at: float | None = None) -> int:
    """Ring for every job that needs it, office by office (never a cross-office query). Returns the count."""
    from saas.core.periodic import each_office

    moment = time.time() if at is None else at

    def ring(tenant: Tenant) -> int:
        jobs = list(db.session.scalars(select(SendJob).where(SendJob.state != JobState.done)))
        ids = due_jobs(jobs, moment)
        db.session.rollback()
        if ids:
            dispatch(tenant.id, ids)
        return len(ids)

    # The task holds the "newsletter-sweep" lock; nothing to commit here (dispatch notes on its own).
    return each_office(None, ring, commit=False).total()


def next_batches(issue_id: int, free_slots: int) -> list[int]:
    """Pending batch jobs of an issue to ring now that a slot of the window is free (office bound)."""
    if free_slots <= 0:
        return []
    return list(
        db.session.scalars(
            select(SendJob.id)
            .where(
                SendJob.issue_id == issue_id,
                SendJob.kind == JobKind.batch,
                SendJob.state == JobState.pending,
                SendJob.not_before <= time.time(),
            )
            .order_by(SendJob.id)
            .limit(free_slots)
        )
    )


def inflight_batches(issue_id: int) -> int:
    return len(
        db.session.scalars(
            select(SendJob.id).where(
                SendJob.issue_id == issue_id,
                SendJob.kind == JobKind.batch,
                SendJob.state.in_((JobState.queued, JobState.running)),
            )
        ).all()
    )
