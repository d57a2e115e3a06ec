"""Beat tasks for events: the minimum check at the decision date, waitlist offers that lapse, reminders
two days before, and deleting participants' personal data 30 days after an event.

Each task takes a lock (two schedulers never run it twice at once), runs office by office inside
``tenant_context`` and commits per office; the steps themselves are idempotent (``saas.events.lifecycle``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from celery import shared_task
from sqlalchemy import select

from saas.core.locks import task_lock
from saas.core.schedule import crontab, register_periodic
from saas.events import lifecycle
from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import tenant_context

log = logging.getLogger(__name__)


def _each_office(lock_name: str, step: Callable[[Tenant], Any]) -> dict[str, Any]:
    with task_lock(lock_name, ttl_seconds=1800) as got:
        if not got:
            return {"skipped": "locked"}
        results: dict[str, Any] = {}
        for tenant_id, slug in db.session.execute(select(Tenant.id, Tenant.slug).order_by(Tenant.id)).all():
            with tenant_context(tenant_id):
                try:
                    tenant = db.session.get(Tenant, tenant_id)
                    results[slug] = step(tenant)  # type: ignore[arg-type]
                    db.session.commit()
                except Exception:
                    db.session.rollback()
                    log.exception("%s failed for office %s", lock_name, slug)  # ids only, never a person
                    results[slug] = "failed"
        return results


@shared_task(name="lotse.events.check_minimums", acks_late=True)
def check_minimums() -> dict[str, Any]:
    return _each_office("events-check-minimums", lifecycle.check_minimums)


@shared_task(name="lotse.events.expire_offers", acks_late=True)
def expire_offers() -> dict[str, Any]:
    return _each_office("events-expire-offers", lifecycle.expire_offers)


@shared_task(name="lotse.events.send_reminders", acks_late=True)
def send_reminders() -> dict[str, Any]:
    return _each_office("events-send-reminders", lifecycle.send_reminders)


@shared_task(name="lotse.events.purge_personal_data", acks_late=True)
def purge_personal_data() -> dict[str, Any]:
    return _each_office("events-purge-personal-data", lifecycle.purge_personal_data)


register_periodic("events-check-minimums", "lotse.events.check_minimums", crontab(minute=5))
register_periodic("events-expire-offers", "lotse.events.expire_offers", crontab(minute="*/15"))
register_periodic("events-send-reminders", "lotse.events.send_reminders", crontab(minute=20, hour="7-20"))
register_periodic("events-purge-personal-data", "lotse.events.purge_personal_data", crontab(minute=30, hour=3))
