"""Sending an issue: the plan (recipients → ledger rows → batch jobs) and one batch (ledger → SMTP).

The ledger discipline, per mail (one statement, one commit each):

1. claim: ``status='sending', attempts+1`` — only while the subscriber is still confirmed (else the row
   becomes ``skipped``), in the same statement and commit as step 3 of the previous mail;
2. hand the mail to SMTP (deterministic Message-ID: every copy is the same mail);
3. ``status='sent'`` — committed together with the next claim (or alone after the last mail).

Rows are claimed one at a time, never a batch ahead: a row is 'sending' only while its mail is in hand.
A worker killed after step 2 and before the commit of step 3 leaves exactly one row in ``sending``: the
retried batch sends it again (a duplicate with the same Message-ID) — SMTP cannot tell us whether the 250
arrived before the kill, and losing the mail is worse than a second copy. Everything before it is ``sent``
(skipped on retry), everything after it ``pending`` (never handed over). So a kill costs at most one
duplicate, and no subscriber is lost.

What makes it fast is not fewer commits but cheaper ones: the message is rendered once per batch and only
the recipient's parts are filled in; the step is a single prepared statement on a connection the batch
holds (on PostgreSQL in autocommit mode: one round trip per mail, see :class:`PsycopgLedger`); the
subscriber check uses the primary key; one SMTP connection serves the whole batch.

The job lease fences concurrent runs of one batch (a redelivered message while the first holder still
works, or a stalled holder waking up): a holder renews the lease (its own commit, before the next claim)
once a third of it has passed, and stops the moment the renewal finds another holder. The claim itself is
fenced too: step 1 claims a row only while the job's lease is still this holder's and unexpired, in the
same statement. A holder that stalled past its lease (a loaded machine, a long lock wait) therefore claims
nothing more once its batch may have been taken over; at most the one mail it already had in hand when the
lease lapsed can go out twice — the same cost, and the same reasoning, as a kill.
"""

from __future__ import annotations

import logging
import smtplib
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from flask import current_app
from sqlalchemy import BindParameter, and_, bindparam, case, func, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import UpdateBase

from saas.core.mail import TemporaryMailError, smtp_connection
from saas.extensions import db, rowcount, table_of
from saas.newsletter import bounces, mails, outbox
from saas.newsletter import operations as ops
from saas.newsletter.blocks import claim_blocks, render_blocks
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
from tenants import rls
from tenants.models import Tenant

if TYPE_CHECKING:
    import psycopg

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
            if _plain_address(sender) and _plain_address(recipient):
                _sendmail_one(self.smtp, sender, recipient, raw)
            else:
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


_NOT_PLAIN = frozenset("<>()[]\\,;:\"' \t\r\n")


def _plain_address(address: str) -> bool:
    """An ASCII address that smtplib's ``quoteaddr`` would pass unchanged, as ``<address>``."""
    return address.isascii() and address.isprintable() and "@" in address and _NOT_PLAIN.isdisjoint(address)


def _sendmail_one(smtp: smtplib.SMTP, sender: str, recipient: str, raw: bytes) -> None:
    """``smtp.sendmail(sender, [recipient], raw)`` for plain addresses: the same commands, replies and
    exceptions, without parsing both addresses as RFC 5322 headers for every mail (a seventh of a worker's
    time per mail went there)."""
    smtp.ehlo_or_helo_if_needed()
    size = f" size={len(raw)}" if smtp.does_esmtp and smtp.has_extn("size") else ""
    smtp.putcmd("mail", f"FROM:<{sender}>{size}")
    code, reply = smtp.getreply()
    if code != 250:
        _abandon(smtp, code)
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    smtp.putcmd("rcpt", f"TO:<{recipient}>")
    code, reply = smtp.getreply()
    if code not in (250, 251):
        _abandon(smtp, code)
        raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
    code, reply = _data(smtp, raw)
    if code != 250:
        _abandon(smtp, code)
        raise smtplib.SMTPDataError(code, reply)


def _data(smtp: smtplib.SMTP, raw: bytes) -> tuple[int, bytes]:
    """``smtp.data(raw)``, dot-stuffing with ``bytes.replace`` instead of smtplib's regular expression."""
    smtp.putcmd("data")
    code, reply = smtp.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    stuffed = raw.replace(b"\n.", b"\n..")
    if stuffed.startswith(b"."):
        stuffed = b"." + stuffed
    if not stuffed.endswith(b"\r\n"):
        stuffed += b"\r\n"
    smtp.send(stuffed + b".\r\n")
    return smtp.getreply()


def _abandon(smtp: smtplib.SMTP, code: int) -> None:
    if code == 421:  # the server is closing the connection
        smtp.close()
        return
    with suppress(smtplib.SMTPServerDisconnected):
        smtp.rset()


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
        table = table_of(NewsletterSettings)
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
    if rowcount(result) != 1:
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
    claim_blocks(issue.id, list(issue.blocks or []))
    issue.started_at = ops.now()
    issue.status = IssueStatus.sending
    # The recipients are streamed batch by batch (a server-side cursor on PostgreSQL), so planning an
    # issue for 50,000 subscribers holds no more in memory than planning one for 500.
    size = batch_size()
    recipients = db.session.execute(
        select(Subscriber.id)
        .where(Subscriber.status == SubscriberStatus.confirmed)
        .order_by(Subscriber.id)
        .execution_options(yield_per=size)
    )
    job_ids: list[int] = []
    planned = 0
    for chunk in recipients.partitions():
        batch = SendJob(tenant_id=tenant.id, issue_id=issue.id, kind=JobKind.batch, state=JobState.pending)
        db.session.add(batch)
        db.session.flush()
        db.session.execute(
            insert(Delivery),
            [
                {
                    "tenant_id": tenant.id,
                    "issue_id": issue.id,
                    "subscriber_id": sid,
                    "job_id": batch.id,
                    "status": DeliveryStatus.pending,
                    "attempts": 0,
                    "error": "",
                }
                for (sid,) in chunk
            ],
        )
        job_ids.append(batch.id)
        planned += len(chunk)
    issue.recipients = planned
    if not planned:
        issue.status = IssueStatus.sent
        issue.finished_at = ops.now()
    job.state = JobState.done
    db.session.commit()
    outbox.dispatch(tenant.id, job_ids[: window()])
    return f"planned {planned}"


# --- one batch -------------------------------------------------------------------------------------


def _step_statements() -> tuple[UpdateBase, UpdateBase]:
    """The hot path's one statement: mark the previous mail sent and claim the next (or skip it).

    ``:delivery`` is claimed ('sending', attempts + 1) only while it is open, its subscriber is still
    confirmed and the job's lease (``:lease_job``) is still ``:lease_holder``'s and not expired at
    ``:lease_at`` (else the row is not touched and not returned), and marked 'skipped' when the subscriber
    left or was disabled meanwhile; ``:sent`` (the previous mail, or NULL) becomes 'sent' whatever the
    lease (it was sent). Returns the claimed row with its new status.

    Every row must be found by primary key, whatever the planner knows: psycopg prepares the statement,
    PostgreSQL plans it once for all parameters, and the ledger rows are fresh, without statistics. Written
    as ``subscriber_id IN (SELECT id … AND status = 'confirmed')``, or with both deliveries in one
    ``WHERE id IN (:delivery, :sent)``, the (tenant_id[, status]) indexes looked as cheap, and each mail
    walked all of the office's subscribers or deliveries: the more subscribers, the slower every mail.
    Hence the subscriber's status by primary key, compared outside the subquery, and on PostgreSQL the
    previous mail in a data-modifying CTE, so that each UPDATE has exactly one ``id = …``.
    """
    t, s, j = table_of(Delivery), table_of(Subscriber), table_of(SendJob)
    tenant: BindParameter[int]
    delivery: BindParameter[int]
    sent: BindParameter[int | None]  # NULL: no previous mail
    tenant, delivery, sent = bindparam("tenant"), bindparam("delivery"), bindparam("sent")
    now = bindparam("now", type_=t.c.sent_at.type)
    subscriber_status = (
        select(s.c.status).where(s.c.id == bindparam("subscriber"), s.c.tenant_id == tenant)
    ).scalar_subquery()
    still_subscribed = subscriber_status == SubscriberStatus.confirmed.value
    is_open = or_(*(t.c.status == o.value for o in OPEN))
    # The fence: the job (by primary key) is still held by this batch and its lease has not run out. No
    # tenant_id here: with it, the generic plan walked the office's (tenant_id, state) index instead of the
    # primary key (row-level security still confines the row to the bound office; the holder is unique).
    lease_held = (
        select(j.c.id)
        .where(
            j.c.id == bindparam("lease_job"),
            j.c.holder == bindparam("lease_holder"),
            j.c.lease_until > bindparam("lease_at", type_=j.c.lease_until.type),
        )
        .exists()
    )
    left = "Abonnement beendet oder gesperrt"

    previous = (
        update(t)
        .where(t.c.id == sent, t.c.tenant_id == tenant)
        .values(status=DeliveryStatus.sent.value, sent_at=now, error="")
        .returning(t.c.id)
        .cte("previous")
    )
    postgres = (
        update(t)
        .where(t.c.id == delivery, t.c.tenant_id == tenant, is_open, lease_held)
        .values(
            status=case((still_subscribed, DeliveryStatus.sending.value), else_=DeliveryStatus.skipped.value),
            attempts=case((still_subscribed, t.c.attempts + 1), else_=t.c.attempts),
            error=case((still_subscribed, t.c.error), else_=left),
        )
        .returning(t.c.id, t.c.status)
        .add_cte(previous)
    )

    # Elsewhere (SQLite: no UPDATE in WITH) both rows in one UPDATE; SQLite looks up each id of the list.
    is_claim = t.c.id == delivery
    claim_ok = and_(is_claim, still_subscribed)
    anywhere = (
        update(t)
        .where(t.c.id.in_([delivery, sent]), t.c.tenant_id == tenant, or_(t.c.id == sent, and_(is_open, lease_held)))
        .values(
            status=case(
                (claim_ok, DeliveryStatus.sending.value),
                (is_claim, DeliveryStatus.skipped.value),
                else_=DeliveryStatus.sent.value,
            ),
            attempts=case((claim_ok, t.c.attempts + 1), else_=t.c.attempts),
            sent_at=case((is_claim, t.c.sent_at), else_=now),
            error=case((claim_ok, t.c.error), (is_claim, left), else_=""),
        )
        .returning(t.c.id, t.c.status)
    )
    return anywhere, postgres


_STEP, _STEP_POSTGRES = _step_statements()


def _ledger_statements() -> tuple[UpdateBase, UpdateBase, UpdateBase]:
    """The batch's other ledger statements, with bind parameters only (compiled once per dialect)."""
    t, j = table_of(Delivery), table_of(SendJob)
    renew = (
        update(j)
        .where(
            j.c.id == bindparam("lease_job"),
            j.c.tenant_id == bindparam("tenant"),
            j.c.holder == bindparam("lease_holder"),
            j.c.state == JobState.running.value,
        )
        # Not "holder": a parameter named like a column of the updated table is taken as a SET
        # value by SQLAlchemy, and executing the statement failed with a CompileError (every renewal did).
        .values(lease_until=bindparam("lease_until_new"))
    )
    mark_sent = (
        update(t)
        .where(t.c.tenant_id == bindparam("tenant"), t.c.id == bindparam("sent"))
        .values(status=DeliveryStatus.sent.value, sent_at=bindparam("now"), error="")
    )
    conclude = (
        update(t)
        .where(
            t.c.tenant_id == bindparam("tenant"),
            t.c.id == bindparam("delivery"),
            t.c.status == DeliveryStatus.sending.value,
        )
        .values(status=bindparam("status"), error=bindparam("error"))
    )
    return renew, mark_sent, conclude


_RENEW, _MARK_SENT, _CONCLUDE = _ledger_statements()


class Ledger:
    """The batch's ledger statements on a connection of its own, each committed at once (one transaction
    per call): no ORM session and no pool checkout per mail. SQLAlchemy Core; used for SQLite and any
    driver without a faster way.

    On PostgreSQL the ledger's commits do not wait for the WAL flush (``synchronous_commit`` off for this
    connection only, reset before it goes back to the pool): losing a ledger commit in a *database* crash
    can only cause a resend (a row falls back to 'pending' or stays 'sending'), never a loss; a killed
    *worker* loses nothing either way, since the database has the commit.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.postgres = conn.dialect.name == "postgresql"
        if self.postgres:
            conn.exec_driver_sql("SET synchronous_commit TO OFF")
            conn.commit()

    def step(self, params: dict[str, object]) -> list[tuple[int, str]]:
        statement = _STEP_POSTGRES if self.postgres else _STEP
        rows = [(row_id, status) for row_id, status in self.conn.execute(statement, params)]
        self.conn.commit()
        return rows

    def execute(self, statement: UpdateBase, params: dict[str, object]) -> int:
        count = self.conn.execute(statement, params).rowcount
        self.conn.commit()
        return count

    def close(self) -> None:
        self.conn.rollback()
        if self.postgres:
            self.conn.exec_driver_sql("RESET synchronous_commit")
            self.conn.commit()


class PsycopgLedger(Ledger):
    """PostgreSQL through psycopg: each ledger statement is its own transaction (autocommit), so a mail's
    step is one statement in one round trip — no BEGIN, no COMMIT, no per-transaction binding of the
    office, each of which would be a round trip of its own.

    The connection is held by this batch alone, so the office (row-level security) and
    ``synchronous_commit`` are set for its session once, and cleared before it goes back to the pool; if
    clearing fails, the connection is discarded instead (``Batch._ledger``). The statements are the same
    SQLAlchemy statements as in :class:`Ledger`, compiled once.
    """

    _compiled: dict[tuple[int, object], tuple[str, SQLCompiler]] = {}

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.postgres = True
        conn.commit()  # autocommit can only be switched outside a transaction
        import psycopg

        raw = conn.connection.driver_connection
        assert isinstance(raw, psycopg.Connection)  # chosen only for the psycopg driver (Batch._ledger)
        self.raw = raw
        self.raw.autocommit = True
        self.cursor = self.raw.cursor()
        self.cursor.execute("SET synchronous_commit TO OFF")
        rls.bind_session(self.cursor)

    def _execute(self, statement: UpdateBase, params: dict[str, object]) -> psycopg.Cursor[Any]:
        key = (id(statement), self.conn.dialect.server_version_info)
        found = self._compiled.get(key)
        if found is None:
            compiled = statement.compile(dialect=self.conn.dialect)
            found = self._compiled[key] = (str(compiled), compiled)
        sql, compiled = found
        self.cursor.execute(sql, compiled.construct_params(params))
        return self.cursor

    def step(self, params: dict[str, object]) -> list[tuple[int, str]]:
        return [(row_id, status) for row_id, status in self._execute(_STEP_POSTGRES, params).fetchall()]

    def execute(self, statement: UpdateBase, params: dict[str, object]) -> int:
        return self._execute(statement, params).rowcount

    def close(self) -> None:
        rls.unbind_session(self.cursor)
        self.cursor.execute("RESET synchronous_commit")
        self.raw.autocommit = False


class Batch:
    def __init__(self, job: SendJob, holder: str) -> None:
        self.job_id = job.id
        self.issue_id = job.issue_id
        self.tenant_id = job.tenant_id
        self.holder = holder
        self.lease = lease_seconds()
        self.renewed = time.time()
        self.ledger: Ledger | None = None  # the ledger's own connection, held for the batch

    @contextmanager
    def _ledger(self) -> Iterator[Ledger]:
        conn = db.engine.connect()
        try:
            fast = conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg"
            self.ledger = PsycopgLedger(conn) if fast else Ledger(conn)
            yield self.ledger
        finally:
            ledger, self.ledger = self.ledger, None
            try:
                if ledger is None:
                    raise RuntimeError("ledger not set up")
                ledger.close()
            except Exception:  # not given back to the pool half reset: discarded
                conn.invalidate()
            conn.close()

    # -- ledger steps (each one commit) --

    def _renew_if_due(self, ledger: Ledger, force: bool = False) -> None:
        at = time.time()
        if not force and at - self.renewed < self.lease / 3:
            return
        params = {
            "lease_job": self.job_id,
            "tenant": self.tenant_id,
            "lease_holder": self.holder,
            "lease_until_new": at + self.lease,
        }
        if ledger.execute(_RENEW, params) != 1:
            raise LeaseLost(self.job_id)
        self.renewed = at

    def step(self, sent_id: int | None, delivery_id: int, subscriber_id: int) -> bool:
        """Commit the previous mail as sent and claim the next; False if its subscriber left meanwhile.

        One statement and one commit per mail, on the batch's own connection: this is the hot path. Every
        third of the lease, the lease is renewed first (its own commit); a lost lease stops the batch
        before anything more is claimed. The claim is fenced by the lease in the same statement, so a
        holder whose lease ran out since its last renewal claims nothing either: when the row comes back
        unclaimed, the lease is checked (and renewed) before the row counts as skipped.
        """
        ledger = self.ledger
        assert ledger is not None
        self._renew_if_due(ledger)
        for attempt in range(2):
            rows = ledger.step(
                {
                    "tenant": self.tenant_id,
                    "delivery": delivery_id,
                    "subscriber": subscriber_id,
                    "sent": sent_id if attempt == 0 else None,
                    "now": ops.now(),
                    "lease_job": self.job_id,
                    "lease_holder": self.holder,
                    "lease_at": time.time(),
                }
            )
            if any(row_id == delivery_id for row_id, _ in rows):
                return any(row_id == delivery_id and status == DeliveryStatus.sending for row_id, status in rows)
            if attempt == 0:
                # Not claimed: either the row is no longer open, or the lease ran out since the last renewal.
                # Still ours (nobody claimed the job meanwhile): renewed, and the claim is tried once more;
                # taken over: LeaseLost.
                self._renew_if_due(ledger, force=True)
        return False

    def settle(
        self, sent_id: int | None, delivery_id: int | None = None, status: DeliveryStatus | None = None, error: str = ""
    ) -> None:
        """Mark the previous mail sent, and/or conclude the claimed one as failed or deferred."""
        ledger = self.ledger
        assert ledger is not None
        self._renew_if_due(ledger)
        if sent_id is not None:
            ledger.execute(_MARK_SENT, {"tenant": self.tenant_id, "sent": sent_id, "now": ops.now()})
        if delivery_id is not None and status is not None:
            ledger.execute(
                _CONCLUDE,
                {"tenant": self.tenant_id, "delivery": delivery_id, "status": status.value, "error": error[:500]},
            )

    # -- the loop --

    def run(self) -> str:
        issue = db.session.get(Issue, self.issue_id)
        tenant = db.session.get(Tenant, self.tenant_id)
        assert issue is not None and tenant is not None
        settings = ops.get_settings(tenant)
        frame = mails.issue_frame(tenant, issue)
        build = mails.issue_builder(frame, tenant, self.issue_id)
        rows = db.session.execute(
            select(Delivery.id, Delivery.subscriber_id, Delivery.attempts, Subscriber.email, Subscriber.token)
            .join(Subscriber, Subscriber.id == Delivery.subscriber_id)
            .where(Delivery.job_id == self.job_id, Delivery.status.in_(OPEN))
            .order_by(Delivery.id)
        ).all()
        gate = RateGate(self.tenant_id, float(settings.rate_per_second or 0))
        db.session.commit()
        transport = open_transport()
        sent_id: int | None = None
        error: str | None = None
        try:
            with self._ledger():
                try:
                    for delivery_id, subscriber_id, attempts, email, token in rows:
                        # Built and paced before the claim: a claimed row is in hand only for the send.
                        raw = build(subscriber_id, email or "", token)
                        gate.wait()
                        if not self.step(sent_id, delivery_id, subscriber_id):
                            sent_id = None
                            continue
                        sent_id = None
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
                    error = str(exc)
        except LeaseLost:
            log.warning("newsletter: batch %s lease lost, stopped (another worker holds it)", self.job_id)
            return "lease lost"
        finally:
            transport.close()
        if error is not None:
            return self._retry_later(error)
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
        return rowcount(result) == 1

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
