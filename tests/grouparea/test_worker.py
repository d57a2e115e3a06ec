"""The funding reminders in a real Celery worker process, on the night the clocks go back."""

from __future__ import annotations

import datetime as dt
import re
import time

from sqlalchemy import func, select

from saas.extensions import db
from saas.grouparea.models import FundingReminder
from tenants.scoping import tenant_context
from tests.grouparea.helpers import ADDRESS, huckarde
from tests.grouparea.test_funding import _granted_gkv
from workers.grouparea import funding_reminders


def _reminders(tenant) -> int:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        db.session.expire_all()
        count = db.session.scalar(select(func.count(FundingReminder.id)))
        db.session.rollback()
        return count


def test_worker_sends_the_reminder_on_the_local_day_across_the_dst_change(world, celery_worker, outbox):
    """Run by the worker at 00:10 office time on 25 October 2026 (still 24 October in UTC), is the
    one-week reminder for a 1 November deadline sent once, and nothing the next night?"""
    group = huckarde(world.dortmund)
    _granted_gkv(world.dortmund, group, proof_due=dt.date(2026, 11, 1))
    funding_reminders.delay(now_iso="2026-10-24T22:10:00+00:00")
    mails = outbox.wait_for(1, timeout=90)
    assert ADDRESS in str(mails[0]["To"]) and "01.11.2026" in str(mails[0]["Subject"]), celery_worker.output()[-2000:]
    assert _reminders(world.dortmund) == 1

    funding_reminders.delay(now_iso="2026-10-25T23:10:00+00:00")  # 26 Oct 00:10 CET: nothing due
    funding_reminders.delay(now_iso="2026-10-24T22:10:00+00:00")  # the same night again: already sent
    deadline = time.time() + 60
    while time.time() < deadline and _succeeded(celery_worker) < 3:
        time.sleep(0.3)
    assert _succeeded(celery_worker) == 3, celery_worker.output()[-2000:]
    assert _reminders(world.dortmund) == 1 and len(outbox.messages()) == 1


def _succeeded(worker) -> int:  # type: ignore[no-untyped-def]
    return len(re.findall(r"Task lotse\.grouparea\.funding_reminders\[[^]]+\] succeeded", worker.output()))
