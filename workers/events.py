"""Beat tasks for events: the minimum check at the decision date, waitlist offers that lapse, reminders
two days before, and deleting participants' personal data 30 days after an event.

Each task is ``each_office(lock, step)`` (saas.core.periodic); the steps are idempotent (``saas.events.lifecycle``).
"""

from __future__ import annotations

from typing import Any

from celery import shared_task

from saas.core.periodic import each_office
from saas.events import lifecycle


@shared_task(name="lotse.events.check_minimums", acks_late=True)
def check_minimums() -> dict[str, Any]:
    return each_office("events-check-minimums", lifecycle.check_minimums)


@shared_task(name="lotse.events.expire_offers", acks_late=True)
def expire_offers() -> dict[str, Any]:
    return each_office("events-expire-offers", lifecycle.expire_offers)


@shared_task(name="lotse.events.send_reminders", acks_late=True)
def send_reminders() -> dict[str, Any]:
    return each_office("events-send-reminders", lifecycle.send_reminders)


@shared_task(name="lotse.events.purge_personal_data", acks_late=True)
def purge_personal_data() -> dict[str, Any]:
    return each_office("events-purge-personal-data", lifecycle.purge_personal_data)
