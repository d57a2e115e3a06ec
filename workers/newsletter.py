"""Newsletter tasks: run a send job (plan or batch), sweep the outbox, delete unconfirmed sign-ups.

Why nothing is lost, and why a kill costs at most one duplicate
=================================================================

``acks_late=True``: the broker message is acknowledged only after the task returned, so a worker that
dies mid-batch leaves the message unacknowledged. ``task_reject_on_worker_lost=True``: when the pool
*child* dies (SIGKILL, OOM) while its parent lives, the parent rejects the message with requeue, and it
is redelivered at once. When the whole worker dies (process group killed, machine gone) nobody rejects —
and with ``--pool=threads`` (one process, the setup bench/newsletter_send.py measures) every kill is that:

* on Redis the message sits in the ``unacked`` hash and is restored to the queue only once the
  ``visibility_timeout`` has passed (``LOTSE_VISIBILITY_TIMEOUT``, 300 s in production, 20 s in tests);
  a task that runs longer than the visibility timeout is *also* redelivered while it still runs;
* on the embedded filesystem broker a fetched message is gone: there is no redelivery at all.

So the broker is treated as a doorbell, not as the record. The record is the database:

* ``SendJob`` rows are the transactional outbox. They are committed together with the change that needs
  them and only then rung (``after_commit``). A task can therefore never run before its rows exist, and a
  process dying right after the commit leaves a ``pending`` row that the sweeper (beat, every few seconds)
  rings. A lost message (filesystem broker, flushed Redis) is rung again once the job stayed ``queued``
  for ``LOTSE_NEWSLETTER_REDISPATCH_SECONDS``; a job whose holder died is rung again once its lease
  (``LOTSE_NEWSLETTER_LEASE_SECONDS``) lapsed — usually before Redis' own redelivery would arrive.
* A job is run only under a lease (holder + expiry, renewed while sending). A second message for the
  same job — Redis redelivering a long task, the sweeper ringing twice — finds the lease held and
  returns; a stalled holder that lost its lease claims nothing more (each mail's claim is fenced by the
  lease, in the same statement) and stops: at most the one mail it had in hand goes out twice.
  This is what makes the redeliveries of ``acks_late`` harmless instead of doubling a batch.
* ``Delivery`` rows are the ledger (see saas/newsletter/sending.py): one commit per mail marks the
  previous mail ``sent`` and claims the next. A kill between SMTP's ``250`` and that commit leaves one
  mail ``sending``; the retry sends it again with the same Message-ID. Hence: no subscriber lost, at most
  one duplicate per kill, and every copy identical.
* Retries with back-off (SMTP 4xx, connection loss) are not Celery countdowns: an ETA task longer than
  the visibility timeout would be redelivered by Redis early and repeatedly. The job row gets
  ``not_before`` instead and the sweeper rings when it is due.
"""

from __future__ import annotations

import logging

from celery import shared_task

from saas.core.locks import task_lock
from saas.core.periodic import each_office
from saas.extensions import db
from tenants.scoping import tenant_context

log = logging.getLogger(__name__)


@shared_task(name="lotse.newsletter.run_job", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def run_job(job_id: int, tenant_id: int) -> str:
    from saas.newsletter import sending

    with tenant_context(tenant_id):
        try:
            outcome = sending.run(job_id)
        finally:
            db.session.rollback()
    log.info("newsletter job %s: %s", job_id, outcome)
    return outcome


@shared_task(name="lotse.newsletter.sweep", ignore_result=True)
def sweep() -> int:
    from saas.newsletter.outbox import sweep as sweep_outbox

    with task_lock("newsletter-sweep", ttl_seconds=120) as got:
        if not got:
            return 0
        return sweep_outbox()


@shared_task(name="lotse.newsletter.cleanup", ignore_result=True)
def cleanup_unconfirmed() -> int:
    """Delete sign-ups not confirmed within 7 days, office by office; then old bounce fingerprints."""
    from saas.newsletter import operations as ops

    with task_lock("newsletter-cleanup") as got:
        if not got:
            return 0
        deleted = each_office(None, lambda _tenant: ops.cleanup_unconfirmed()).total()
        ops.purge_inbound_fingerprints()
        db.session.commit()
    log.info("newsletter cleanup: %s unconfirmed sign-ups deleted", deleted)
    return deleted


@shared_task(name="lotse.newsletter.poll_mailbox", ignore_result=True)
def poll_mailbox() -> int:
    """Read the bounce mailbox (if ``BOUNCE_MAILBOX_URL`` is set); returns the mails acted on."""
    from flask import current_app

    from saas.newsletter.mailbox import MailboxError, poll

    if not current_app.config.get("BOUNCE_MAILBOX_URL"):
        return 0
    with task_lock("newsletter-mailbox", ttl_seconds=600) as got:
        if not got:
            return 0
        try:
            return poll().processed
        except MailboxError as exc:
            log.warning("bounce mailbox not read: %s", exc)  # the next poll tries again
            return 0
