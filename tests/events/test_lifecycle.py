"""The beat tasks: minimum check at the decision date, reminders, deleting personal data; the report."""

import datetime as dt

from sqlalchemy import select

from saas.core import timeutil
from saas.core.reports import annual_section
from saas.events import lifecycle
from saas.events import operations as ops
from saas.events.models import Event, EventStatus, Registration
from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import tenant_context
from tests.events.helpers import make_event, register
from tests.factories import Outbox
from workers import events as event_tasks


def _event(tenant, event_id):  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        db.session.expire_all()
        return db.session.get(Event, event_id)


def test_minimum_missed_cancels_automatically_and_tells_everyone(world, outbox):
    """Done when: a seminar with a minimum of 6 and only 4 registered is cancelled by the task, all 4 told."""
    event = make_event(world.dortmund, days_ahead=10, capacity=12, min_participants=6)
    register(world.dortmund, event.id, 4)
    outbox.wait_for(4)
    decision_day = event.decision_date
    with tenant_context(world.dortmund.id):
        assert lifecycle.check_minimums(world.dortmund, today=decision_day - dt.timedelta(days=1))["cancelled"] == 0
        result = lifecycle.check_minimums(world.dortmund, today=decision_day)
        db.session.commit()
    assert result["cancelled"] == 1
    cancelled = _event(world.dortmund, event.id)
    assert cancelled.status == EventStatus.cancelled and cancelled.cancel_reason == "too_few"
    mails = outbox.wait_for(8)
    for i in range(4):
        last = outbox.to(f"person{i}@example.org")[-1]
        assert "Abgesagt" in str(last["Subject"]) and "zu wenige Anmeldungen" in Outbox.text(last)
    with tenant_context(world.dortmund.id):  # running again changes nothing and sends nothing
        assert lifecycle.check_minimums(world.dortmund, today=decision_day)["cancelled"] == 0
        db.session.commit()
    assert len(outbox.messages()) == len(mails) == 8


def test_beat_task_runs_over_all_offices_under_a_lock(world, outbox):
    """Does the Celery task check every office, and skip when another run holds the lock?"""
    from saas.core.locks import task_lock

    dortmund = make_event(world.dortmund, days_ahead=7, min_participants=6)
    hamm = make_event(world.hamm, days_ahead=7, min_participants=2)
    register(world.hamm, hamm.id, 2, prefix="hamm")
    with task_lock("events-check-minimums") as got:
        assert got
        assert event_tasks.check_minimums.apply().get() == {"skipped": "locked"}
    result = event_tasks.check_minimums.apply().get()
    assert result["dortmund"]["cancelled"] == 1 and result["hamm"]["reached"] == 1
    assert _event(world.dortmund, dortmund.id).status == EventStatus.cancelled
    assert _event(world.hamm, hamm.id).status == EventStatus.published


def test_office_setting_asks_staff_instead_and_keep_is_one_click(world, outbox, client):
    """With "staff decide", is the event left pending with a mail to the office, and kept with one click?"""
    with tenant_context(world.dortmund.id):
        tenant = db.session.get(Tenant, world.dortmund.id)
        tenant.email = "team@dortmund.test"
        ops.set_auto_cancel(tenant, False)
        db.session.commit()
    event = make_event(world.dortmund, days_ahead=10, min_participants=6)
    register(world.dortmund, event.id, 4)
    with tenant_context(world.dortmund.id):
        tenant = db.session.get(Tenant, world.dortmund.id)
        assert lifecycle.check_minimums(tenant, today=event.decision_date)["pending"] == 1
        db.session.commit()
    pending = _event(world.dortmund, event.id)
    assert pending.status == EventStatus.published and pending.decision_pending
    assert "Entscheidung nötig" in str(outbox.to("team@dortmund.test")[0]["Subject"])
    client.login(world.dortmund_staff)
    page = client.get(f"/dortmund/intern/veranstaltungen/{event.id}").get_data(as_text=True)
    assert "Findet trotzdem statt" in page and "Absagen und alle informieren" in page
    assert client.post_form(f"/dortmund/intern/veranstaltungen/{event.id}/stattfinden").status_code == 302
    kept = _event(world.dortmund, event.id)
    assert not kept.decision_pending and kept.kept_despite_minimum and kept.status == EventStatus.published


def test_reminder_two_days_before_only_once_and_only_to_people_with_a_place(world, outbox):
    event = make_event(world.dortmund, days_ahead=2, capacity=2, min_participants=None, decision_date=None,
                       registration_deadline=None)  # fmt: skip
    register(world.dortmund, event.id, 3)
    before = len(outbox.wait_for(3))
    with tenant_context(world.dortmund.id):
        assert lifecycle.send_reminders(world.dortmund, today=timeutil.today() - dt.timedelta(days=1)) == 0
        assert lifecycle.send_reminders(world.dortmund) == 2
        db.session.commit()
        assert lifecycle.send_reminders(world.dortmund) == 0
    reminders = [m for m in outbox.wait_for(before + 2) if "Erinnerung" in str(m["Subject"])]
    assert sorted(str(m["To"]) for m in reminders) == ["person0@example.org", "person1@example.org"]


def test_no_reminder_before_the_minimum_is_decided(world, outbox):
    event = make_event(world.dortmund, days_ahead=2, min_participants=2, registration_deadline=None,
                       decision_date=timeutil.today() + dt.timedelta(days=1))  # fmt: skip
    register(world.dortmund, event.id, 2)
    with tenant_context(world.dortmund.id):
        assert lifecycle.send_reminders(world.dortmund) == 0
        lifecycle.check_minimums(world.dortmund, today=event.decision_date)
        assert lifecycle.send_reminders(world.dortmund) == 2


def test_personal_data_deleted_30_days_after_the_event_counts_kept(world):
    """30 days after an event, are names, e-mails and needs gone while the counts for the report remain?"""
    event = make_event(world.dortmund, days_ahead=3, capacity=10, min_participants=None, decision_date=None,
                       registration_deadline=None)  # fmt: skip
    regs = register(world.dortmund, event.id, 5)
    with tenant_context(world.dortmund.id):
        row = db.session.get(Registration, regs[0].id)
        row.accessibility_needs = "Gebärdensprache"
        ev = db.session.get(Event, event.id)
        ev.start_date = timeutil.today() - dt.timedelta(days=31)  # as if it had taken place a month ago
        ev.decision_checked_at = None
        for i, reg in enumerate(regs):
            db.session.get(Registration, reg.id).attended_persons = 1 if i < 4 else 0
        db.session.commit()
        assert lifecycle.purge_personal_data(world.dortmund, today=timeutil.today() - dt.timedelta(days=2)) == 0
        assert lifecycle.purge_personal_data(world.dortmund) == 5
        db.session.commit()
        assert lifecycle.purge_personal_data(world.dortmund) == 0
        rows = db.session.scalars(select(Registration)).all()
        assert all(r.name == "" and r.email == "" and r.accessibility_needs == "" and r.anonymized_at for r in rows)
        assert lifecycle.registrations_with_personal_data(timeutil.today()) == 0
        section = annual_section("events", world.dortmund.id, ev.start_date.year)
    assert section["held"] == 1 and section["registrations"] == 5 and section["attendance"] == 4


def test_annual_report_counts_held_and_cancelled_by_kind_and_reason_without_any_person(world):
    """Does the events section count per kind and reason, and hold no name or e-mail anywhere?"""
    year = timeutil.today().year - 1
    with tenant_context(world.dortmund.id):
        for day, kind, status, reason in [
            (dt.date(year, 3, 10), "gesamttreffen", "published", None),
            (dt.date(year, 6, 10), "gesamttreffen", "published", None),
            (dt.date(year, 5, 2), "themenabend", "cancelled", "too_few"),
            (dt.date(year, 9, 9), "seminar", "cancelled", "too_few"),
            (dt.date(year, 10, 9), "seminar", "published", None),
            (dt.date(year, 11, 9), "seminar", "cancelled", "staff"),
            (dt.date(year, 12, 1), "fortbildung", "draft", None),
        ]:
            data = {"kind": kind, "title": f"{kind} {day}", "start_date": day, "start_time": dt.time(18)}
            event = ops.create_event({**data, "place_kind": "address", "address": "Dortmund"})
            event.status, event.cancel_reason = status, reason
            event.published_at = None if status == "draft" else dt.datetime(year, 1, 1, tzinfo=dt.UTC)
            if status == "published":
                db.session.add(Registration(event_id=event.id, status="confirmed", persons=2, name="Eva Geheim",
                                            email="eva@example.org", attended_persons=1))  # fmt: skip
        db.session.commit()
        section = annual_section("events", world.dortmund.id, year)
    assert section["held"] == 3 and section["cancelled"] == 3
    assert section["cancelled_by_reason"] == {"too_few": 2, "staff": 1, "other": 0}
    assert section["by_kind"] == {
        "gesamttreffen": {"held": 2, "cancelled": 0},
        "seminar": {"held": 1, "cancelled": 2},
        "themenabend": {"held": 0, "cancelled": 1},
    }
    assert section["registrations"] == 3 and section["registered_persons"] == 6 and section["attendance"] == 3
    assert "Eva" not in repr(section) and "example.org" not in repr(section)
