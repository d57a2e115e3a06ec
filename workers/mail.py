"""Mail delivery task: the worker hands a prepared message to the MAIL_URL backend."""

from __future__ import annotations

from celery import Task, shared_task

from saas.core.mail import TemporaryMailError, deliver


@shared_task(
    name="lotse.mail.send",
    bind=True,
    acks_late=True,
    autoretry_for=(TemporaryMailError,),
    retry_backoff=30,
    retry_backoff_max=1800,
    max_retries=8,
)
def send_email(self: Task, message: str) -> None:
    deliver(message)
