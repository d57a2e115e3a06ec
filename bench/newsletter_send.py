"""Benchmark: one issue to N subscribers through the real worker(s) into an aiosmtpd sink on loopback.

Prints mails per second through the workers (ledger, rate gate off, real Celery), next to a plain
``smtplib`` loop that sends the same prepared messages into the same sink over one connection, measured in
the same run (before and after the workers; the faster run is the reference, since other load on the
machine slows either), and the peak memory of the worker.

    .venv/bin/python bench/newsletter_send.py                       # small: 2,000 subscribers
    .venv/bin/python bench/newsletter_send.py --subscribers 50000   # the issue's size
    DATABASE_URL=postgresql+psycopg://… REDIS_URL=redis://… .venv/bin/python bench/newsletter_send.py

The worker setup measured by default is one ``celery -A workers worker --pool=threads --concurrency=8``:
one process whose threads overlap their waits for the database and the SMTP server, while PostgreSQL and
the SMTP server use the other core. Memory is counted per process, never per thread (threads share their
process's pages), and a worker's whole process tree is the sum of its processes' PSS, each pid once
(``--pool prefork`` children share their parent's pages after fork; summing their RSS counts those twice).

Goal (issue 7): ≥ 50 % of the plain loop's rate with the ledger; worker memory that does not grow with
the number of subscribers (≤ 200 MB at 50,000).
"""

from __future__ import annotations

import argparse
import os
import shutil
import smtplib
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class CountingHandler:
    def __init__(self) -> None:
        self.count = 0
        self.first: float | None = None
        self.last: float | None = None
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        with self.lock:
            now = time.perf_counter()
            self.first = self.first or now
            self.last = now
            self.count += len(envelope.rcpt_tos)
        return "250 OK"

    def reset(self) -> None:
        with self.lock:
            self.count, self.first, self.last = 0, None, None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def memory_kb(pid: int) -> tuple[int, int, int]:
    """(RSS, PSS, threads) of one process; KiB.

    Threads share their process's address space: a thread pool is one RSS, never one per thread. PSS
    (proportional set size, /proc/PID/smaps_rollup) divides every page among the processes that map it, so
    the PSS of a prefork worker's parent and children add up without counting the pages a child still
    shares with its parent after fork once per child, as the sum of their RSS does.
    """
    rss = pss = threads = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("Threads:"):
                threads = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return rss, pss, threads


def process_tree(root: int) -> list[int]:
    """The process and all its descendants, each pid once."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    pids, frontier = [root], [root]
    while frontier:
        for pid in children.get(frontier.pop(), []):
            pids.append(pid)
            frontier.append(pid)
    return pids


class MemoryPeak:
    """Peak memory of the worker(s): per process, and for each worker's whole process tree."""

    def __init__(self) -> None:
        self.process_rss = 0  # the largest single process
        self.tree_pss = 0  # the whole worker: PSS of every process of its tree, each counted once
        self.tree_rss = 0  # the same as a sum of RSS (double-counts pages shared after fork)
        self.processes = 0
        self.threads = 0

    def sample(self, trees: list[list[int]]) -> None:
        for pids in trees:
            figures = [memory_kb(pid) for pid in pids]
            figures = [f for f in figures if f[0]]
            if not figures:
                continue
            self.process_rss = max(self.process_rss, max(f[0] for f in figures))
            self.tree_pss = max(self.tree_pss, sum(f[1] for f in figures))
            self.tree_rss = max(self.tree_rss, sum(f[0] for f in figures))
            self.processes = max(self.processes, len(figures))
            self.threads = max(self.threads, sum(f[2] for f in figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1, help="worker processes (celery -A workers worker)")
    parser.add_argument("--pool", default="threads", choices=["threads", "prefork", "solo"])
    parser.add_argument("--concurrency", type=int, default=8, help="threads (or pool processes) per worker")
    parser.add_argument("--max-memory-per-child", type=int, default=0, help="KiB (prefork only)")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--window", type=int, default=8, help="batches of the issue in flight at once")
    parser.add_argument("--timeout", type=float, default=3600)
    args = parser.parse_args()

    instance = Path(tempfile.mkdtemp(prefix="lotse-bench-"))
    os.environ["LOTSE_INSTANCE"] = str(instance)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{instance / 'bench.db'}")
    os.environ["LOTSE_NEWSLETTER_BATCH_SIZE"] = str(args.batch_size)
    os.environ["LOTSE_NEWSLETTER_WINDOW"] = str(args.window)
    os.environ.setdefault("BASE_URL", "https://lotse.example.org")
    import logging

    from aiosmtpd.controller import Controller

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command at INFO
    handler = CountingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    os.environ["MAIL_URL"] = f"smtp://127.0.0.1:{port}"
    workers: list[subprocess.Popen] = []
    try:
        run(args, handler, instance, workers)
    finally:
        for proc in workers:
            proc.terminate()
        for proc in workers:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        controller.stop()
        shutil.rmtree(instance, ignore_errors=True)


def run(args: argparse.Namespace, handler: CountingHandler, instance: Path, workers: list[subprocess.Popen]) -> None:
    import secrets

    from sqlalchemy import insert, select

    from saas import create_app
    from saas.extensions import db
    from saas.newsletter import issue_operations as issue_ops
    from saas.newsletter import mails
    from saas.newsletter import operations as ops
    from saas.newsletter.models import ConsentSource, Issue, IssueStatus, Subscriber, SubscriberStatus
    from saas.newsletter.render import render_body
    from tenants import operations as tenant_ops
    from tenants.scoping import tenant_context

    app = create_app()
    with app.app_context():
        db.create_all()
        slug = f"bench-{uuid.uuid4().hex[:6]}"
        tenant = tenant_ops.create_tenant(
            slug, "Selbsthilfe-Kontaktstelle Benchmark", street="Teststraße 1", postcode="12345", city="Beispielstadt"
        )
        db.session.commit()
        n = args.subscribers
        with tenant_context(tenant.id):
            settings = ops.get_settings(tenant)
            settings.rate_per_second = 0  # measure the machinery, not the pacing
            text_row = ops.consent_text(settings.consent_text)
            rows = [
                {
                    "tenant_id": tenant.id,
                    "email": f"leser{i:06d}@example.org",
                    "name": "",
                    "token": secrets.token_urlsafe(24),
                    "status": SubscriberStatus.confirmed,
                    "source": ConsentSource.import_,
                    "consent_text_id": text_row.id,
                    "disabled_reason": "",
                }
                for i in range(n)
            ]
            for start in range(0, n, 5000):
                db.session.execute(insert(Subscriber), rows[start : start + 5000])
            body = (
                "## Neuigkeiten\n\n"
                + "Ein Absatz mit Neuigkeiten aus der Selbsthilfe. " * 30
                + "\n\n[Mehr](https://example.org)"
            )
            issue = issue_ops.create_issue(tenant, "Benchmark-Ausgabe", body)
            db.session.commit()

            # Baseline: the same messages, prepared up front, through one plain SMTP connection.
            issue.html, issue.text = render_body(issue.body_md)
            frame = mails.issue_frame(tenant, issue)
            subs = db.session.execute(select(Subscriber.id, Subscriber.email, Subscriber.token)).all()
            prepared = [
                (email, mails.issue_message(frame, tenant, issue.id, sid, email, token)) for sid, email, token in subs
            ]
            db.session.rollback()
        size = sum(len(raw) for _, raw in prepared) / max(len(prepared), 1)
        sender = frame.envelope_from
        port = int(os.environ["MAIL_URL"].rsplit(":", 1)[1])
        load_before = os.getloadavg()[0]
        plain_before = plain_loop(handler, port, sender, prepared)
        print(
            f"subscribers: {n:,}; message size ≈ {size / 1024:.1f} KiB; database {db.engine.dialect.name}; "
            f"broker {app.config['CELERY']['broker_url'].split(':')[0]}"
        )

        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        logs = []
        command = [
            "celery",
            "-A",
            "workers",
            "worker",
            f"--pool={args.pool}",
            f"--concurrency={args.concurrency}",
            *([f"--max-memory-per-child={args.max_memory_per_child}"] if args.max_memory_per_child else []),
        ]
        for k in range(args.workers):
            log = instance / f"worker-{k}.log"
            logs.append(log)
            workers.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        *command,
                        "--loglevel=WARNING",
                        "--without-gossip",
                        "--without-mingle",
                        "--without-heartbeat",
                        f"--hostname=bench{k}-{uuid.uuid4().hex[:4]}@%h",
                    ],
                    cwd=str(ROOT),
                    env=env,
                    stdout=open(log, "wb"),  # noqa: SIM115 - handed to the child process
                    stderr=subprocess.STDOUT,
                )
            )
        time.sleep(2)
        deadline = time.time() + 120
        pool_size = args.concurrency if args.pool == "prefork" else 0
        while time.time() < deadline and not all(len(process_tree(p.pid)) > pool_size for p in workers):
            time.sleep(0.5)
        time.sleep(3)  # pool processes import the app
        idle = MemoryPeak()
        idle.sample([process_tree(p.pid) for p in workers])

        handler.reset()
        peak = MemoryPeak()
        app.extensions["celery"].conf.task_always_eager = False
        with tenant_context(tenant.id):
            issue = db.session.get(Issue, issue.id)
            issue.html = issue.text = ""
            issue_ops.queue_issue(tenant, issue)
            db.session.commit()
            queued = time.perf_counter()
            deadline = time.time() + args.timeout
            last_check = last_scan = 0.0
            status = IssueStatus.queued
            trees: list[list[int]] = []
            while time.time() < deadline:
                if time.time() - last_scan > 5:  # scanning /proc is costly; prefork may replace children
                    trees = [process_tree(p.pid) for p in workers]
                    last_scan = time.time()
                peak.sample(trees)
                if time.time() - last_check > 1:
                    db.session.rollback()
                    status = db.session.scalar(select(Issue.status).where(Issue.id == issue.id))
                    last_check = time.time()
                    if status == IssueStatus.sent:
                        break
                time.sleep(0.5)
            finished = time.perf_counter()
        if status != IssueStatus.sent:
            print("did not finish; worker log tail:\n" + logs[0].read_text(errors="replace")[-3000:])
            sys.exit(1)
        sending = (handler.last or finished) - (handler.first or queued)
        worker_rate = handler.count / sending if sending > 0 else 0.0
        plain_after = plain_loop(handler, port, sender, prepared)
        plain_rate = max(plain_before, plain_after)
        load_after = os.getloadavg()[0]

        print(
            f"plain smtplib loop (one connection, prepared messages): {plain_rate:,.0f} mails/s "
            f"(the faster of two runs: {plain_before:,.0f} before, {plain_after:,.0f} after the workers)"
        )
        print(
            f"worker setup measured: {args.workers} × `{' '.join(command)}` = {peak.processes} process(es), "
            f"{peak.threads} threads in all"
        )
        print(
            f"through the workers (ledger: one statement and one commit per mail): {worker_rate:,.0f} mails/s "
            f"({handler.count:,} mails in {sending:.1f} s; queue → done {finished - queued:.1f} s)"
        )
        print(f"ratio to the plain loop: {worker_rate / plain_rate:.0%} (goal ≥ 50 %)")
        print(
            f"peak worker memory: {peak.tree_pss / 1024:.0f} MB PSS for the whole worker ({peak.processes} "
            f"process(es), each counted once; idle {idle.tree_pss / 1024:.0f} MB); largest process "
            f"{peak.process_rss / 1024:.0f} MB RSS (idle {idle.process_rss / 1024:.0f} MB); sum of RSS "
            f"{peak.tree_rss / 1024:.0f} MB (goal ≤ 200 MB at 50,000)"
        )
        print(f"load average (1 min) before / after: {load_before:.2f} / {load_after:.2f} on {os.cpu_count()} CPUs")


def plain_loop(handler: CountingHandler, port: int, sender: str, prepared: list[tuple[str, bytes]]) -> float:
    """Mails per second of a plain smtplib loop over one connection, as the sink counted them."""
    handler.reset()
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for email, raw in prepared:
            smtp.sendmail(sender, [email], raw)
    return len(prepared) / (time.perf_counter() - started)


if __name__ == "__main__":
    main()
