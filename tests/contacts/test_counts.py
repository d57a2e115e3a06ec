"""The daily counts are the one source of the statistics: after any mix of entering, importing,
correcting and deleting they equal what the raw rows say."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from saas.contacts import operations as ops
from saas.contacts.importer import import_contacts
from saas.contacts.models import Contact, ContactDailyCount
from saas.contacts.queries import Period, change_pct, figures, share_pct
from saas.directory.models import Group
from saas.extensions import db
from tenants.models import Site
from tenants.scoping import tenant_context
from tests.contacts.helpers import known_rows, make_topics, to_csv


def recount_from_raw_rows() -> Counter:
    """Independent of the operations: count every figure straight from the contact rows."""
    expected: Counter = Counter()
    for c in db.session.scalars(select(Contact)):
        site = c.site_id or 0
        expected[(c.day, site, "total", "")] += 1
        expected[(c.day, site, "kind", c.kind)] += 1
        expected[(c.day, site, "channel", c.channel)] += 1
        expected[(c.day, site, "kind_area", f"{c.kind}:{c.topic_area}")] += 1
        expected[(c.day, site, "concern", c.concern)] += 1
        if c.topic_label:
            expected[(c.day, site, "topic_free" if c.topic_unmatched else "topic", c.topic_label)] += 1
        expected[(c.day, site, "ref", "to_groups")] += c.referrals_to_groups
        expected[(c.day, site, "ref", "to_professionals")] += c.referrals_to_professionals
    return Counter({k: v for k, v in expected.items() if v})


def stored_counts() -> Counter:
    rows = db.session.scalars(select(ContactDailyCount)).all()
    assert all(r.count > 0 for r in rows), "no zero or negative counters are kept"
    return Counter({(r.day, r.site, r.dim, r.key): r.count for r in rows})


def _group(tenant_id: int, name: str) -> Group:
    group = Group(tenant_id=tenant_id, name=name, topic_area="addiction", status="active")
    db.session.add(group)
    db.session.flush()
    return group


def test_counts_stay_exact_through_entry_import_correction_and_deletion(world):
    """After create, import, correct (day, site, kind, topic, referrals) and delete: do the daily counts
    equal a recount from the raw rows, in both offices?"""
    topics = make_topics(world.dortmund)
    today = ops.today()
    with tenant_context(world.dortmund.id):
        site = db.session.scalar(select(Site))
        g1, g2 = _group(world.dortmund.id, "Anonyme Alkoholiker"), _group(world.dortmund.id, "Blaues Kreuz")
        created = [
            ops.record_contact(
                ops.ContactData(
                    day=today,
                    kind="citizen",
                    channel="phone",
                    topic_area="addiction",
                    concern="seeking_group",
                    topic_id=topics["Alkoholabhängigkeit"].id,
                    group_ids=[g1.id, g2.id],
                    referrals_to_professionals=1,
                )
            )
            for _ in range(3)
        ]
        import_contacts(to_csv(known_rows()))
        first = created[0]
        ops.update_contact(
            first,
            ops.ContactData(
                day=today.replace(day=1),
                kind="relative",
                channel="written",
                topic_area="mental_health",
                concern="information",
                site_id=site.id,
                topic_id=topics["Depression"].id,
                group_ids=[g2.id],
            ),
        )
        ops.delete_contact(created[1])
        db.session.commit()
        assert stored_counts() == recount_from_raw_rows()
        assert first.referrals_to_groups == 1 and [r.group_id for r in first.referrals] == [g2.id]
    with tenant_context(world.hamm.id):
        ops.record_contact(ops.ContactData(day=today, kind="group", channel="in_person", topic_area="social"))
        db.session.commit()
        assert stored_counts() == recount_from_raw_rows()
        assert sum(stored_counts()[k] for k in stored_counts() if k[2] == "total") == 1
    with tenant_context(world.dortmund.id):
        assert stored_counts() == recount_from_raw_rows()  # the other office's entry changed nothing here
        before = stored_counts()
        ops.recount(world.dortmund.id)
        db.session.commit()
        assert stored_counts() == before


def test_locked_years_cannot_be_changed(world):
    """Can only contacts of the current and the previous year be entered, corrected or deleted?"""
    today = ops.today()
    old_day = dt.date(today.year - 2, 12, 31)
    with tenant_context(world.dortmund.id):
        import_contacts(to_csv([{**known_rows()[0], "date": old_day.isoformat(), "topic": ""}]))
        db.session.commit()
        old = db.session.scalar(select(Contact))
        data = ops.contact_data(old)
        with pytest.raises(ops.LockedYear):
            ops.update_contact(old, data)
        with pytest.raises(ops.LockedYear):
            ops.delete_contact(old)
        with pytest.raises(ops.LockedYear):
            ops.record_contact(ops.ContactData(day=old_day, kind="citizen", channel="phone", topic_area="social"))
        db.session.rollback()
        recent = ops.record_contact(
            ops.ContactData(day=dt.date(today.year - 1, 1, 1), kind="citizen", channel="phone", topic_area="social")
        )
        with pytest.raises(ops.LockedYear):  # moving a contact into a locked year is refused too
            ops.update_contact(
                recent, ops.ContactData(day=old_day, kind="citizen", channel="phone", topic_area="social")
            )
        db.session.rollback()


def test_references_must_belong_to_the_office(world):
    """Is a site, topic or group of another office refused like an unknown one?"""
    hamm_topics = make_topics(world.hamm)
    with tenant_context(world.hamm.id):
        hamm_site = db.session.scalar(select(Site)).id
        hamm_group = _group(world.hamm.id, "Hammer Gruppe").id
        db.session.commit()
    day = ops.today()
    with tenant_context(world.dortmund.id):
        for kwargs in (
            {"site_id": hamm_site},
            {"topic_id": hamm_topics["Diabetes"].id},
            {"group_ids": [hamm_group]},
            {"kind": "buerger"},
            {"referrals_to_professionals": -1},
        ):
            data = {"day": day, "kind": "citizen", "channel": "phone", "topic_area": "social", **kwargs}
            with pytest.raises(ops.ContactError):
                ops.record_contact(ops.ContactData(**data))
        db.session.rollback()
        assert db.session.scalar(select(Contact)) is None


@pytest.mark.parametrize(
    ("part", "base", "pct"),
    [(1, 8, 13), (1, 200, 1), (3, 200, 2), (1040, 2214, 47), (997, 2214, 45), (177, 2214, 8), (5, 0, 0), (1, 3, 33)],
)
def test_shares_round_half_up(part, base, pct):
    """Are shares whole numbers rounded half-up (12.5 → 13, 0.5 → 1, 1.5 → 2), 0 for an empty base?"""
    assert share_pct(part, base) == pct


@pytest.mark.parametrize(
    ("current", "previous", "change"),
    [
        (2214, 2323, -4.7),
        (1078, 954, 13.0),
        (641, 843, -24.0),
        (495, 526, -5.9),
        (81, 80, 1.3),
        (79, 80, -1.3),
        (5, 0, None),
        (0, 0, None),
        (0, 7, -100.0),
    ],
)
def test_changes_have_one_decimal_and_null_without_previous(current, previous, change):
    """Is the change one decimal, half-up (away from zero for ties), and None when there is no previous figure?"""
    assert change_pct(current, previous) == change


def test_periods_and_their_previous_periods():
    """Which period is compared with which?"""
    assert Period.year(2023).previous() == Period.year(2022)
    assert Period.quarter(2023, 1).previous() == Period.quarter(2022, 4)
    assert Period.quarter(2024, 1).end == dt.date(2024, 3, 31)
    assert Period.month(2024, 3).previous() == Period.month(2024, 2)
    assert Period.month(2024, 2).end == dt.date(2024, 2, 29)
    custom = Period(dt.date(2024, 3, 1), dt.date(2024, 3, 10), "range")
    assert custom.previous() == Period(dt.date(2024, 2, 20), dt.date(2024, 2, 29), "range")


def test_figures_by_site(world):
    """Do the figures of one site count only that site's contacts?"""
    with tenant_context(world.hamm.id):
        sites = db.session.scalars(select(Site).order_by(Site.position)).all()
        day = ops.today()
        for site, n in ((sites[0], 2), (sites[1], 5)):
            for _ in range(n):
                ops.record_contact(
                    ops.ContactData(day=day, kind="citizen", channel="phone", topic_area="social", site_id=site.id)
                )
        db.session.commit()
        assert figures(day, day).total == 7
        assert figures(day, day, sites[1].id).total == 5
