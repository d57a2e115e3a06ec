"""Sending an issue: one correct mail per confirmed subscriber, the ledger, the outbox, retries, rate limit."""

from __future__ import annotations

import email
import email.policy
import secrets
import time
from unittest import mock

import pytest
from sqlalchemy import insert, select, update

from saas.core import timeutil
from saas.extensions import db
from saas.newsletter import issue_operations as issue_ops
from saas.newsletter import operations as ops
from saas.newsletter import outbox as nl_outbox
from saas.newsletter import sending
from saas.newsletter.models import (
    ConsentSource,
    Delivery,
    DeliveryStatus,
    Issue,
    IssueStatus,
    JobKind,
    JobState,
    SendJob,
    Subscriber,
    SubscriberStatus,
)
from tenants.scoping import tenant_context
from tests.factories import Outbox
from tests.newsletter.helpers import add_subscribers, add_unsubscribed, path_of

BODY = "## Neues aus der Selbsthilfe\n\nEin [Link](https://example.org/info) und ein Bild:\n\n![Gruppe](https://example.org/b.jpg)\n"


def silent_broker():  # type: ignore[no-untyped-def]
    """Jobs are committed but the broker rings nobody: the test plays the worker (or the dead one)."""
    return mock.patch.object(nl_outbox, "dispatch", lambda tenant_id, ids: None)


def _issue(tenant, subject="Newsletter März", body=BODY, blocks=None) -> int:
    with tenant_context(tenant.id):
        issue = issue_ops.create_issue(tenant, subject, body, blocks)
        db.session.commit()
        return issue.id


def _send(tenant, issue_id) -> None:
    with tenant_context(tenant.id):
        issue = db.session.get(Issue, issue_id)
        issue_ops.queue_issue(tenant, issue)
        db.session.commit()


def _state(tenant, issue_id):
    db.session.rollback()
    with tenant_context(tenant.id):
        issue = db.session.get(Issue, issue_id)
        counts = dict(
            db.session.execute(
                select(Delivery.status, db.func.count()).where(Delivery.issue_id == issue_id).group_by(Delivery.status)
            ).all()
        )
        return issue.status, {k.value: v for k, v in counts.items()}


def test_issue_reaches_every_confirmed_subscriber_once_and_nobody_else(app, db, world, outbox):
    """Does an issue go exactly once to each confirmed subscriber — never to pending, disabled, unsubscribed
    people or another office — as a correct multipart mail with a working one-click unsubscribe?"""
    confirmed = add_subscribers(world.dortmund, 7)
    pending = add_subscribers(world.dortmund, 2, SubscriberStatus.pending, prefix="offen")
    disabled = add_subscribers(world.dortmund, 2, SubscriberStatus.disabled, prefix="kaputt")
    gone = add_unsubscribed(world.dortmund, 2)
    hamm = add_subscribers(world.hamm, 2, prefix="hamm")
    issue_id = _issue(world.dortmund)
    _send(world.dortmund, issue_id)
    status, counts = _state(world.dortmund, issue_id)
    assert status == IssueStatus.sent and counts == {"sent": 7}
    mails = outbox.messages()
    recipients = sorted(str(m["To"]) for m in mails)
    assert recipients == sorted(confirmed)
    for other in pending + disabled + gone + hamm:
        assert other not in recipients
    assert len({m["Message-ID"] for m in mails}) == 7
    mail = outbox.to(confirmed[0])[0]
    assert mail["Subject"] == "Newsletter März"
    assert mail.get_content_type() == "multipart/alternative"
    text_part, html_part = Outbox.text(mail), mail.get_body(("html",)).get_content()
    assert "Neues aus der Selbsthilfe" in text_part and "Link (https://example.org/info)" in text_part
    assert (
        "<h2>Neues aus der Selbsthilfe</h2>" in html_part
        and 'alt="Gruppe" src="https://example.org/b.jpg"' in html_part
    )
    assert "Impressum" in text_part and "Ostenhellweg 42-48, 44135 Dortmund" in text_part
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    with tenant_context(world.dortmund.id):
        s = ops.find_subscriber(confirmed[0])
        expected_id = f"<nl.{world.dortmund.id}.{issue_id}.{s.id}."
        token = s.token
    assert mail["Message-ID"].startswith(expected_id)
    assert f"<http://lotse.test/dortmund/newsletter/abmelden/{token}>" in mail["List-Unsubscribe"]
    assert f"http://lotse.test/dortmund/newsletter/abmelden/{token}" in text_part
    # The one-click POST from the header unsubscribes.
    link = mail["List-Unsubscribe"].split(",")[0].strip("<> ")
    assert app.test_client().post(path_of(link), data={"List-Unsubscribe": "One-Click"}).status_code == 200
    db.session.rollback()
    with tenant_context(world.dortmund.id):
        assert ops.find_subscriber(confirmed[0]) is None


def test_message_ids_are_deterministic(app, db, world, outbox):
    """Does re-building the same (issue, subscriber) mail give the same Message-ID and the same bytes?"""
    from saas.newsletter import mails
    from tenants.models import Tenant

    add_subscribers(world.dortmund, 1)
    issue_id = _issue(world.dortmund)
    _send(world.dortmund, issue_id)
    with tenant_context(world.dortmund.id):
        tenant = db.session.get(Tenant, world.dortmund.id)
        issue = db.session.get(Issue, issue_id)
        s = ops.find_subscriber("leser00000@example.org")
        one = mails.issue_message(mails.issue_frame(tenant, issue), tenant, issue_id, s.id, s.email, s.token)
        two = mails.issue_message(mails.issue_frame(tenant, issue), tenant, issue_id, s.id, s.email, s.token)
    assert one == two
    sent = outbox.messages()[0]
    assert email.message_from_bytes(one, policy=email.policy.default)["Message-ID"] == sent["Message-ID"]


def test_prepared_frame_encodes_exactly_like_the_whole_body():
    """The frame encodes the lines without the unsubscribe link once per issue and only the link's lines
    per recipient: are the bytes the same as encoding the whole body per recipient, for any body?"""
    import random

    from saas.newsletter.render import UNSUBSCRIBE_PLACEHOLDER, _qp, _qp_fill, _qp_parts

    rng = random.Random(7)
    pieces = ["a", " ", "\t", ".", "=", "ä", "€", "\n", "\r\n", "\r", "x" * 80, "  \n", UNSUBSCRIBE_PLACEHOLDER]
    links = ["https://lotse.example.org/dortmund/newsletter/abmelden/" + "T" * n for n in (0, 20, 90)] + [""]
    for _ in range(3000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for link in links:
            assert _qp_fill(_qp_parts(body), link) == _qp(body.replace(UNSUBSCRIBE_PLACEHOLDER, link)), body


def test_retried_batch_skips_sent_and_resends_only_the_mail_in_doubt(app, db, world, outbox):
    """After a worker died mid-batch (lease lapsed), does the retry skip 'sent' rows, resend the one
    'sending' row (same Message-ID) and send the 'pending' rest?"""
    add_subscribers(world.dortmund, 6)
    issue_id = _issue(world.dortmund)
    with silent_broker():  # the broker rings nobody: we play the dead worker
        _send(world.dortmund, issue_id)
        with tenant_context(world.dortmund.id):
            plan = db.session.scalar(select(SendJob).where(SendJob.kind == JobKind.plan))
            assert sending.run(plan.id).startswith("planned 6")
            deliveries = db.session.scalars(select(Delivery).order_by(Delivery.id)).all()
            # Two sent, one in flight at the kill, three never handed over.
            for d, status in zip(deliveries, ["sent", "sent", "sending", "pending", "pending", "pending"], strict=True):
                d.status = DeliveryStatus(status)
            job = db.session.scalar(select(SendJob).where(SendJob.kind == JobKind.batch))
            job.state, job.holder, job.lease_until = JobState.running, "dead-worker", time.time() - 1
            db.session.commit()
            ids = [d.id for d in deliveries]
    assert nl_outbox.sweep() == 1  # beat finds the lapsed lease and rings again
    status, counts = _state(world.dortmund, issue_id)
    assert status == IssueStatus.sent and counts == {"sent": 6}
    assert len(outbox.messages()) == 4  # the one in doubt + three pending; the two sent ones not again
    with tenant_context(world.dortmund.id):
        attempts = dict(db.session.execute(select(Delivery.id, Delivery.attempts).where(Delivery.id.in_(ids))).all())
    assert attempts[ids[2]] == 1 and attempts[ids[0]] == 0


def test_job_committed_but_never_rung_is_sent_by_the_sweeper(app, db, world, outbox):
    """If the process dies right after the commit (the broker never rung), does the beat sweep send it?"""
    add_subscribers(world.dortmund, 3)
    issue_id = _issue(world.dortmund)
    with silent_broker():
        _send(world.dortmund, issue_id)
    assert _state(world.dortmund, issue_id)[0] == IssueStatus.queued and outbox.messages() == []
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(SendJob.state)) == JobState.pending
    from workers.newsletter import sweep

    sweep.delay()
    assert _state(world.dortmund, issue_id) == (IssueStatus.sent, {"sent": 3})
    assert len(outbox.messages()) == 3


def test_rolled_back_send_queues_nothing(app, db, world, outbox):
    """Is a task never started for rows that were rolled back?"""
    add_subscribers(world.dortmund, 2)
    issue_id = _issue(world.dortmund)
    with tenant_context(world.dortmund.id):
        issue_ops.queue_issue(world.dortmund, db.session.get(Issue, issue_id))
        db.session.rollback()
        assert db.session.scalar(select(SendJob.id)) is None
    db.session.commit()
    assert outbox.messages() == [] and _state(world.dortmund, issue_id)[0] == IssueStatus.draft


def test_a_message_for_a_leased_job_does_nothing(app, db, world, outbox):
    """Does a second message for a batch that a live worker holds (Redis redelivery) send nothing?"""
    add_subscribers(world.dortmund, 2)
    issue_id = _issue(world.dortmund)
    with silent_broker():
        _send(world.dortmund, issue_id)
        with tenant_context(world.dortmund.id):
            plan = db.session.scalar(select(SendJob).where(SendJob.kind == JobKind.plan))
            sending.run(plan.id)
            job = db.session.scalar(select(SendJob).where(SendJob.kind == JobKind.batch))
            job.state, job.holder, job.lease_until = JobState.running, "alive", time.time() + 60
            db.session.commit()
            assert sending.run(job.id) == "not claimed"
    assert outbox.messages() == []


def test_a_holder_that_lost_its_lease_claims_nothing_more(app, db, world, outbox):
    """A worker stalled past its lease while another took the batch over: does it stop before claiming a
    single further mail (not only at its next periodic renewal), leaving the batch to the new holder?"""
    add_subscribers(world.dortmund, 5)
    issue_id = _issue(world.dortmund)
    with silent_broker():
        _send(world.dortmund, issue_id)
        with tenant_context(world.dortmund.id):
            plan = db.session.scalar(select(SendJob).where(SendJob.kind == JobKind.plan))
            sending.run(plan.id)
            job_id = db.session.scalar(select(SendJob.id).where(SendJob.kind == JobKind.batch))
            claimed = sending.claim(job_id)
            assert claimed is not None
            stale = sending.Batch(*claimed)  # just renewed: its periodic renewal is not due for a while
            job = db.session.get(SendJob, job_id)
            job.holder, job.lease_until = "the-new-holder", time.time() + 60  # taken over after a lapse
            db.session.commit()
            assert stale.run() == "lease lost"
            statuses = db.session.scalars(select(Delivery.status)).all()
            assert outbox.messages() == [] and set(statuses) == {DeliveryStatus.pending}
            # Lapsed but not taken over: the holder renews and goes on, nothing is left behind.
            assert sending.claim(job_id) is None  # still held by the new holder
            job.holder, job.lease_until = "me", time.time() - 1
            db.session.commit()
            assert sending.Batch(job, "me").run() == "done"
    assert _state(world.dortmund, issue_id) == (IssueStatus.sent, {"sent": 5})
    assert len(outbox.messages()) == 5


def test_smtp_refusals_temporary_deferred_permanent_failed_and_disabled(app, db, world, smtp_sink, monkeypatch):
    """Does a 4xx defer the mail (retried later with back-off) and a 5xx at RCPT mark it failed with the
    reason and disable the address, while everyone else gets the issue?"""
    monkeypatch.setitem(app.config, "MAIL_URL", smtp_sink.url)
    addresses = add_subscribers(world.dortmund, 4)
    smtp_sink.handler.refuse = {addresses[1]: "451 4.7.1 Greylisted, try later", addresses[2]: "550 5.1.1 No such user"}
    issue_id = _issue(world.dortmund)
    _send(world.dortmund, issue_id)
    status, counts = _state(world.dortmund, issue_id)
    assert status == IssueStatus.sending and counts == {"sent": 2, "deferred": 1, "failed": 1}
    assert sorted(r.rcpt for r in smtp_sink.received) == sorted([addresses[0], addresses[3]])
    with tenant_context(world.dortmund.id):
        failed = db.session.scalar(select(Delivery).where(Delivery.status == DeliveryStatus.failed))
        assert "550" in failed.error and "No such user" in failed.error
        gone = ops.find_subscriber(addresses[2])
        assert gone.status == SubscriberStatus.disabled and "550" in gone.disabled_reason
        job = db.session.scalar(select(SendJob).where(SendJob.kind == JobKind.batch))
        assert job.state == JobState.pending and job.retries == 1 and job.not_before > time.time() + 20
        # Greylisting is over; the back-off has passed.
        smtp_sink.handler.refuse = {}
        job.not_before = time.time() - 1
        db.session.commit()
    nl_outbox.sweep()
    status, counts = _state(world.dortmund, issue_id)
    assert status == IssueStatus.sent and counts == {"sent": 3, "failed": 1}
    assert sorted(r.rcpt for r in smtp_sink.received) == sorted([addresses[0], addresses[3], addresses[1]])


def test_unreachable_relay_retries_the_batch_with_backoff(app, db, world, monkeypatch):
    """Does a relay that refuses connections leave the mails open and the batch due again later?"""
    from tests.ports import refused_port

    add_subscribers(world.dortmund, 2)
    issue_id = _issue(world.dortmund)
    with refused_port() as port:  # held while sending: no other server can answer on it
        monkeypatch.setitem(app.config, "MAIL_URL", f"smtp://127.0.0.1:{port}")
        _send(world.dortmund, issue_id)
    status, counts = _state(world.dortmund, issue_id)
    assert status == IssueStatus.sending and "sent" not in counts
    with tenant_context(world.dortmund.id):
        job = db.session.scalar(select(SendJob).where(SendJob.kind == JobKind.batch))
        assert job.state == JobState.pending and job.retries == 1 and job.last_error


def test_rate_limit_is_shared_by_all_workers_of_an_office(app, db, world):
    """Do two senders of one office together stay under the office's mails per second?"""
    with tenant_context(world.dortmund.id):
        ops.get_settings(world.dortmund)
        db.session.commit()
        first, second = sending.RateGate(world.dortmund.id, 40), sending.RateGate(world.dortmund.id, 40)
        started = time.monotonic()
        for _ in range(20):
            first.wait()
            second.wait()
        elapsed = time.monotonic() - started
    assert elapsed >= (40 - 10) / 40 * 0.95  # 40 mails at 40/s: about a second (the first chunk starts at once)


def test_scheduled_issue_waits_for_its_time(app, db, world, outbox):
    """Is a scheduled issue left alone until its time, and sent by the sweep when due?"""
    import datetime as dt

    add_subscribers(world.dortmund, 2)
    issue_id = _issue(world.dortmund)
    with tenant_context(world.dortmund.id):
        issue_ops.queue_issue(
            world.dortmund, db.session.get(Issue, issue_id), dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
        )
        db.session.commit()
    assert nl_outbox.sweep() == 0 and outbox.messages() == []
    assert _state(world.dortmund, issue_id)[0] == IssueStatus.scheduled
    with tenant_context(world.dortmund.id):
        db.session.execute(update(SendJob).values(not_before=time.time() - 1))
        db.session.commit()
    nl_outbox.sweep()
    assert _state(world.dortmund, issue_id) == (IssueStatus.sent, {"sent": 2})


def test_issue_with_many_batches_fans_out_and_finishes(app, db, world, outbox, monkeypatch):
    """Does an issue split into many small batches reach everyone exactly once?"""
    monkeypatch.setitem(app.config, "NEWSLETTER_BATCH_SIZE", 3)
    addresses = add_subscribers(world.dortmund, 20)
    issue_id = _issue(world.dortmund)
    _send(world.dortmund, issue_id)
    assert _state(world.dortmund, issue_id) == (IssueStatus.sent, {"sent": 20})
    assert sorted(str(m["To"]) for m in outbox.messages()) == addresses
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(db.func.count(SendJob.id)).where(SendJob.kind == JobKind.batch)) == 7


def test_annual_report_counts_subscribers_and_issues(app, db, world, outbox):
    """Does the annual section count subscribers at year end and issues sent in the year?"""

    from saas.core.reports import annual_section

    add_subscribers(world.dortmund, 3)
    add_unsubscribed(world.dortmund, 1)
    _send(world.dortmund, _issue(world.dortmund))
    year = timeutil.today().year
    with tenant_context(world.dortmund.id):
        assert annual_section("newsletter", world.dortmund.id, year) == {"subscribers_at_year_end": 3, "issues_sent": 1}
        assert annual_section("newsletter", world.dortmund.id, year - 1) == {
            "subscribers_at_year_end": 0,
            "issues_sent": 0,
        }
    with tenant_context(world.hamm.id):
        assert annual_section("newsletter", world.hamm.id, year)["issues_sent"] == 0


@pytest.mark.parametrize("blocks", [["new_groups", "founding", "looking", "events"]])
def test_generated_blocks_render_without_failing(app, db, world, outbox, blocks):
    """Do the generated blocks work with the directory and events features present (or absent)?"""
    add_subscribers(world.dortmund, 1)
    issue_id = _issue(world.dortmund, blocks=blocks)
    _send(world.dortmund, issue_id)
    assert _state(world.dortmund, issue_id)[0] == IssueStatus.sent


def _postgres_only(db) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")


def test_ledger_connection_goes_back_to_the_pool_without_office_or_settings(app, db, world):
    """The ledger binds the office and turns synchronous_commit off for its connection's whole session
    (one round trip per mail): is that undone before the connection is pooled again?"""
    _postgres_only(db)
    with tenant_context(world.dortmund.id):
        batch = sending.Batch(SendJob(id=0, issue_id=0, tenant_id=world.dortmund.id), "test")
        with batch._ledger() as ledger:
            assert isinstance(ledger, sending.PsycopgLedger)
            raw = ledger.conn.connection.driver_connection
            during = raw.execute("SELECT current_setting('app.tenant_id', true), current_setting('synchronous_commit')")
            assert during.fetchone() == (str(world.dortmund.id), "off")
    assert not raw.closed and not raw.autocommit  # given back to the pool as it was taken
    after = raw.execute(
        "SELECT coalesce(current_setting('app.tenant_id', true), ''), current_setting('app.user_id', true) IS NULL "
        "OR current_setting('app.user_id', true) = '', current_setting('synchronous_commit') = "
        "(SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit')"
    ).fetchone()
    raw.rollback()
    assert after == ("", True, True)


def test_step_uses_primary_keys_in_the_generic_plan(app, db, world):
    """psycopg prepares the hot statement, and PostgreSQL then plans it once for all parameters: does that
    plan find the delivery and the subscriber by primary key, instead of walking all of the office's rows
    once per mail (so that each mail cost more, the more subscribers an office has)?"""
    import re

    _postgres_only(db)
    # Enough rows that the planner (without statistics: the tables are fresh) can tell the indexes apart.
    with tenant_context(world.dortmund.id):
        db.session.execute(
            insert(Subscriber),
            [
                {
                    "tenant_id": world.dortmund.id,
                    "email": f"viele{i:05d}@example.org",
                    "token": secrets.token_urlsafe(24),
                    "status": SubscriberStatus.confirmed,
                    "source": ConsentSource.import_,
                }
                for i in range(5000)
            ],
        )
        db.session.commit()
    issue_id = _issue(world.dortmund)
    with silent_broker():
        _send(world.dortmund, issue_id)
        with tenant_context(world.dortmund.id):
            plan_job = db.session.scalar(select(SendJob).where(SendJob.kind == JobKind.plan))
            assert sending.run(plan_job.id) == "planned 5000"
    compiled = sending._STEP_POSTGRES.compile(dialect=db.engine.dialect)
    names: list[str] = []

    def positional(match: re.Match[str]) -> str:
        if match[1] not in names:
            names.append(match[1])
        return f"${names.index(match[1]) + 1}"

    sql = re.sub(r"%\((\w+)\)s", positional, str(compiled))
    values = compiled.construct_params(
        {
            "tenant": world.dortmund.id,
            "delivery": 1,
            "subscriber": 1,
            "sent": 2,
            "now": None,
            "lease_job": 1,
            "lease_holder": "h",
            "lease_at": 0.0,
        }
    )
    args = ", ".join("NULL" if values[n] is None else repr(values[n]).replace('"', "'") for n in names)
    with tenant_context(world.dortmund.id), db.engine.connect() as conn:
        conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_generic_plan")
        conn.exec_driver_sql(f"PREPARE lotse_step_plan AS {sql}")
        plan = "\n".join(row[0] for row in conn.exec_driver_sql(f"EXPLAIN EXECUTE lotse_step_plan({args})"))
        conn.rollback()
    assert "pk_newsletter_deliveries" in plan and "pk_newsletter_subscribers" in plan, plan
    assert "pk_newsletter_send_jobs" in plan, plan  # the lease fence: the job by primary key
    assert "ix_newsletter_subscribers_tenant" not in plan and "ix_newsletter_deliveries_tenant" not in plan, plan
