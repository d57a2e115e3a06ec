"""The aggregation in a real Celery worker process (Redis when TEST_REDIS_URL is set, else the filesystem
broker): correct, idempotent, recovers from a crash, and follows a withdrawn consent."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select, update

from saas.association import aggregation, queries
from saas.association import operations as ops
from saas.association.models import AggregateCount, AggregationRun, Period
from saas.association.views import dispatch_aggregation
from saas.extensions import db
from tests.association.conftest import add_contacts, random_contacts, share
from tests.association.test_aggregation import assert_matches_raw, stored_totals


def run_in_worker(association_id: int | None, celery_worker, timeout: float = 90) -> AggregationRun:
    run_id = dispatch_aggregation(association_id, "test")
    deadline = time.time() + timeout
    while time.time() < deadline:
        db.session.expire_all()
        run = db.session.get(AggregationRun, run_id)
        if run.status in ("done", "failed"):
            assert run.status == "done", celery_worker.output()
            return run
        time.sleep(0.3)
    raise AssertionError("the worker did not finish:\n" + celery_worker.output()[-3000:])


def _worker_log_until(celery_worker, done, timeout: float = 30) -> str:  # type: ignore[no-untyped-def]
    """The worker's output once ``done(output)`` holds, or after ``timeout`` seconds: the worker writes a task's
    "succeeded" line after the task's work is committed, so a test that saw the work may read the log too early."""
    deadline = time.time() + timeout
    log = celery_worker.output()
    while not done(log) and time.time() < deadline:
        time.sleep(0.2)
        log = celery_worker.output()
    return log


class SimulatedCrash(Exception):
    pass


def test_real_worker_aggregates_correctly_recovers_and_follows_consent(three_offices, celery_worker, monkeypatch, app):
    """Three offices with known contacts, aggregated by a worker: equal to raw recounts; twice; after a crash;
    after Hamm withdraws its consent."""
    w = three_offices
    offices = (w.dortmund, w.hamm, w.unna)
    first = run_in_worker(None, celery_worker)
    assert first.periods == 6
    assert_matches_raw(offices)
    totals = stored_totals()

    second = run_in_worker(w.association.id, celery_worker)
    assert second.periods == 0
    assert stored_totals() == totals

    # A run dies half-way (after some months of a period were committed); the worker's next run repairs it.
    add_contacts(w.hamm.id, random_contacts(42, 25, (2023,)))
    db.session.execute(update(Period).where(Period.office_id == w.hamm.id, Period.year == 2023).values(state="STARTED"))
    db.session.commit()
    calls = {"n": 0}

    def crash(stage: str) -> None:
        calls["n"] += stage == "month"
        if calls["n"] == 1:
            raise SimulatedCrash()

    monkeypatch.setattr(ops, "checkpoint", crash)
    with pytest.raises(SimulatedCrash):
        aggregation.run(trigger="test")
    monkeypatch.undo()
    db.session.expire_all()
    assert (
        db.session.scalar(select(Period.state).where(Period.office_id == w.hamm.id, Period.year == 2023)) == "STARTED"
    )
    third = run_in_worker(None, celery_worker)
    assert third.periods >= 1
    assert_matches_raw(offices)

    # Hamm withdraws everything: gone from the stored aggregates and from the rows of the released report,
    # whose totals stay as published (and say so).
    share(w.hamm, w.association, [])
    run_in_worker(None, celery_worker)
    db.session.expire_all()
    assert db.session.scalar(select(func.count(AggregateCount.id)).where(AggregateCount.office_id == w.hamm.id)) == 0
    payload = queries.get_report(w.association, 2023)
    hamm = next(o for o in payload["offices"] if o["tenant"] == "hamm")
    assert set(hamm) == {"tenant", "name"}
    assert payload["total"]["contacts"]["offices"] == 3 and payload["withdrawn"]["contacts"] == 1
    assert_matches_raw((w.dortmund, w.unna))

    # The CLI hands the run to the running worker and waits for it.
    add_contacts(w.unna.id, random_contacts(7, 10, (2023,)))
    result = app.test_cli_runner().invoke(args=["association", "aggregate", "--association", "paritaet-nrw"])
    assert result.exit_code == 0 and "by a worker" in result.output, result.output
    assert_matches_raw((w.dortmund, w.unna))


def test_the_nightly_count_releases_each_association_in_a_task_of_its_own(three_offices, celery_worker):
    """The nightly task counts, then sends one release task per association: the worker runs both kinds, the
    released report is served, and releasing again (a retry, a duplicate delivery) changes nothing."""
    from saas.association.models import AssociationRelease, AssociationReport
    from saas.core.tasks import send

    w = three_offices
    send(aggregation.TASK_NAME)  # as beat sends it: trigger "nightly"
    deadline = time.time() + 90
    report = None
    while time.time() < deadline:
        db.session.expire_all()
        report = db.session.scalar(
            select(AssociationReport).where(
                AssociationReport.association_id == w.association.id, AssociationReport.year == 2023
            )
        )
        if report is not None:
            break
        time.sleep(0.3)
    assert report is not None, celery_worker.output()[-3000:]
    run = db.session.scalar(select(AggregationRun).order_by(AggregationRun.id.desc()))
    assert run.trigger == "nightly" and run.status == "done" and run.periods == 6
    # The release task commits the report before the worker logs that it succeeded: wait for that line too.
    log = _worker_log_until(celery_worker, lambda text: "succeeded" in text.split(f"{aggregation.RELEASE_TASK}[")[-1])
    assert f"{aggregation.RELEASE_TASK}[" in log and "succeeded" in log.split(aggregation.RELEASE_TASK)[-1], log
    served = queries.get_report(w.association, 2023)
    released = db.session.scalar(
        select(func.count(AssociationRelease.id)).where(AssociationRelease.association_id == w.association.id)
    )
    assert released >= 1
    assert_matches_raw((w.dortmund, w.hamm, w.unna))

    # Nothing is due twice.
    assert aggregation.release(w.association.id) == []
    db.session.expire_all()
    assert queries.get_report(w.association, 2023) == served
