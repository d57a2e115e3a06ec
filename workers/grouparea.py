"""Group-area tasks: funding reminders (daily) and deleting old sign-in links (nightly).

The reminder day is the offices' local calendar day (``saas.core.timeutil.OFFICE_TZ``), not the UTC date,
so a reminder "7 days before" goes out on the same local day on both sides of a DST change. ``now_iso``
lets a test (or an operator catching up) run the job as of another moment.
"""

from __future__ import annotations

import datetime as dt

from celery import shared_task

from saas.core import timeutil
from saas.core.periodic import each_office
from saas.core.timeutil import OFFICE_TZ
from saas.grouparea import funding, session


def local_day(now: dt.datetime) -> dt.date:
    return now.astimezone(OFFICE_TZ).date()


@shared_task(name="lotse.grouparea.funding_reminders", acks_late=True)
def funding_reminders(now_iso: str | None = None) -> int:
    """Remind groups 28 and 7 days before each funding deadline; returns how many groups were reminded."""
    now = dt.datetime.fromisoformat(now_iso) if now_iso else timeutil.now()
    today = local_day(now)
    return each_office("grouparea-funding-reminders", lambda tenant: funding.send_due_reminders(tenant, today)).total()


@shared_task(name="lotse.grouparea.purge_tokens", acks_late=True)
def purge_tokens() -> int:
    return each_office("grouparea-purge-tokens", lambda _tenant: session.purge_tokens()).total()
