"""Password-reset mails, looked up and sent in the worker: the web request answers the same, in the same
time, for known and unknown addresses (issue 17, point 7)."""

from __future__ import annotations

from celery import shared_task
from flask_babel import force_locale

from saas.auth import operations as ops
from saas.extensions import db

RESET_TASK = "lotse.auth.password_reset"


@shared_task(name=RESET_TASK, acks_late=True)
def password_reset(email: str, locale: str = "de") -> bool:
    user = ops.find_user(email)
    if user is None or not user.active:
        return False
    with force_locale(locale if locale in ("de", "en") else "de"):  # the language the request was made in
        ops.send_password_reset(user)
    db.session.commit()  # the mail is queued after this commit
    return True
