"""The funding reminders in a real Celery worker process, on the night the clocks go back."""

from __future__ import annotations

import datetime as dt

from tests.grouparea.helpers import ADDRESS, huckarde
from tests.grouparea.test_funding import _granted_gkv
from workers.grouparea import funding_reminders


def test_worker_sends_the_reminder_on_the_local_day_across_the_dst_change(world, celery_worker, outbox):
    """Run by the worker at 00:10 office time on 25 October 2026 (still 24 October in UTC), is the
    one-week reminder for a 1 November deadline sent once, and nothing the next night?"""
    group = huckarde(world.dortmund)
    _granted_gkv(world.dortmund, group, proof_due=dt.date(2026, 11, 1))
    result = funding_reminders.delay(now_iso="2026-10-24T22:10:00+00:00").get(timeout=90)
    assert result["dortmund"] == 1, celery_worker.output()[-3000:]
    mails = outbox.wait_for(1, timeout=60)
    assert ADDRESS in str(mails[0]["To"]) and "01.11.2026" in str(mails[0]["Subject"])
    assert funding_reminders.delay(now_iso="2026-10-25T23:10:00+00:00").get(timeout=90)["dortmund"] == 0
