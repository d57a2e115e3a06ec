"""Beat task for rooms: a daily note to each office about recurring bookings that run out soon."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from saas.core.periodic import each_office
from saas.rooms.renewals import notify_expiring


@shared_task(name="lotse.rooms.notify_expiring", acks_late=True)
def notify_expiring_bookings() -> dict[str, Any]:
    return each_office("rooms-notify-expiring", notify_expiring)
