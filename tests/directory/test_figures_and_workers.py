"""Annual figures from the status history; yearly confirmations; inquiry deletion; stale entries; demo seed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from saas.core import timeutil
from saas.core.reports import annual_section
from saas.directory import operations as ops
from saas.directory.models import Group, GroupInquiry
from saas.directory.queries import group_figures, is_stale
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.directory.helpers import make_group
from workers.directory import purge_inquiries, send_confirmations


def _step(tenant, group, status: str, on: dt.date) -> None:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        ops.change_status(db.session.get(Group, group.id), status, acting_user=None, on=on)
        db.session.commit()


def test_annual_figures_come_from_history_for_past_years(world) -> None:
    """Are founded / abandoned / dissolved / at-year-end counts right for each year, also past ones?"""
    d = world.dortmund
    old = make_group(d, "Alt", ["A"], since=dt.date(2015, 3, 1))
    founded = make_group(d, "Neu", ["B"], status="founding", since=dt.date(2022, 5, 1))
    gave_up = make_group(d, "Abbruch", ["C"], status="founding", since=dt.date(2022, 9, 1))
    _step(d, founded, "active", dt.date(2023, 2, 1))
    _step(d, gave_up, "abandoned", dt.date(2023, 6, 1))
    _step(d, old, "dissolved", dt.date(2023, 12, 31))
    make_group(world.hamm, "Hamm", ["A"], since=dt.date(2015, 1, 1))
    with tenant_context(d.id):
        y2022 = group_figures(2022)
        y2023 = annual_section("groups", d.id, 2023)
    assert (y2022.pop("added"), y2022.pop("added_existing"), y2023.pop("added")) == (2, 0, 0)
    assert sum(y2022.pop("active_by_topic_area").values()) == sum(y2023.pop("active_by_topic_area").values()) == 1
    assert y2022 == {
        "active_at_year_end": 1,
        "founded": 0,
        "founding_at_year_end": 2,
        "founding_abandoned": 0,
        "dissolved": 0,
        "topics": 3,
    }
    assert y2023 == {
        "active_at_year_end": 1,
        "founded": 1,
        "founding_at_year_end": 0,
        "founding_abandoned": 1,
        "dissolved": 1,
        "topics": 1,
        "added_existing": 0,
    }


def test_yearly_confirmation_mail_once_a_year(world, app, outbox) -> None:
    """Does the beat task mail each active group's contact once, not again within the year, and mark stale ones?"""
    group = make_group(world.dortmund, "Zu bestätigen", contacts=[{"name": "Uta", "email": "uta@example.org"}])
    make_group(world.hamm, "Hamm ohne Mail")
    assert send_confirmations.delay().get() == 1
    mails = outbox.to("uta@example.org")
    assert len(mails) == 1 and "/dortmund/gruppen/bestaetigen/" in outbox.text(mails[0])
    assert send_confirmations.delay().get() == 0
    next_year = (dt.datetime.now(dt.UTC) + dt.timedelta(days=370)).isoformat()
    assert send_confirmations.delay(next_year).get() == 1
    with tenant_context(world.dortmund.id):
        fresh = db.session.get(Group, group.id)
        assert not is_stale(fresh)
        assert is_stale(fresh, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=470))


def test_closed_inquiries_are_deleted_after_90_days(world) -> None:
    """Are inquiries deleted 90 days after closing, and open or recently closed ones kept?"""
    group = make_group(world.dortmund, "Anfragegruppe")
    with tenant_context(world.dortmund.id):
        now = dt.datetime.now(dt.UTC)
        for closed in (now - dt.timedelta(days=91), now - dt.timedelta(days=10), None):
            db.session.add(
                GroupInquiry(
                    group_id=group.id,
                    name="X",
                    reach="y",
                    consent_text="ja",
                    state="closed" if closed else "open",
                    closed_at=closed,
                )
            )
        db.session.commit()
    assert purge_inquiries.delay().get() == 1
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(func.count(GroupInquiry.id))) == 2


def test_demo_seed_fills_directories_idempotently(db) -> None:
    """Does `lotse demo seed` give Dortmund ~230 existing groups with history, and change nothing the second time?"""
    from saas.core.demo import seed_all, seeding_on
    from tenants.models import Tenant

    today = timeutil.today()  # one day for both seeds: in office hours a contact comes in between
    with seeding_on(today):
        seed_all()
    db.session.commit()
    dortmund = db.session.scalar(select(Tenant).where(Tenant.slug == "dortmund"))
    with tenant_context(dortmund.id):
        count = db.session.scalar(
            select(func.count(Group.id)).where(Group.status.in_(("active", "founding", "paused")))
        )
        statuses = set(db.session.scalars(select(Group.status)))
        protected = db.session.scalar(select(func.count(Group.id)).where(Group.visibility == "protected"))
    assert 220 <= count <= 260 and {"active", "founding", "dissolved", "abandoned"} <= statuses and protected > 5
    with seeding_on(today):
        assert seed_all() is False
