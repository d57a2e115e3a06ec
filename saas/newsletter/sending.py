"""Sending an issue: the plan (recipients → ledger rows → batch jobs) and one batch (ledger → SMTP).

The ledger discipline, per mail (one commit each):

1. claim: ``status='sending', attempts+1`` — only while the subscriber is still confirmed, and in the same
   commit as step 3 of the previous mail and the job's lease renewal;
2. hand the mail to SMTP (deterministic Message-ID: every copy is the same mail);
3. ``status='sent'`` — committed together with the next claim (or alone after the last mail).

A worker killed after step 2 and before the commit of step 3 leaves exactly one row in ``sending``: the
retried batch sends it again (a duplicate with the same Message-ID) — SMTP cannot tell us whether the 250
arrived before the kill, and losing the mail is worse than a second copy. Everything before it is ``sent``
(skipped on retry), everything after it ``pending`` (never handed over). So a kill costs at most one
duplicate, and no subscriber is lost.

The job lease fences concurrent runs of one batch (a redelivered message while the first holder still
works, or a stalled holder waking up): a holder renews the lease before it sends once a third of it has
passed, and stops the moment the renewal finds another holder.
"""

from __future__ import annotations

import logging
import smtplib
import time
import uuid
from pathlib import Path
from urllib.parse import unquote, urlsplit

from flask import current_app
from sqlalchemy import and_, case, func, insert, or_, select, text, update

from saas.core.mail import TemporaryMailError, smtp_connection
from saas.extensions import db
from saas.newsletter import bounces, mails, outbox
from saas.newsletter import operations as ops
from saas.newsletter.blocks import render_blocks
from saas.newsletter.models import (
    Delivery,
    DeliveryStatus,
    Issue,
    IssueStatus,
    JobKind,
    JobState,
    NewsletterSettings,
    SendJob,
    Subscriber,
    SubscriberStatus,
)
from saas.newsletter.outbox import inflight_batches, lease_seconds, next_batches, setting, window
from saas.newsletter.render import render_body
from tenants.models import Tenant

log = logging.getLogger(__name__)

OPEN = (DeliveryStatus.pending, DeliveryStatus.sending, DeliveryStatus.deferred)
BACKOFF = [30, 60, 120, 300, 600, 1200, 1800, 1800]  # seconds; then the batch's open mails are failed
MAX_CLAIMS = 25  # a batch whose worker died this often is given up (its open mails marked failed)
MAX_ATTEMPTS = 5  # per mail, for temporary refusals of one recipient


def batch_size() -> int:
    return max(1, int(setting("BATCH_SIZE", 100)))


class LeaseLost(Exception):
    """Another worker holds this job now; stop without touching it."""


class ConnectionProblem(Exception):
    """The relay is unreachable or dropped the connection: retry the batch later."""


class RecipientProblem(Exception):
    def __init__(self, code: int, message: str, permanent: bool, at_rcpt: bool) -> None:
        super().__init__(message)
        self.code, self.permanent, self.at_rcpt = code, permanent, at_rcpt


# --- transports ------------------------------------------------------------------------------------


class FileTransport:
    """MAIL_URL=file://DIR: one .eml per mail, written atomically (embedded mode)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def send(self, sender: str, recipient: str, raw: bytes) -> None:
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:12]}.eml"
        tmp = self.folder / f".{name}.tmp"
        tmp.write_bytes(raw)
        tmp.rename(self.folder / name)

    def close(self) -> None:
        pass


class SmtpTransport:
    """One SMTP connection per batch; a dropped connection retries the batch later (back-off)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        try:
            return smtp_connection(self.url)
        except TemporaryMailError as exc:
            raise ConnectionProblem(str(exc)) from exc

    def send(self, sender: str, recipient: str, raw: bytes) -> None:
        if self.smtp is None:
            self.smtp = self._connect()
        try:
            self.smtp.sendmail(sender, [recipient], raw)
        except smtplib.SMTPRecipientsRefused as exc:
            code, message = next(iter(exc.recipients.values()))
            raise RecipientProblem(code, _text(message), 500 <= code < 600, at_rcpt=True) from exc
        except smtplib.SMTPSenderRefused as exc:
            raise ConnectionProblem(f"{exc.smtp_code} {_text(exc.smtp_error)}") from exc
        except smtplib.SMTPResponseException as exc:
            code = exc.smtp_code
            raise RecipientProblem(code, _text(exc.smtp_error), 500 <= code < 600, at_rcpt=False) from exc
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise ConnectionProblem(str(exc) or type(exc).__name__) from exc

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.smtp.close()
            self.smtp = None


def _text(value: bytes | str) -> str:
    """An SMTP answer as text, without the recipient's address (it ends up in logs and delivery rows)."""
    from saas.core.mail import redact_addresses

    return redact_addresses(value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value))


def open_transport() -> FileTransport | SmtpTransport:
    url = current_app.config["MAIL_URL"]
    parts = urlsplit(url)
    if parts.scheme == "file":
        return FileTransport(Path(unquote(parts.netloc + parts.path)))
    return SmtpTransport(url)


# --- pacing: a shared cursor per office ------------------------------------------------------------


class RateGate:
    """At most ``rate`` mails per second per office, across all workers.

    Workers reserve slots in small chunks by moving the office's cursor forward atomically (one UPDATE on
    the settings row), then pace themselves locally within their slots.
    """

    def __init__(self, tenant_id: int, rate: float) -> None:
        self.tenant_id = tenant_id
        self.rate = rate
        self.chunk = max(1, min(int(rate / 4), 50)) if rate > 0 else 0
        self.slots: list[float] = []

    def _reserve(self) -> None:
        span = self.chunk / self.rate
        table = NewsletterSettings.__table__
        at = time.time()
        with db.engine.begin() as conn:
            conn.execute(
                update(table)
                .where(table.c.tenant_id == self.tenant_id)
                .values(rate_cursor=case((table.c.rate_cursor < at, at), else_=table.c.rate_cursor) + span)
            )
            end = conn.execute(select(table.c.rate_cursor).where(table.c.tenant_id == self.tenant_id)).scalar_one()
        start = end - span
        self.slots = [start + i / self.rate for i in range(self.chunk)]

    def wait(self) -> None:
        if self.rate <= 0:
            return
        if not self.slots:
            self._reserve()
        slot = self.slots.pop(0)
        delay = slot - time.time()
        if delay > 0:
            time.sleep(delay)


# --- claiming a job --------------------------------------------------------------------------------


def claim(job_id: int) -> tuple[SendJob, str] | None:
    """Take the job's lease if it is free (never claimed, released, or its holder died)."""
    holder = uuid.uuid4().hex
    at = time.time()
    result = db.session.execute(
        update(SendJob)
        .where(
            SendJob.id == job_id,
            SendJob.state != JobState.done,
            SendJob.not_before <= at,
            (SendJob.state.in_((JobState.pending, JobState.queued))) | (SendJob.lease_until < at),
        )
        .values(state=JobState.running, holder=holder, lease_until=at + lease_seconds(), claims=SendJob.claims + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if result.rowcount != 1:
        return None
    job = db.session.get(SendJob, job_id)
    return (job, holder) if job is not None else None


def run(job_id: int) -> str:
    """Run one job (office bound). Returns what happened, for logs and tests."""
    claimed = claim(job_id)
    if claimed is None:
        return "not claimed"
    job, holder = claimed
    if job.claims > MAX_CLAIMS:
        _give_up(job, "Versand dieses Teils wurde zu oft unterbrochen")
        return "given up"
    if job.kind == JobKind.plan:
        return plan(job)
    return Batch(job, holder).run()


# --- the plan --------------------------------------------------------------------------------------


def plan(job: SendJob) -> str:
    """Fix the recipients (confirmed now), write their ledger rows and batch jobs, in one transaction."""
    issue = db.session.get(Issue, job.issue_id)
    tenant = db.session.get(Tenant, job.tenant_id)
    if issue is None or tenant is None or issue.status not in (IssueStatus.queued, IssueStatus.scheduled):
        job.state = JobState.done
        db.session.commit()
        return "nothing to plan"
    body = issue.body_md
    extra = render_blocks(tenant, list(issue.blocks or []))
    if extra:
        body = f"{body}\n\n{extra}"
    issue.html, issue.text = render_body(body)
    issue.started_at = ops.now()
    issue.status = IssueStatus.sending
    recipients = list(
        db.session.scalars(
            select(Subscriber.id).where(Subscriber.status == SubscriberStatus.confirmed).order_by(Subscriber.id)
        )
    )
    size = batch_size()
    jobs = [
        SendJob(tenant_id=tenant.id, issue_id=issue.id, kind=JobKind.batch, state=JobState.pending)
        for _ in range(0, len(recipients), size)
    ]
    db.session.add_all(jobs)
    db.session.flush()
    rows = [
        {
            "tenant_id": tenant.id,
            "issue_id": issue.id,
            "subscriber_id": sid,
            "job_id": jobs[i // size].id,
            "status": DeliveryStatus.pending,
            "attempts": 0,
            "error": "",
        }
        for i, sid in enumerate(recipients)
    ]
    for start in range(0, len(rows), 5000):
        db.session.execute(insert(Delivery), rows[start : start + 5000])
    issue.recipients = len(recipients)
    if not recipients:
        issue.status = IssueStatus.sent
        issue.finished_at = ops.now()
    job.state = JobState.done
    db.session.commit()
    outbox.dispatch(tenant.id, [j.id for j in jobs[: window()]])
    return f"planned {len(recipients)}"


# --- one batch -------------------------------------------------------------------------------------


class Batch:
    def __init__(self, job: SendJob, holder: str) -> None:
        self.job_id = job.id
        self.issue_id = job.issue_id
        self.tenant_id = job.tenant_id
        self.holder = holder
        self.lease = lease_seconds()
        self.renewed = time.time()
        self.postgres = db.engine.dialect.name == "postgresql"

    # -- ledger steps (each one commit) --

    def _begin(self) -> None:
        if self.postgres:
            # Losing a ledger commit in a *database* crash can only cause a resend (never a loss); the
            # worker being killed loses nothing either way. So the per-mail commit need not wait for fsync.
            db.session.execute(text("SET LOCAL synchronous_commit TO OFF"))

    def _renew_if_due(self) -> None:
        at = time.time()
        if at - self.renewed < self.lease / 3:
            return
        result = db.session.execute(
            update(SendJob)
            .where(SendJob.id == self.job_id, SendJob.holder == self.holder, SendJob.state == JobState.running)
            .values(lease_until=at + self.lease)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            db.session.rollback()
            raise LeaseLost(self.job_id)
        self.renewed = at

    def _mark_sent(self, delivery_id: int) -> None:
        db.session.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id)
            .values(status=DeliveryStatus.sent, sent_at=ops.now(), error="")
            .execution_options(synchronize_session=False)
        )

    def step(self, sent_id: int | None, delivery_id: int, subscriber_id: int) -> bool:
        """Commit the previous mail as sent and claim the next; False if its subscriber left meanwhile.

        One statement and one commit per mail (Core, with the office named explicitly): this is the hot path.
        """
        self._begin()
        self._renew_if_due()
        t, s = Delivery.__table__, Subscriber.__table__
        confirmed = select(s.c.id).where(
            s.c.id == subscriber_id, s.c.tenant_id == self.tenant_id, s.c.status == SubscriberStatus.confirmed.value
        )
        claim_it = and_(
            t.c.id == delivery_id, t.c.status.in_([o.value for o in OPEN]), t.c.subscriber_id.in_(confirmed)
        )
        is_claim = t.c.id == delivery_id
        stmt = (
            update(t)
            .where(t.c.tenant_id == self.tenant_id, or_(claim_it, t.c.id == sent_id) if sent_id else claim_it)
            .values(
                status=case((is_claim, DeliveryStatus.sending.value), else_=DeliveryStatus.sent.value),
                attempts=case((is_claim, t.c.attempts + 1), else_=t.c.attempts),
                sent_at=case((is_claim, t.c.sent_at), else_=ops.now()),
            )
            .returning(t.c.id)
        )
        conn = db.session.connection()
        claimed = delivery_id in set(conn.execute(stmt).scalars())
        if not claimed:
            conn.execute(
                update(t)
                .where(t.c.tenant_id == self.tenant_id, t.c.id == delivery_id, t.c.status.in_([o.value for o in OPEN]))
                .values(status=DeliveryStatus.skipped.value, error="Abonnement beendet oder gesperrt")
            )
        db.session.commit()
        return claimed

    def settle(
        self, sent_id: int | None, delivery_id: int | None = None, status: DeliveryStatus | None = None, error: str = ""
    ) -> None:
        self._begin()
        self._renew_if_due()
        if sent_id is not None:
            self._mark_sent(sent_id)
        if delivery_id is not None and status is not None:
            db.session.execute(
                update(Delivery)
                .where(Delivery.id == delivery_id, Delivery.status == DeliveryStatus.sending)
                .values(status=status, error=error[:500])
                .execution_options(synchronize_session=False)
            )
        db.session.commit()

    # -- the loop --

    def run(self) -> str:
        issue = db.session.get(Issue, self.issue_id)
        tenant = db.session.get(Tenant, self.tenant_id)
        assert issue is not None and tenant is not None
        settings = ops.get_settings(tenant)
        db.session.commit()
        frame = mails.issue_frame(tenant, issue)
        build = mails.issue_builder(frame, tenant, self.issue_id)
        rows = db.session.execute(
            select(Delivery.id, Delivery.subscriber_id, Delivery.attempts, Subscriber.email, Subscriber.token)
            .join(Subscriber, Subscriber.id == Delivery.subscriber_id)
            .where(Delivery.job_id == self.job_id, Delivery.status.in_(OPEN))
            .order_by(Delivery.id)
        ).all()
        db.session.commit()
        gate = RateGate(self.tenant_id, float(settings.rate_per_second or 0))
        transport = open_transport()
        sent_id: int | None = None
        try:
            for delivery_id, subscriber_id, attempts, email, token in rows:
                if not self.step(sent_id, delivery_id, subscriber_id):
                    sent_id = None
                    continue
                sent_id = None
                raw = build(subscriber_id, email or "", token)
                gate.wait()
                try:
                    transport.send(frame.envelope_from, email or "", raw)
                except RecipientProblem as exc:
                    self._refused(delivery_id, subscriber_id, attempts + 1, exc)
                    continue
                sent_id = delivery_id
            self.settle(sent_id)
        except ConnectionProblem as exc:
            # The mail in hand stays 'sending' (outcome unknown) and is retried with the batch.
            self.settle(sent_id)
            return self._retry_later(str(exc))
        except LeaseLost:
            return "lease lost"
        finally:
            transport.close()
        return self._finish()

    def _refused(self, delivery_id: int, subscriber_id: int, attempts: int, exc: RecipientProblem) -> None:
        reason = f"{exc.code} {exc}"
        if exc.permanent:
            self.settle(None, delivery_id, DeliveryStatus.failed, reason)
            if exc.at_rcpt:
                bounces.record_smtp_refusal(subscriber_id, exc.code, str(exc), self.issue_id)
                db.session.commit()
        elif attempts >= MAX_ATTEMPTS:
            self.settle(None, delivery_id, DeliveryStatus.failed, f"aufgegeben nach {attempts} Versuchen: {reason}")
        else:
            self.settle(None, delivery_id, DeliveryStatus.deferred, reason)

    def _release(self, state: JobState, **values: object) -> bool:
        result = db.session.execute(
            update(SendJob)
            .where(SendJob.id == self.job_id, SendJob.holder == self.holder)
            .values(state=state, holder=None, lease_until=None, **values)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    def _retry_later(self, error: str) -> str:
        job = db.session.get(SendJob, self.job_id)
        assert job is not None
        if job.retries >= len(BACKOFF):
            _give_up(job, f"Mailserver nicht erreichbar: {error}")
            return "given up"
        delay = BACKOFF[job.retries]
        self._release(JobState.pending, not_before=time.time() + delay, retries=job.retries + 1, last_error=error[:500])
        db.session.commit()
        log.warning("newsletter: batch %s deferred by %ss (%s)", self.job_id, delay, error[:200])
        return f"retry in {delay}s"

    def _finish(self) -> str:
        deferred = db.session.scalar(
            select(func.count(Delivery.id)).where(Delivery.job_id == self.job_id, Delivery.status.in_(OPEN))
        )
        if deferred:
            return self._retry_later(f"{deferred} Empfänger vorübergehend abgewiesen")
        if not self._release(JobState.done):
            db.session.rollback()
            return "lease lost"
        db.session.commit()
        after_job(self.tenant_id, self.issue_id)
        return "done"


def after_job(tenant_id: int, issue_id: int) -> None:
    """Close the issue when its last job is done; otherwise ring for the next batches of the window."""
    open_jobs = db.session.scalar(
        select(func.count(SendJob.id)).where(SendJob.issue_id == issue_id, SendJob.state != JobState.done)
    )
    if not open_jobs:
        db.session.execute(
            update(Issue)
            .where(Issue.id == issue_id, Issue.status == IssueStatus.sending)
            .values(status=IssueStatus.sent, finished_at=ops.now())
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        return
    ids = next_batches(issue_id, window() - inflight_batches(issue_id))
    db.session.commit()
    if ids:
        outbox.dispatch(tenant_id, ids)


def _give_up(job: SendJob, reason: str) -> None:
    db.session.execute(
        update(Delivery)
        .where(Delivery.job_id == job.id, Delivery.status.in_(OPEN))
        .values(status=DeliveryStatus.failed, error=reason[:500])
        .execution_options(synchronize_session=False)
    )
    job.state = JobState.done
    job.holder = None
    job.lease_until = None
    job.last_error = reason[:500]
    db.session.commit()
    after_job(job.tenant_id, job.issue_id)
