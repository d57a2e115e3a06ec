"""Beat tasks of the group area: funding reminders (daily) and clearing used sign-in links.

The reminder day is the office's local calendar day (Europe/Berlin), not the UTC date, so a reminder
"7 days before" goes out on the same local day on both sides of a DST change. ``now_iso`` lets a test
(or an operator catching up) run the job as of another moment.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from celery import shared_task
from sqlalchemy import select

from saas.core.locks import task_lock
from saas.core.recurrence import DEFAULT_TZ
from saas.core.schedule import crontab, register_periodic
from saas.extensions import db
from saas.grouparea import funding, session
from tenants.models import Tenant
from tenants.scoping import tenant_context

log = logging.getLogger(__name__)


def local_day(now: dt.datetime) -> dt.date:
    return now.astimezone(ZoneInfo(DEFAULT_TZ)).date()


def _each_office(lock_name: str, step: Any) -> dict[str, Any]:
    with task_lock(lock_name, ttl_seconds=1800) as got:
        if not got:
            return {"skipped": "locked"}
        results: dict[str, Any] = {}
        for tenant_id, slug in db.session.execute(select(Tenant.id, Tenant.slug).order_by(Tenant.id)).all():
            with tenant_context(tenant_id):
                try:
                    results[slug] = step(db.session.get(Tenant, tenant_id))
                    db.session.commit()
                except Exception:
                    db.session.rollback()
                    log.exception("%s failed for office %s", lock_name, slug)  # ids only, never a person
                    results[slug] = "failed"
        return results


@shared_task(name="lotse.grouparea.funding_reminders", acks_late=True)
def funding_reminders(now_iso: str | None = None) -> dict[str, Any]:
    now = dt.datetime.fromisoformat(now_iso) if now_iso else dt.datetime.now(dt.UTC)
    today = local_day(now)
    return _each_office("grouparea-funding-reminders", lambda tenant: funding.send_due_reminders(tenant, today))


@shared_task(name="lotse.grouparea.purge_tokens", acks_late=True)
def purge_tokens() -> dict[str, Any]:
    return _each_office("grouparea-purge-tokens", lambda tenant: session.purge_tokens())


# Every morning at 07:10 office time (beat runs in Europe/Berlin): mails arrive in the working day.
register_periodic("grouparea-funding-reminders", "lotse.grouparea.funding_reminders", crontab(minute=10, hour=7))
register_periodic("grouparea-purge-tokens", "lotse.grouparea.purge_tokens", crontab(minute=40, hour=3))
