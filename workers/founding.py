"""Founding tasks: delete interested people after the office's retention period (saas.founding.operations)."""

from __future__ import annotations

import datetime as dt

from celery import shared_task

from saas.core.periodic import each_office
from saas.founding import operations as ops


@shared_task(name="lotse.founding.purge_interests", acks_late=True)
def purge_interests(now_iso: str | None = None) -> int:
    """Delete interested people whose founding process ended (or who withdrew) beyond the retention period."""
    now = dt.datetime.fromisoformat(now_iso) if now_iso else None
    return each_office("founding-purge-interests", lambda _tenant: ops.purge_closed_interests(now)).total()
