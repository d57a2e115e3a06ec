"""Retention job of the privacy feature: the staff login log is kept for a limited time."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from flask import current_app
from sqlalchemy import delete, text

from saas.audit.models import AuthEvent
from saas.core import timeutil
from saas.core.locks import task_lock
from saas.extensions import db, rowcount
from saas.privacy.retention import RULES_BY_KEY
from tenants import rls
from tenants.scoping import cross_tenant


@shared_task(name="lotse.privacy.purge_auth_events", acks_late=True)
def purge_auth_events(now_iso: str | None = None) -> int:
    """Delete login events older than the retention period (platform-wide: logins belong to people, not
    to one office). The app role may only append to the audit tables; on PostgreSQL the deletion is the
    SECURITY DEFINER function ``lotse_purge_auth_events`` (owned by the schema owner), which never deletes
    an event younger than 30 days."""
    now = dt.datetime.fromisoformat(now_iso) if now_iso else timeutil.now()
    cutoff = now - dt.timedelta(days=RULES_BY_KEY["auth_events"].default_days)
    with task_lock("privacy-purge-auth-events") as got:
        if not got:
            return 0
        if rls.uses_stats_connection(current_app.config["SQLALCHEMY_DATABASE_URI"]):
            deleted = db.session.scalar(text("SELECT lotse_purge_auth_events(:cutoff)"), {"cutoff": cutoff})
            db.session.commit()
            return int(deleted or 0)
        with cross_tenant("retention: purge old login events"):
            deleted = rowcount(db.session.execute(delete(AuthEvent).where(AuthEvent.created_at < cutoff)))
            db.session.commit()
    return deleted or 0
