"""Founding tasks: delete interested people after the office's retention period.

Thin: a lock, a commit per office; the operation is safe to repeat.
"""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from sqlalchemy import select

from saas.core.locks import task_lock
from saas.core.schedule import crontab, register_periodic
from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import cross_tenant, tenant_context


@shared_task(name="lotse.founding.purge_interests", acks_late=True)
def purge_interests(now_iso: str | None = None) -> int:
    """Delete interested people whose founding process ended (or who withdrew) beyond the retention period."""
    from saas.founding import operations as ops

    now = dt.datetime.fromisoformat(now_iso) if now_iso else None
    deleted = 0
    with task_lock("founding-purge-interests") as got:
        if not got:
            return 0
        with cross_tenant("founding purge iterates over offices"):
            tenant_ids = list(db.session.scalars(select(Tenant.id).order_by(Tenant.id)))
        for tenant_id in tenant_ids:
            with tenant_context(tenant_id):
                deleted += ops.purge_closed_interests(now)
                db.session.commit()
    return deleted


register_periodic("founding-purge-interests", "lotse.founding.purge_interests", crontab(minute=50, hour=3))
