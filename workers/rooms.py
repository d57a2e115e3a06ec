"""Beat task for rooms: a daily note to each office about recurring bookings that run out soon."""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from sqlalchemy import select

from saas.core.locks import task_lock
from saas.core.schedule import crontab, register_periodic
from saas.extensions import db
from saas.rooms.renewals import notify_expiring
from tenants.models import Tenant
from tenants.scoping import tenant_context

log = logging.getLogger(__name__)


@shared_task(name="lotse.rooms.notify_expiring", acks_late=True)
def notify_expiring_bookings() -> dict[str, Any]:
    with task_lock("rooms-notify-expiring", ttl_seconds=1800) as got:
        if not got:
            return {"skipped": "locked"}
        results: dict[str, Any] = {}
        for tenant_id, slug in db.session.execute(select(Tenant.id, Tenant.slug).order_by(Tenant.id)).all():
            with tenant_context(tenant_id):
                try:
                    results[slug] = notify_expiring(db.session.get(Tenant, tenant_id))  # type: ignore[arg-type]
                    db.session.commit()
                except Exception:
                    db.session.rollback()
                    log.exception("rooms-notify-expiring failed for office %s", slug)
                    results[slug] = "failed"
        return results


register_periodic("rooms-notify-expiring", "lotse.rooms.notify_expiring", crontab(minute=45, hour=6))
