"""The crash test (issue 7, point 9): 2,000 mails through a real SMTP server on loopback, two real worker
processes, SIGKILL at random moments at least three times while sending.

Contract: no confirmed subscriber is lost; nothing goes to an unconfirmed, unsubscribed or disabled address
(or another office); a duplicate only for a message in flight at a kill (at most one per kill, or per lease
a worker lost by stalling past it: it stops before claiming more), and every
copy of a mail carries the same Message-ID. The reasoning is written down in workers/newsletter.py.

Runs on the configured broker: Redis when TEST_REDIS_URL is set (CI), else the embedded filesystem broker
(which loses a killed worker's message entirely — the outbox sweep must recover it).
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from saas.extensions import db
from saas.newsletter import issue_operations as issue_ops
from saas.newsletter import operations as ops
from saas.newsletter import outbox as nl_outbox
from saas.newsletter.models import Delivery, DeliveryStatus, Issue, IssueStatus, SubscriberStatus
from tenants.scoping import tenant_context
from tests.newsletter.helpers import add_subscribers, add_unsubscribed

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

SUBSCRIBERS = 2000
KILLS = 3
RATE = 60.0  # mails per second for the office: the send takes ~35 s, long enough to kill three times
ROOT = Path(__file__).resolve().parents[2]
CRASH_ENV = {
    "LOTSE_NEWSLETTER_LEASE_SECONDS": "6",  # a dead holder's batch is taken over after 6 s
    "LOTSE_NEWSLETTER_REDISPATCH_SECONDS": "20",
    "LOTSE_NEWSLETTER_BATCH_SIZE": "50",
    "LOTSE_NEWSLETTER_WINDOW": "4",
}


class Worker:
    """``celery -A workers worker`` in a process group of its own, so a SIGKILL can take the whole worker."""

    def __init__(self, env: dict[str, str], log_dir: Path) -> None:
        self.env = env
        self.log = log_dir / f"crash-worker-{uuid.uuid4().hex[:6]}.log"
        with open(self.log, "wb") as fh:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "workers",
                    "worker",
                    "--loglevel=INFO",
                    "--concurrency=1",
                    "--pool=prefork",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    f"--hostname=crash-{uuid.uuid4().hex[:6]}@%h",
                ],
                cwd=str(ROOT),
                env=env,
                stdout=fh,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if b"ready" in self.log.read_bytes():
                return
            if self.proc.poll() is not None:
                raise RuntimeError("worker died at start:\n" + self.log.read_text(errors="replace"))
            time.sleep(0.2)
        raise RuntimeError("worker did not start:\n" + self.log.read_text(errors="replace"))

    def children(self) -> list[int]:
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.proc.pid:
                pids.append(int(stat.parent.name))
        return pids

    def kill_child(self) -> bool:
        """SIGKILL the pool process only: the parent notices (task_reject_on_worker_lost) and forks anew."""
        children = self.children()
        for pid in children:
            os.kill(pid, signal.SIGKILL)
        return bool(children)

    def kill_all(self) -> None:
        """SIGKILL the whole worker (parent and pool), as when its container or machine dies."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=20)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                self.kill_all()


@pytest.fixture
def crash_workers(app, smtp_sink, monkeypatch, tmp_path):
    """Two real worker processes sending into the loopback SMTP sink; the test app is not eager meanwhile."""
    for key, value in CRASH_ENV.items():
        monkeypatch.setenv(key, value)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "MAIL_URL": smtp_sink.url}
    celery_app = app.extensions["celery"]
    celery_app.conf.task_always_eager = False
    workers: list[Worker] = []

    def start() -> Worker:
        worker = Worker(env, tmp_path)
        workers.append(worker)
        return worker

    try:
        yield start, workers
    finally:
        for worker in workers:
            worker.stop()
        celery_app.conf.task_always_eager = True


def _progress(tenant_id: int, issue_id: int) -> tuple[IssueStatus, int]:
    db.session.rollback()
    with tenant_context(tenant_id):
        status = db.session.scalar(select(Issue.status).where(Issue.id == issue_id))
        sent = db.session.scalar(
            select(func.count(Delivery.id)).where(Delivery.issue_id == issue_id, Delivery.status == DeliveryStatus.sent)
        )
    db.session.rollback()
    return status, sent or 0


def test_killing_workers_loses_no_subscriber(app, db, world, smtp_sink, crash_workers):
    """Killed three times or more with SIGKILL while sending 2,000 mails: does every confirmed subscriber get
    the issue, nobody else get anything, and is every duplicate an identical copy of a mail in flight?"""
    start_worker, workers = crash_workers
    rng = random.Random(os.environ.get("LOTSE_CRASH_SEED") or None)
    confirmed = add_subscribers(world.dortmund, SUBSCRIBERS)
    never = (
        add_subscribers(world.dortmund, 20, SubscriberStatus.pending, prefix="unbestaetigt")
        + add_subscribers(world.dortmund, 20, SubscriberStatus.disabled, prefix="gesperrt")
        + add_unsubscribed(world.dortmund, 20, prefix="abgemeldet")
        + add_subscribers(world.hamm, 20, prefix="hamm")
    )
    with tenant_context(world.dortmund.id):
        ops.get_settings(world.dortmund).rate_per_second = RATE
        issue = issue_ops.create_issue(world.dortmund, "Crash-Test", "## Hallo\n\nDiese Ausgabe muss ankommen.")
        db.session.commit()
        issue_id = issue.id

    first, second = start_worker(), start_worker()
    first.wait_ready()
    second.wait_ready()
    with tenant_context(world.dortmund.id):
        issue_ops.queue_issue(world.dortmund, db.session.get(Issue, issue_id))
        db.session.commit()

    # Kill at random moments spread over the send; alternate between killing the pool child (the parent
    # requeues: task_reject_on_worker_lost) and the whole worker (nobody acks: visibility timeout / sweep).
    thresholds = sorted(rng.uniform(0.08, 0.8) * SUBSCRIBERS for _ in range(KILLS))
    kills: list[tuple[str, int]] = []
    deadline = time.time() + 240
    last_sweep = 0.0
    while time.time() < deadline:
        received = len(smtp_sink.received)
        if thresholds and received >= thresholds[0]:
            thresholds.pop(0)
            alive = [w for w in workers if w.proc.poll() is None]
            victim = rng.choice(alive)
            if len(kills) % 2 == 0:
                victim.kill_all()
                kills.append(("worker", received))
                start_worker()  # a supervisor restarts it; we do not wait for it to be ready
            elif victim.kill_child():
                kills.append(("child", received))
            else:
                victim.kill_all()
                kills.append(("worker", received))
                start_worker()
        if time.time() - last_sweep >= 1.0:  # what beat does every few seconds in production
            nl_outbox.sweep()
            last_sweep = time.time()
        status, sent = _progress(world.dortmund.id, issue_id)
        if status == IssueStatus.sent:
            break
        time.sleep(0.2)
    status, sent = _progress(world.dortmund.id, issue_id)
    logs = "\n".join(w.log.read_text(errors="replace")[-3000:] for w in workers)
    assert status == IssueStatus.sent, f"not finished: {sent} sent, kills {kills}\n{logs}"
    assert len(kills) >= KILLS and all(at < SUBSCRIBERS for _, at in kills), kills

    copies: dict[str, list[str]] = defaultdict(list)
    for item in smtp_sink.received:
        copies[item.rcpt].append(item.message_id)
    lost = sorted(set(confirmed) - set(copies))
    assert not lost, f"{len(lost)} confirmed subscribers lost, e.g. {lost[:5]}"
    assert not set(copies) & set(never), "mail went to an unconfirmed, disabled, unsubscribed or foreign address"
    assert set(copies) == set(confirmed)
    duplicates = sum(len(ids) - 1 for ids in copies.values())
    # A worker that stalled past its lease (a loaded machine) is, for its batch, as good as killed: the batch
    # is taken over, and the stalled worker claims nothing more (the claim is fenced by the lease), so it
    # costs at most the one mail it had in hand — and says so in its log. Anything more is a worker that
    # went on sending a batch it no longer held.
    lease_losses = sum(w.log.read_text(errors="replace").count("lease lost, stopped") for w in workers)
    assert duplicates <= len(kills) + lease_losses, (
        f"{duplicates} duplicates for {len(kills)} kills and {lease_losses} lost leases"
    )
    for rcpt, ids in copies.items():
        assert len(set(ids)) == 1, f"copies for {rcpt} carry different Message-IDs: {ids}"
    assert len({ids[0] for ids in copies.values()}) == SUBSCRIBERS  # one Message-ID per subscriber
    assert sent == SUBSCRIBERS
    broker = app.config["CELERY"]["broker_url"][:8]
    print(f"\ncrash test: kills {kills}, lost leases {lease_losses}, duplicates {duplicates}, broker {broker}")
