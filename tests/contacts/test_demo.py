"""Demo contacts: Dortmund's 2023 report gives the published figures, and seeding twice changes nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from saas.contacts.demo import DORTMUND, seed_office
from saas.contacts.models import Contact
from saas.contacts.report import annual_report
from saas.extensions import db
from tenants.scoping import tenant_context


def test_dortmund_2023_matches_the_published_report(world):
    """Does the seeded Dortmund 2023 give 2.214 contacts, 47/45/8 %, 46/24/13/16/2 % and −4,7 % — and is a
    second seeding a no-op?"""
    assert seed_office(world.dortmund, DORTMUND) is True
    db.session.commit()
    with tenant_context(world.dortmund.id):
        c = annual_report(world.dortmund, 2023)["contacts"]
        count = db.session.scalar(select(func.count(Contact.id)))
    assert c["total"] == 2214
    assert c["by_kind"] == {"citizen": 1078, "relative": 0, "group": 641, "professional": 495}
    assert c["by_channel"] == {"phone": 1040, "written": 997, "in_person": 177}
    assert c["by_channel_pct"] == {"phone": 47, "written": 45, "in_person": 8}
    assert c["citizen_topic_area_pct"] == {
        "mental_health": 46,
        "chronic_illness": 24,
        "addiction": 13,
        "disability": 2,
        "social": 16,
    }
    assert c["by_concern"]["founding_group"] == 17
    assert c["previous_year_total"] == 2323
    assert c["change_pct"] == {"total": -4.7, "citizen": 13.0, "relative": None, "group": -24.0, "professional": -5.9}
    assert seed_office(world.dortmund, DORTMUND) is False
    db.session.commit()
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(func.count(Contact.id))) == count


def test_demo_contacts_were_entered_in_office_hours_of_their_day(world):
    """The start page shows when each of today's contacts was entered: is every demo contact entered on its
    own day, between 8.30 and 16.30 Berlin time (or earlier today, never in the future), and are the ids in
    the order of entry, so "the latest five" are the last entered?"""
    import datetime as dt

    from saas.core.timeutil import OFFICE_TZ, now

    seed_office(world.dortmund, {2023: DORTMUND[2023]})
    db.session.commit()
    with tenant_context(world.dortmund.id):
        rows = db.session.execute(select(Contact.id, Contact.day, Contact.created_at).order_by(Contact.id)).all()
    assert len(rows) == 2214
    for _id, day, created in rows:
        local = created.replace(tzinfo=created.tzinfo or dt.UTC).astimezone(OFFICE_TZ)
        assert local.date() == day and dt.time(8, 30) <= local.time() < dt.time(16, 30), (day, local)
        assert local <= now()
    entered = [created.replace(tzinfo=created.tzinfo or dt.UTC) for _i, _d, created in rows]
    assert entered == sorted(entered)
    assert len({e.time() for e in entered}) > 300  # not one minute for all
