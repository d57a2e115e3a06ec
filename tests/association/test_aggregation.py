"""The aggregation: every stored figure equals a recomputation from the raw rows, incrementally, after
reruns and crashes, and consent decides what is stored and who appears."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
from sqlalchemy import func, select, update

from saas.association import aggregation, queries
from saas.association import operations as ops
from saas.association.models import (
    AggregateCount,
    AssociationOffice,
    AssociationReport,
    DirtyDay,
    Period,
    as_cells,
    as_counter,
)
from saas.extensions import db
from tenants import operations as tenant_ops
from tenants.scoping import cross_tenant, tenant_context
from tests.association.conftest import add_contacts, random_contacts, raw_counts, share


def markers(**where) -> int:
    with cross_tenant("test: count change markers"):
        stmt = select(func.count(DirtyDay.id))
        for key, value in where.items():
            stmt = stmt.where(getattr(DirtyDay, key) == value)
        return db.session.scalar(stmt)


def stored(office_id: int, granularity: str, start: dt.date) -> Counter:
    rows = db.session.scalars(
        select(AggregateCount.counts).where(
            AggregateCount.office_id == office_id,
            AggregateCount.family == "contacts",
            AggregateCount.granularity == granularity,
            AggregateCount.period_start == start,
        )
    ).all()
    assert len(rows) <= 1  # one row per office, family and period
    return as_counter(rows[0]) if rows else Counter()


def stored_totals() -> tuple[int, int]:
    """(stored rows, sum of every stored count): equal after a rerun that changed nothing."""
    rows = db.session.scalars(select(AggregateCount.counts)).all()
    return len(rows), sum(sum(as_counter(cells).values()) for cells in rows)


def raw_month(tenant_id: int, month: dt.date) -> Counter:
    return +sum((c for day, c in raw_days(tenant_id, month.year).items() if day.replace(day=1) == month), Counter())


def raw_days(tenant_id: int, year: int) -> dict[dt.date, Counter]:
    """The contacts of one office and year recounted from the raw rows, per day."""
    from saas.contacts.models import Contact

    out: dict[dt.date, Counter] = {}
    with tenant_context(tenant_id):
        for c in db.session.scalars(select(Contact)):
            if c.day.year != year:
                continue
            counts = out.setdefault(c.day, Counter())
            for key, n in (
                (("total", ""), 1),
                (("kind", c.kind), 1),
                (("channel", c.channel), 1),
                (("concern", c.concern), 1),
                (("kind_area", f"{c.kind}:{c.topic_area}"), 1),
                (("referrals", "to_groups"), c.referrals_to_groups),
                (("referrals", "to_professionals"), c.referrals_to_professionals),
                (("medium", c.medium or "unknown"), int(c.channel == "written")),
            ):
                counts[key] += n
    return {day: +counts for day, counts in out.items()}


def stored_days(office_id: int, year: int) -> dict[dt.date, Counter]:
    out: dict[dt.date, Counter] = {}
    for day, cells in db.session.execute(
        select(AggregateCount.period_start, AggregateCount.counts).where(
            AggregateCount.office_id == office_id,
            AggregateCount.family == "contacts",
            AggregateCount.granularity == "day",
            AggregateCount.period_start.between(dt.date(year, 1, 1), dt.date(year, 12, 31)),
        )
    ):
        assert day not in out  # one row per office and day
        out[day] = as_counter(cells)
        assert out[day]  # a day without contacts has no row
    return out


def assert_matches_raw(offices, years=(2022, 2023)) -> None:
    """Every year, month and day aggregate of every office equals the figures recounted from raw contacts."""
    db.session.expire_all()
    for tenant in offices:
        for year in years:
            assert stored_days(tenant.id, year) == raw_days(tenant.id, year), (tenant.slug, year)
            assert stored(tenant.id, "year", dt.date(year, 1, 1)) == raw_counts(tenant.id, year), (tenant.slug, year)
            for month in range(1, 13):
                start = dt.date(year, month, 1)
                assert stored(tenant.id, "month", start) == raw_month(tenant.id, start), (tenant.slug, start)


def test_aggregates_equal_raw_recount_and_a_rerun_changes_nothing(three_offices):
    """Does every aggregate equal the raw recount, and does running twice never double-count?"""
    w = three_offices
    first = aggregation.run(trigger="test")
    assert first.status == "done" and first.periods == 6
    offices = (w.dortmund, w.hamm, w.unna)
    assert_matches_raw(offices)
    before = stored_totals()
    ids = set(db.session.scalars(select(AggregateCount.id)))
    second = aggregation.run(trigger="test")
    assert second.periods == 0  # nothing changed: nothing rebuilt
    assert stored_totals() == before
    assert set(db.session.scalars(select(AggregateCount.id))) == ids  # not even rewritten
    assert markers() == 0
    assert {p.state for p in db.session.scalars(select(Period))} == {"DONE"}


def day_row_ids(office_id: int) -> dict[dt.date, int]:
    """The stored day rows of an office: day -> row id (a recount makes a new row)."""
    return {
        day: rid
        for rid, day in db.session.execute(
            select(AggregateCount.id, AggregateCount.period_start).where(
                AggregateCount.office_id == office_id, AggregateCount.granularity == "day"
            )
        )
    }


def test_only_changed_periods_are_rebuilt(three_offices):
    """After one new contact, is only that office's year rebuilt — and correctly?"""
    w = three_offices
    first = aggregation.run(trigger="test")
    day_rows = day_row_ids(w.hamm.id)
    assert day_rows
    add_contacts(
        w.hamm.id,
        [
            {
                "day": dt.date(2023, 3, 14),
                "kind": "relative",
                "channel": "phone",
                "topic_area": "addiction",
                "concern": "seeking_group",
            }
        ],
    )
    second = aggregation.run(trigger="test")
    assert second.periods == 1
    periods = {(p.office_id, p.year): p.run_id for p in db.session.scalars(select(Period))}
    assert periods[(w.hamm.id, 2023)] == second.id
    assert all(run_id == first.id for key, run_id in periods.items() if key != (w.hamm.id, 2023))
    assert_matches_raw((w.dortmund, w.hamm, w.unna))
    # Only the changed day was recounted: every other day's rows are the very rows of the first run.
    after = day_row_ids(w.hamm.id)
    changed = {key for key in set(after) | set(day_rows) if after.get(key) != day_rows.get(key)}
    assert changed == {dt.date(2023, 3, 14)}


def test_changes_and_deletions_of_contacts_are_followed(three_offices):
    """Moving a contact to another year and deleting one: do both years follow?"""
    from saas.contacts.models import Contact

    w = three_offices
    aggregation.run(trigger="test")
    with tenant_context(w.dortmund.id):
        contacts = db.session.scalars(select(Contact).order_by(Contact.id)).all()
        moved = next(c for c in contacts if c.day.year == 2022)
        moved.day = dt.date(2023, 6, 1)
        db.session.delete(next(c for c in contacts if c.day.year == 2023 and c is not moved))
        db.session.commit()
    aggregation.run(trigger="test")
    assert_matches_raw((w.dortmund, w.hamm, w.unna))


class SimulatedCrash(Exception):
    pass


def test_a_run_killed_between_started_and_done_is_redone_cleanly(three_offices, monkeypatch):
    """A run dies after committing part of a period (STARTED, some months written): is the rerun correct?"""
    w = three_offices
    aggregation.run(trigger="test")
    add_contacts(w.dortmund.id, random_contacts(99, 30, (2023,)))
    # Force a full rebuild of Dortmund 2023 so that the crash leaves several months half-written.
    db.session.execute(
        update(Period).where(Period.office_id == w.dortmund.id, Period.year == 2023).values(state="STARTED")
    )
    db.session.commit()
    calls = {"n": 0}

    def crash(stage: str) -> None:
        if stage == "month":
            calls["n"] += 1
            if calls["n"] == 1:
                raise SimulatedCrash()

    monkeypatch.setattr(ops, "checkpoint", crash)
    with pytest.raises(SimulatedCrash):
        aggregation.run(trigger="test")
    db.session.expire_all()
    period = db.session.scalar(select(Period).where(Period.office_id == w.dortmund.id, Period.year == 2023))
    assert period.state == "STARTED"
    assert markers() > 0  # markers survive the crash
    # Make the half-written state as bad as it gets: doubled counts in a month already written.
    for row in db.session.scalars(
        select(AggregateCount).where(
            AggregateCount.office_id == w.dortmund.id,
            AggregateCount.granularity.in_(("day", "month")),
            AggregateCount.period_start.between(dt.date(2023, 1, 1), dt.date(2023, 1, 31)),
        )
    ):
        row.counts = as_cells(as_counter(row.counts) + as_counter(row.counts))
    db.session.commit()
    monkeypatch.setattr(ops, "checkpoint", lambda stage: None)
    rerun = aggregation.run(trigger="test")
    assert rerun.status == "done"
    assert_matches_raw((w.dortmund, w.hamm, w.unna))
    assert {p.state for p in db.session.scalars(select(Period))} == {"DONE"}


def test_withdrawn_consent_removes_the_office_from_stored_aggregates(three_offices):
    """When Hamm stops sharing contacts, does it vanish from the stored figures and from the rows of the
    released report? The released totals stay as published (no second version to subtract), and the
    report says that they still contain an office that has withdrawn."""
    w = three_offices
    aggregation.run(trigger="test")
    share(w.hamm, w.association, ["groups"])
    aggregation.run(trigger="test")
    db.session.expire_all()
    families = {
        f for (f,) in db.session.execute(select(AggregateCount.family).where(AggregateCount.office_id == w.hamm.id))
    }
    assert "contacts" not in families
    payload = queries.get_report(w.association, 2023)
    hamm = next(o for o in payload["offices"] if o["tenant"] == "hamm")
    assert "contacts" not in hamm and "groups" in hamm
    assert payload["total"]["contacts"]["offices"] == 3 and payload["withdrawn"] == {
        "contacts": 1,
        "events": 1,
        "newsletter": 1,
    }
    share(w.hamm, w.association, [])
    aggregation.run(trigger="test")
    db.session.expire_all()
    assert db.session.scalar(select(func.count(AggregateCount.id)).where(AggregateCount.office_id == w.hamm.id)) == 0
    hamm = next(o for o in queries.get_report(w.association, 2023)["offices"] if o["tenant"] == "hamm")
    assert hamm == {"tenant": "hamm", "name": w.hamm.name}  # the name only


def test_offices_in_no_association_are_invisible_to_every_association(three_offices, make_tenant):
    """An office in no association (or only in another one): is nothing of it stored or shown?"""
    w = three_offices
    loner = make_tenant("dithmarschen", "DRK Dithmarschen")
    add_contacts(loner.id, random_contacts(5, 50, (2023,)))
    other = tenant_ops.create_association("ak-sh", "AK Schleswig-Holstein")
    elsewhere = make_tenant("kiel", "Kontaktstelle Kiel")
    tenant_ops.add_member(other, elsewhere)
    db.session.commit()
    add_contacts(elsewhere.id, random_contacts(6, 50, (2023,)))
    share(elsewhere, other, ["contacts"])
    aggregation.run(trigger="test")
    db.session.expire_all()
    assert db.session.scalar(select(func.count(AggregateCount.id)).where(AggregateCount.office_id == loner.id)) == 0
    assert markers(tenant_id=loner.id) == 0
    seen = {row.office_id for row in db.session.scalars(select(AssociationOffice))}
    assert loner.id not in seen
    for report in db.session.scalars(select(AssociationReport)):
        slugs = {o["tenant"] for o in report.payload["offices"]}
        assert "dithmarschen" not in slugs
        if report.association_id == w.association.id:
            assert "kiel" not in slugs
        else:
            assert slugs == {"kiel"}


def test_figures_equal_the_offices_own_annual_reports_where_not_suppressed(three_offices):
    """Is every published number of an office the number in that office's own annual report?"""
    from saas.contacts.report import annual_report

    w = three_offices
    aggregation.run(trigger="test")
    payload = queries.get_report(w.association, 2023)
    compared = 0
    for office in payload["offices"]:
        tenant = {t.slug: t for t in (w.dortmund, w.hamm, w.unna)}[office["tenant"]]
        with tenant_context(tenant.id):
            own = annual_report(tenant, 2023)
        for key in (
            "total",
            "by_kind",
            "by_channel",
            "by_channel_pct",
            "citizen_topic_area_pct",
            "by_concern",
            "referrals",
            "previous_year_total",
            "change_pct",
        ):
            ours, theirs = office["contacts"][key], own["contacts"][key]
            pairs = ours.items() if isinstance(ours, dict) else [(key, ours)]
            for sub, value in pairs:
                expected = theirs[sub] if isinstance(theirs, dict) else theirs
                if isinstance(value, str):  # "<5" or "." (or a share carrying one)
                    continue
                assert value == expected, (office["tenant"], key, sub)
                compared += 1
        for key, value in office["groups"].items():
            if not isinstance(value, str):
                assert value == own["groups"][key]
    assert compared > 20


def test_a_count_that_releases_gives_up_soon_on_a_release_held_by_another_job(three_offices, monkeypatch):
    """A run asked for by a person releases in the same job while it holds the count's lock (its TTL
    ``ops.LOCK_TTL_SECONDS``, renewed only between steps). A release of the association held by another job
    (a stuck one) must make it give up after a short wait with Busy, not wait most of the count lock's
    life: the count's lock is freed, the other job's lock is left alone, nothing is released meanwhile and
    the run stays queued; the retry then releases, once."""
    from saas.association.models import AggregationRun, AssociationRelease
    from saas.core import locks
    from saas.core.locks import TaskLock

    w = three_offices
    paused: list[float] = []
    monkeypatch.setattr(aggregation, "_pause", paused.append)  # the waiting, counted instead of slept
    name = f"{aggregation.RELEASE_TASK}:{w.association.id}"
    other = locks.acquire(name, aggregation.RELEASE_LOCK_TTL_SECONDS)
    assert other is not None
    run = ops.create_run(w.association.id, "dashboard")
    db.session.commit()

    def releases() -> list[tuple[int, dt.date]]:
        db.session.expire_all()
        return sorted(
            db.session.execute(
                select(AssociationRelease.year, AssociationRelease.period_end).where(
                    AssociationRelease.association_id == w.association.id
                )
            ).tuples()
        )

    with pytest.raises(aggregation.Busy):
        aggregation.run(w.association.id, run.id, "dashboard", release_now=True)
    assert 0 < sum(paused) <= ops.LOCK_TTL_SECONDS / 10
    count_lock = locks.acquire(ops.LOCK_NAME, 60)
    assert count_lock is not None  # freed at once, not left to expire
    locks.release(ops.LOCK_NAME, count_lock)
    assert db.session.get(TaskLock, name).holder == other
    assert releases() == []
    assert db.session.scalar(select(func.count(AssociationOffice.id))) == 0
    assert db.session.get(AggregationRun, run.id).status == "queued"

    locks.release(name, other)
    done = aggregation.run(w.association.id, run.id, "dashboard", release_now=True)  # the worker's retry
    assert done.id == run.id and done.status == "done"
    released = releases()
    assert released and len(released) == len(set(released))
    assert aggregation.release(w.association.id) == []  # nothing due twice
    aggregation.run(w.association.id, None, "dashboard", release_now=True)
    assert releases() == released


def test_threshold_is_configurable_per_association(three_offices):
    """With a threshold of 10, is every count from 1 to 9 shown as "<10"? (Set before the year's first
    release: a released year keeps its threshold, see test_releases.)"""
    w = three_offices
    w.association.suppression_threshold = 10
    db.session.commit()
    aggregation.run(trigger="test")
    payload = queries.get_report(w.association, 2023)
    assert payload["threshold"] == 10

    counts = [o["contacts"][key] for o in payload["offices"] for key in ("by_kind", "by_channel", "by_concern")]
    values = [v for group in counts for v in group.values()]
    assert "<10" in values and "<5" not in values
    for office in payload["offices"]:
        for k, v in office["contacts"]["by_kind"].items():
            assert v in ("<10", ".") or v == 0 or v >= 10


def test_reports_are_rebuilt_only_when_a_published_table_changes(three_offices):
    """Contacts of today (a period not yet released) are counted, but no published table changes, so the
    nightly run rebuilds no report; nor does a contact back-dated into a released quarter: released tables
    are frozen (what was served is served byte for byte), the aggregates still follow the raw counts, and
    the late contact is simply not in the frozen table."""
    from saas.core import timeutil

    w = three_offices
    today = timeutil.today()
    spec = {"kind": "relative", "channel": "phone", "topic_area": "addiction", "concern": "seeking_group"}
    add_contacts(w.hamm.id, [dict(spec, day=today)])  # the current year has data from the start
    aggregation.run(trigger="test")

    def rebuilt_at() -> dict[int, object]:
        db.session.expire_all()
        return {
            row.year: row.computed_at
            for row in db.session.scalars(
                select(AssociationReport).where(AssociationReport.association_id == w.association.id)
            )
        }

    before = rebuilt_at()
    assert {2022, 2023} <= set(before)
    served = json.dumps(queries.get_report(w.association, 2023))
    # (a) three more contacts today: counted, no report rebuilt
    add_contacts(w.hamm.id, [dict(spec, day=today)] * 3)
    same_month = aggregation.run(trigger="test")
    assert same_month.status == "done" and same_month.periods >= 1
    assert stored(w.hamm.id, "day", today)[("total", "")] == 4
    assert rebuilt_at() == before
    # (b) a contact back-dated into March 2023 (released long ago): counted, nothing rebuilt or changed
    add_contacts(w.hamm.id, [dict(spec, day=dt.date(2023, 3, 14))])
    late = aggregation.run(trigger="test")
    assert late.status == "done" and late.periods == 1
    assert rebuilt_at() == before
    assert json.dumps(queries.get_report(w.association, 2023)) == served
    # (c) the aggregates are the raw counts, the late contact included; the frozen table is the count at release
    payload = queries.get_report(w.association, 2023)
    hamm = next(o for o in payload["offices"] if o["tenant"] == w.hamm.slug)
    assert hamm["contacts"]["total"] == raw_counts(w.hamm.id, 2023)[("total", "")] - 1
    assert_matches_raw((w.hamm,), years=(2023, today.year))
