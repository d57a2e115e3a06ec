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
    own day, between 8.30 and 16.30 Berlin time (never in the future), and are the ids in the order of
    entry, so "the latest five" are the last entered?"""
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


def test_a_demo_seeded_before_office_hours_has_no_contact_yet_today(world, monkeypatch):
    """Seeded at five in the morning, the demo showed ten contacts "entered" between 4.46 and 5.04. Does a
    demo seeded before office hours start the day with none, does seeding again at noon add the morning's
    contacts (entered 8.30 to 12.00) and at night the afternoon's, and does one more seeding add nothing?"""
    import datetime as dt

    from saas.contacts import demo
    from saas.core.timeutil import OFFICE_TZ

    day = dt.date(2023, 6, 14)  # a Wednesday with contacts in the published year

    def seed_at(hour: int) -> bool:
        moment = dt.datetime.combine(day, dt.time(hour), tzinfo=OFFICE_TZ)
        monkeypatch.setattr(demo, "demo_now", lambda: moment.astimezone(dt.UTC))
        created = seed_office(world.dortmund, {2023: DORTMUND[2023]}, today=day)
        db.session.commit()
        return created

    def entered_on_day() -> list[dt.time]:
        with tenant_context(world.dortmund.id):
            rows = db.session.scalars(select(Contact.created_at).where(Contact.day == day)).all()
        return sorted(c.replace(tzinfo=c.tzinfo or dt.UTC).astimezone(OFFICE_TZ).time() for c in rows)

    assert seed_at(5) is True  # the days before
    assert entered_on_day() == []
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(func.max(Contact.day))) == day - dt.timedelta(days=1)
    assert seed_at(12) is True
    morning = entered_on_day()
    assert morning and all(dt.time(8, 30) <= t < dt.time(12) for t in morning)
    assert seed_at(23) is True
    whole = entered_on_day()
    assert len(whole) > len(morning) and whole[: len(morning)] == morning
    assert all(dt.time(8, 30) <= t < dt.time(16, 30) for t in whole)
    assert seed_at(23) is False


def test_a_demo_seeded_before_the_relatives_setting_learns_it_and_says_so(world):
    """Dortmund's published reports count relatives among the citizens, so its demo does. Does a demo seeded
    before that setting existed get it at the next seed, and does the seed say something changed (not
    "nothing changed") then, and only then?"""
    from saas.contacts.demo import seed_contacts
    from saas.contacts.models import relatives_apart

    tenants = {"dortmund": world.dortmund}
    assert seed_contacts(tenants) is True
    db.session.commit()
    assert relatives_apart(world.dortmund.settings) is False
    assert seed_contacts(tenants) is False

    world.dortmund.settings = {key: value for key, value in world.dortmund.settings.items() if key != "contacts"}
    db.session.commit()
    assert relatives_apart(world.dortmund.settings) is True
    assert seed_contacts(tenants) is True
    db.session.commit()
    assert relatives_apart(world.dortmund.settings) is False
