"""Registrations: places, waitlist, moving up with a deadline, the signed link, staff corrections."""

import datetime as dt

import pytest
from sqlalchemy import select

from saas.core import timeutil
from saas.events import lifecycle
from saas.events import operations as ops
from saas.events.models import Event, PlaceKind, Registration, RegistrationStatus
from saas.extensions import db
from tenants.models import utcnow
from tenants.scoping import tenant_context
from tests.events.helpers import make_event, register
from tests.factories import Outbox


def _status(tenant, reg_id):  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        db.session.expire_all()
        return db.session.get(Registration, reg_id).status


def test_full_event_puts_people_on_the_waitlist_and_never_overbooks(world, outbox):
    """With 3 places, do the first three get a place, the others the waitlist, each with a mail?"""
    event = make_event(world.dortmund, capacity=3, min_participants=None, decision_date=None)
    regs = register(world.dortmund, event.id, 5)
    assert [_status(world.dortmund, r.id) for r in regs] == ["confirmed"] * 3 + ["waitlisted"] * 2
    messages = outbox.wait_for(5)
    assert "Sie sind angemeldet" in Outbox.text(outbox.to("person0@example.org")[0])
    assert "Warteliste" in Outbox.text(outbox.to("person4@example.org")[0])
    with tenant_context(world.dortmund.id):
        assert ops.held_persons(event.id) == 3
    assert len(messages) == 5


def test_group_of_two_does_not_jump_the_queue_and_too_many_persons_is_refused(world):
    event = make_event(world.dortmund, capacity=3, min_participants=None, decision_date=None)
    register(world.dortmund, event.id, 1, persons=2, prefix="pair")
    (big,) = register(world.dortmund, event.id, 1, persons=2, prefix="big")
    assert _status(world.dortmund, big.id) == "waitlisted"
    (single,) = register(world.dortmund, event.id, 1, prefix="single")
    assert _status(world.dortmund, single.id) == "waitlisted"  # someone waits already: no jumping ahead
    with tenant_context(world.dortmund.id), pytest.raises(ops.RegistrationError, match="nur 3 Plätze"):
        ops.register(event.id, name="X", email="x@example.org", persons=4)


def test_cancellation_offers_the_place_to_the_waitlist_with_a_deadline(world, outbox, client):
    """When someone withdraws, does the first waiting person get the place offered by mail, and can accept it?"""
    event = make_event(world.dortmund, capacity=2, min_participants=None, decision_date=None)
    first, _second, waiting = register(world.dortmund, event.id, 3)
    with tenant_context(world.dortmund.id):
        token = ops.registration_token(db.session.get(Registration, first.id))
    response = client.get(f"/dortmund/veranstaltungen/anmeldung/{token}")
    assert response.status_code == 200 and "angemeldet" in response.get_data(as_text=True)
    assert client.post_form(f"/dortmund/veranstaltungen/anmeldung/{token}", {"action": "cancel"}).status_code == 302
    assert _status(world.dortmund, first.id) == "cancelled"
    assert _status(world.dortmund, waiting.id) == "offered"
    offer = outbox.to("person2@example.org")[-1]
    text = Outbox.text(offer)
    assert "Platz ist frei" in str(offer["Subject"]) and "bis" in text
    link = next(line for line in text.splitlines() if "/veranstaltungen/anmeldung/" in line).strip()
    path = link.split("http://lotse.test", 1)[1]
    assert client.post_form(path, {"action": "accept"}).status_code == 302
    assert _status(world.dortmund, waiting.id) == "confirmed"
    assert "Sie sind angemeldet" in Outbox.text(outbox.to("person2@example.org")[-1])


def test_offer_not_accepted_in_time_goes_to_the_next_person(world, outbox):
    event = make_event(world.dortmund, capacity=1, min_participants=None, decision_date=None)
    first, late, next_in_line = register(world.dortmund, event.id, 3)
    with tenant_context(world.dortmund.id):
        ops.cancel_registration(db.session.get(Registration, first.id))
        db.session.commit()
    assert _status(world.dortmund, late.id) == "offered"
    later = utcnow() + dt.timedelta(hours=ops.OFFER_HOURS + 1)
    with tenant_context(world.dortmund.id):
        assert lifecycle.expire_offers(world.dortmund, now=later) == 1
        db.session.commit()
        assert lifecycle.expire_offers(world.dortmund, now=later) == 0  # idempotent
    assert _status(world.dortmund, late.id) == "expired"
    assert _status(world.dortmund, next_in_line.id) == "offered"
    assert "abgelaufen" in str(outbox.to("person1@example.org")[-1]["Subject"])
    with tenant_context(world.dortmund.id), pytest.raises(ops.RegistrationError):
        ops.accept_offer(db.session.get(Registration, late.id))


def test_duplicate_registration_reveals_nothing_and_resends_the_mail(world, outbox, client):
    """Does registering an e-mail twice keep one registration, answer like a new one, and mail only that address?"""
    event = make_event(world.dortmund, capacity=5, min_participants=None, decision_date=None)
    data = {"name": "Eva", "email": "eva@example.org", "persons": "1", "group_id": "0", "consent": "y"}
    first = client.post_form(f"/dortmund/veranstaltungen/{event.id}", data)
    second = client.post_form(f"/dortmund/veranstaltungen/{event.id}", data)
    assert first.status_code == second.status_code == 302
    assert first.headers["Location"] == second.headers["Location"]
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(db.func.count(Registration.id))) == 1
    assert len(outbox.wait_for(2)) == 2 and len(outbox.to("eva@example.org")) == 2


def test_forged_or_foreign_token_answers_404(world, client):
    event = make_event(world.dortmund, capacity=5, min_participants=None, decision_date=None)
    (reg,) = register(world.dortmund, event.id, 1)
    with tenant_context(world.dortmund.id):
        token = ops.registration_token(db.session.get(Registration, reg.id))
    assert client.get(f"/dortmund/veranstaltungen/anmeldung/{token}").status_code == 200
    assert client.get(f"/hamm/veranstaltungen/anmeldung/{token}").status_code == 404
    assert client.get(f"/dortmund/veranstaltungen/anmeldung/{token[:-2]}xx").status_code == 404
    assert client.get("/dortmund/veranstaltungen/anmeldung/garbage").status_code == 404


def test_registration_form_rejects_bad_input_and_stores_nothing(world, client):
    event = make_event(world.dortmund, capacity=5, min_participants=None, decision_date=None)
    url = f"/dortmund/veranstaltungen/{event.id}"
    cases = [
        {"name": "", "email": "a@example.org", "persons": "1", "group_id": "0", "consent": "y"},
        {"name": "A", "email": "no-mail", "persons": "1", "group_id": "0", "consent": "y"},
        {"name": "A", "email": "a@example.org", "persons": "50", "group_id": "0", "consent": "y"},
        {"name": "A", "email": "a@example.org", "persons": "1", "group_id": "0"},  # no consent
        {"name": "A", "email": "a@example.org", "persons": "1", "group_id": "99999", "consent": "y"},
        {"name": "A" * 500, "email": "a@example.org", "persons": "1", "group_id": "0", "consent": "y"},
    ]
    for data in cases:
        assert client.post_form(url, data).status_code == 422, data
    assert client.post(url, data={**cases[0], "name": "A"}).status_code == 400  # no CSRF token
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(db.func.count(Registration.id))) == 0


def test_closed_registration_and_drafts(world, client):
    """Are drafts invisible (404) and is registration refused after the deadline?"""
    draft = make_event(world.dortmund, publish=False)
    assert client.get(f"/dortmund/veranstaltungen/{draft.id}").status_code == 404
    assert client.get(f"/dortmund/veranstaltungen/{draft.id}.ics").status_code == 404
    closed = make_event(world.dortmund, days_ahead=2, registration_deadline=None, min_participants=None,
                        decision_date=None)  # fmt: skip
    with tenant_context(world.dortmund.id):
        db.session.get(Event, closed.id).registration_deadline = timeutil.today() - dt.timedelta(days=1)
        db.session.commit()
    data = {"name": "A", "email": "a@example.org", "persons": "1", "group_id": "0", "consent": "y"}
    response = client.post_form(f"/dortmund/veranstaltungen/{closed.id}", data)
    assert response.status_code == 302
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(db.func.count(Registration.id))) == 0


def test_online_link_goes_only_to_people_with_a_place(world, outbox, client):
    """Is the online link absent from the public page and the calendar, present in the confirmation only?"""
    secret = "https://meet.example.org/geheim-4711"
    event = make_event(world.dortmund, capacity=1, min_participants=None, decision_date=None,
                       place_kind=PlaceKind.online, address="", online_url=secret)  # fmt: skip
    assert secret not in client.get(f"/dortmund/veranstaltungen/{event.id}").get_data(as_text=True)
    assert secret not in client.get("/dortmund/veranstaltungen").get_data(as_text=True)
    assert secret.encode() not in client.get(f"/dortmund/veranstaltungen/{event.id}.ics").data
    assert secret.encode() not in client.get("/dortmund/veranstaltungen.ics").data
    register(world.dortmund, event.id, 2)
    assert secret in Outbox.text(outbox.to("person0@example.org")[0])
    assert secret not in Outbox.text(outbox.to("person1@example.org")[0])  # waitlisted


def test_staff_can_correct_a_registration_within_capacity(world):
    event = make_event(world.dortmund, capacity=3, min_participants=None, decision_date=None)
    first, second = register(world.dortmund, event.id, 2)
    with tenant_context(world.dortmund.id):
        reg = db.session.get(Registration, first.id)
        with pytest.raises(ops.RegistrationError, match="nur noch 2"):
            ops.update_registration(
                reg, name="A", email="a@example.org", persons=3, group_id=None, accessibility_needs=""
            )
        db.session.rollback()
        reg = db.session.get(Registration, first.id)
        ops.update_registration(reg, name="Anna B.", email="anna@example.org", persons=2, group_id=None,
                                accessibility_needs="Rollstuhlplatz")  # fmt: skip
        db.session.commit()
        assert ops.held_persons(event.id) == 3
    assert _status(world.dortmund, second.id) == RegistrationStatus.confirmed


def test_staff_enter_people_without_e_mail_and_a_bot_filling_the_honeypot_stores_nothing(world, client):
    event = make_event(world.dortmund, capacity=5, min_participants=None, decision_date=None)
    with tenant_context(world.dortmund.id):
        for name in ("Telefonische Anmeldung 1", "Telefonische Anmeldung 2"):
            ops.register(event.id, name=name, email="", persons=1, source="staff")
        db.session.commit()
        assert ops.held_persons(event.id) == 2
    bot = {"name": "Bot", "email": "bot@example.org", "persons": "1", "group_id": "0", "consent": "y",
           "website": "http://spam.example"}  # fmt: skip
    assert client.post_form(f"/dortmund/veranstaltungen/{event.id}", bot).status_code == 302
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(db.func.count(Registration.id))) == 2


def test_confirmation_says_the_minimum_is_reached_once_it_is(world, outbox):
    """Does the confirmation mail name the minimum as an open condition only while fewer have registered, and
    say it is reached (with how many are registered) once it is?"""
    event = make_event(world.dortmund, capacity=20, min_participants=10)
    register(world.dortmund, event.id, n=14)
    register(world.dortmund, event.id, n=1, prefix="late")
    outbox.wait_for(15)
    early = " ".join(Outbox.text(outbox.to("person8@example.org")[0]).split())
    assert "findet statt, wenn sich bis zum" in early and "mindestens 10 Personen" in early
    late = " ".join(Outbox.text(outbox.to("late0@example.org")[0]).split())
    assert "Die Mindestzahl von 10 Personen ist erreicht (15 sind angemeldet)" in late
    assert "wenn sich" not in late and "mindestens" not in late
    tenth = " ".join(Outbox.text(outbox.to("person9@example.org")[0]).split())
    assert "ist erreicht (10 sind angemeldet)" in tenth
