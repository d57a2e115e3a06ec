"""Password-reset mails, looked up and sent in the worker: the web request answers the same, in the same
time, for known and unknown addresses (issue 17, point 7)."""

from __future__ import annotations

from celery import shared_task

from saas.auth import operations as ops
from saas.extensions import db


@shared_task(name="lotse.auth.password_reset", acks_late=True)
def password_reset(email: str, locale: str = "de") -> bool:
    sent = ops.send_reset_if_known(email, locale)
    db.session.commit()  # the mail is queued after this commit
    return sent
