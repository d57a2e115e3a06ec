"""Periodic jobs: the one office loop and the one beat schedule.

A periodic task (``workers/<feature>.py``) is one line: ``return each_office("<lock>", feature_step)``.
``each_office`` takes the lock (two schedulers never run a job twice at once), binds each office in
turn, runs the step and commits per office. A failing office is rolled back, logged (ids only, never a
person) and counted; the others still run.

``SCHEDULE`` below is every beat entry of the platform, in one place. A new periodic job: write the step
in the feature (e.g. ``saas/events/lifecycle.py``), the task in ``workers/<feature>.py``, and one line here.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from celery.schedules import crontab
from sqlalchemy import select

from saas.core.locks import task_lock
from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import tenant_context

log = logging.getLogger(__name__)

FAILED = "failed"


class OfficeResults(dict[str, Any]):
    """The step's result per office slug (``"failed"`` for an office whose step raised)."""

    @property
    def failed(self) -> int:
        return sum(1 for value in self.values() if value == FAILED)

    def total(self) -> int:
        """The sum of the offices' numeric results (e.g. mails sent)."""
        return sum(value for value in self.values() if isinstance(value, int) and not isinstance(value, bool))


def each_office(
    lock: str | None,
    step: Callable[[Tenant], Any],
    *,
    ttl_seconds: int = 1800,
    commit: bool = True,
) -> OfficeResults:
    """Run ``step(tenant)`` for every office, bound and committed one at a time; ``{"skipped": "locked"}``
    when another scheduler holds ``lock`` (``None``: the caller holds one already).

    ``commit=False`` for steps that only read (they are rolled back instead).
    """
    if lock is None:
        return _run(None, step, commit)
    with task_lock(lock, ttl_seconds=ttl_seconds) as got:
        if not got:
            return OfficeResults(skipped="locked")
        return _run(lock, step, commit)


def _run(lock: str | None, step: Callable[[Tenant], Any], commit: bool) -> OfficeResults:
    job = lock or getattr(step, "__qualname__", "periodic step")
    results = OfficeResults()
    offices = db.session.execute(select(Tenant.id, Tenant.slug).order_by(Tenant.id)).all()
    db.session.rollback()
    for tenant_id, slug in offices:
        with tenant_context(tenant_id):
            try:
                tenant = db.session.get(Tenant, tenant_id)
                if tenant is None:  # deleted since the list was read
                    continue
                results[slug] = step(tenant)
                if commit:
                    db.session.commit()
                else:
                    db.session.rollback()
            except Exception:
                db.session.rollback()
                log.exception("%s failed for office %s", job, slug)
                results[slug] = FAILED
    if results.failed:
        log.warning("%s: %s of %s offices failed", job, results.failed, len(results))
    return results


# --- the beat schedule: every periodic job of the platform -------------------------------------------


def _sweep_seconds() -> float:
    return float(os.environ.get("LOTSE_NEWSLETTER_SWEEP_SECONDS", "10"))


def schedule() -> dict[str, dict[str, Any]]:
    """Celery beat's ``beat_schedule``: entry name → task name (``workers/<feature>.py``) and when."""
    entries: list[tuple[str, str, Any, dict[str, Any]]] = [
        ("events-check-minimums", "lotse.events.check_minimums", crontab(minute=5), {}),
        ("events-expire-offers", "lotse.events.expire_offers", crontab(minute="*/15"), {}),
        ("events-send-reminders", "lotse.events.send_reminders", crontab(minute=20, hour="7-20"), {}),
        ("events-purge-personal-data", "lotse.events.purge_personal_data", crontab(minute=30, hour=3), {}),
        ("rooms-notify-expiring", "lotse.rooms.notify_expiring", crontab(minute=45, hour=6), {}),
        ("directory-confirmations", "lotse.directory.send_confirmations", crontab(minute=10, hour=6), {}),
        ("directory-purge-inquiries", "lotse.directory.purge_inquiries", crontab(minute=40, hour=3), {}),
        ("directory-purge-interests", "lotse.directory.purge_interests", crontab(minute=45, hour=3), {}),
        ("founding-purge-interests", "lotse.founding.purge_interests", crontab(minute=55, hour=3), {}),
        ("newsletter-sweep", "lotse.newsletter.sweep", _sweep_seconds(), {}),
        ("newsletter-cleanup", "lotse.newsletter.cleanup", crontab(minute=15, hour=3), {}),
        ("newsletter-mailbox", "lotse.newsletter.poll_mailbox", crontab(minute="*/5"), {}),
        ("privacy-purge-auth-events", "lotse.privacy.purge_auth_events", crontab(minute=50, hour=3), {}),
        # Funding reminders in the morning, office time (beat runs in Europe/Berlin): mails arrive in the working day.
        ("grouparea-funding-reminders", "lotse.grouparea.funding_reminders", crontab(minute=10, hour=7), {}),
        ("grouparea-purge-tokens", "lotse.grouparea.purge_tokens", crontab(minute=55, hour=3), {}),
        (
            "association-aggregate-nightly",
            "lotse.association.aggregate",
            crontab(minute=30, hour=2),
            {"kwargs": {"trigger": "nightly"}},
        ),
    ]
    return {name: {"task": task, "schedule": when, **options} for name, task, when, options in entries}
