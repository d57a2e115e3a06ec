"""Staff edit what a group sent before approving it: an entry change, an event, a newsletter item. What
goes live is staff's version; the group's own stays, and the history and the group's mail show both."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from saas.core import timeutil
from saas.directory.models import Group, GroupStatusChange
from saas.events.models import Event
from saas.grouparea.models import GroupChangeProposal, GroupEventSubmission, GroupNewsItem
from tenants.scoping import tenant_context
from tests.grouparea.helpers import ADDRESS, huckarde, sign_in
from tests.grouparea.test_proposals import FORM

BASE = "/dortmund/intern/gruppenbereich"


def _one(db, tenant, model):  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        return db.session.scalar(select(model.id))


def _staff(world, make_client):  # type: ignore[no-untyped-def]
    staff = make_client()
    staff.login(world.dortmund_staff)
    return staff


def test_staff_correct_the_proposed_time_then_approve(world, db, client, make_client, outbox):
    """The group moves to Thursdays at 18.30; staff publish Thursdays at 19.00. Does the entry get 19.00,
    the proposal keep the group's 18.30, the history name both, and the group's mail say what was changed?"""
    group = huckarde(world.dortmund)
    sign_in(client, outbox)
    assert client.post_form("/dortmund/gruppenbereich/eintrag", FORM).status_code == 303
    staff = _staff(world, make_client)
    proposal_id = _one(db, world.dortmund, GroupChangeProposal)
    page = staff.get(f"{BASE}/aenderungen/{proposal_id}").get_data(as_text=True)
    assert 'name="weekday"' in page and '<option selected value="3">' in page  # the form starts from the proposal
    edited = FORM | {"time_start": "19:00", "time_end": "20:30", "bearbeitet": "1", "note": "Raum erst ab 19 Uhr"}
    assert staff.post_form(f"{BASE}/aenderungen/{proposal_id}/freigeben", edited).status_code == 303

    with tenant_context(world.dortmund.id):
        live = db.session.get(Group, group.id)
        assert (live.weekday, live.time_start, live.time_end) == (3, dt.time(19, 0), dt.time(20, 30))
        proposal = db.session.get(GroupChangeProposal, proposal_id)
        assert proposal.changes["weekday"]["new"] == 3 and "time_start" not in proposal.changes  # the group's own
        assert proposal.published == {"weekday": 3, "time_start": "19:00", "time_end": "20:30"}
        assert proposal.published_changes["time_start"] == {"old": "18:30", "new": "19:00"}
        assert sorted(proposal.edited_fields) == ["time_end", "time_start"]
        notes = [
            h.note for h in db.session.scalars(select(GroupStatusChange).where(GroupStatusChange.group_id == group.id))
        ]
    note = next(n for n in notes if n.startswith("Änderung der Gruppe übernommen"))
    assert "Wochentag" in note and "Beginn (18.30 Uhr → 19.00 Uhr)" in note
    detail = staff.get(f"{BASE}/aenderungen/{proposal_id}").get_data(as_text=True)
    assert (
        "Vorschlag der Gruppe" in detail and "Veröffentlicht" in detail and "von der Kontaktstelle angepasst" in detail
    )
    mail = outbox.text(outbox.to(ADDRESS)[-1])
    assert "Beginn: 19.00 Uhr (Ihr Vorschlag: 18.30 Uhr)" in mail and "Raum erst ab 19 Uhr" in mail
    home = client.get("/dortmund/gruppenbereich/start").get_data(as_text=True)
    assert "von der Kontaktstelle angepasst" in home


def test_an_invalid_edit_is_refused_and_nothing_goes_live(world, db, client, make_client, outbox):
    """Is staff's edit with the end before the start answered 422 with the form, the proposal still pending
    and the entry unchanged?"""
    group = huckarde(world.dortmund)
    sign_in(client, outbox)
    client.post_form("/dortmund/gruppenbereich/eintrag", FORM)
    staff = _staff(world, make_client)
    proposal_id = _one(db, world.dortmund, GroupChangeProposal)
    bad = FORM | {"time_start": "20:00", "time_end": "19:00", "bearbeitet": "1"}
    answer = staff.post_form(f"{BASE}/aenderungen/{proposal_id}/freigeben", bad)
    assert answer.status_code == 422 and "Das Ende muss nach dem Beginn liegen" in answer.get_data(as_text=True)
    with tenant_context(world.dortmund.id):
        assert db.session.get(GroupChangeProposal, proposal_id).state == "pending"
        assert db.session.get(Group, group.id).weekday == 1


def test_staff_edit_the_event_before_publishing_it(world, db, client, make_client, outbox):
    """Does the published event carry staff's title and time, while the submission keeps the group's?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    day = timeutil.today() + dt.timedelta(days=20)
    sent = {"title": "offener abend", "start_date": day.isoformat(), "start_time": "18:30", "end_time": "20:30",
            "address": "Gemeindehaus Huckarde", "description": "Kommt vorbei."}  # fmt: skip
    client.post_form("/dortmund/gruppenbereich/veranstaltung", sent)
    staff = _staff(world, make_client)
    submission_id = _one(db, world.dortmund, GroupEventSubmission)
    assert "offener abend" in staff.get(f"{BASE}/veranstaltungen/{submission_id}").get_data(as_text=True)
    edited = sent | {"title": "Offener Abend der Depressionsgruppe", "start_time": "19:00", "bearbeitet": "1"}
    assert staff.post_form(f"{BASE}/veranstaltungen/{submission_id}/freigeben", edited).status_code == 303
    with tenant_context(world.dortmund.id):
        submission = db.session.get(GroupEventSubmission, submission_id)
        event = db.session.get(Event, submission.event_id)
        assert (event.title, event.start_time) == ("Offener Abend der Depressionsgruppe", dt.time(19, 0))
        assert (submission.title, submission.start_time) == ("offener abend", dt.time(18, 30))
        assert sorted(submission.edited_fields) == ["start_time", "title"]
    assert "Offener Abend der Depressionsgruppe" in make_client().get("/dortmund/veranstaltungen.ics").get_data(
        as_text=True
    )
    page = staff.get(f"{BASE}/veranstaltungen/{submission_id}").get_data(as_text=True)
    assert "offener abend" in page and "Offener Abend der Depressionsgruppe" in page


def test_staff_edit_an_event_into_the_past_is_refused(world, db, client, make_client, outbox):
    """Is an edit that moves the event to yesterday refused on the date field, and nothing published?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    day = timeutil.today() + dt.timedelta(days=20)
    sent = {"title": "Abend", "start_date": day.isoformat(), "start_time": "18:30", "address": "Huckarde"}
    client.post_form("/dortmund/gruppenbereich/veranstaltung", sent)
    staff = _staff(world, make_client)
    submission_id = _one(db, world.dortmund, GroupEventSubmission)
    yesterday = (timeutil.today() - dt.timedelta(days=1)).isoformat()
    answer = staff.post_form(f"{BASE}/veranstaltungen/{submission_id}/freigeben",
                             sent | {"start_date": yesterday, "bearbeitet": "1"})  # fmt: skip
    assert answer.status_code == 422 and "Vergangenheit" in answer.get_data(as_text=True)
    with tenant_context(world.dortmund.id):
        assert db.session.get(GroupEventSubmission, submission_id).state == "pending"
        assert db.session.scalar(select(Event.id)) is None


def test_the_newsletter_prints_staffs_version_of_the_item(world, db, client, make_client, outbox):
    """Does the newsletter block print the text staff edited, while the item keeps the group's text?"""
    from saas.newsletter.blocks import group_news

    huckarde(world.dortmund)
    sign_in(client, outbox)
    client.post_form("/dortmund/gruppenbereich/newsletter", {"title": "Wir suchen", "body": "neue leute!!"})
    staff = _staff(world, make_client)
    item_id = _one(db, world.dortmund, GroupNewsItem)
    edited = {"title": "Wir suchen Verstärkung", "body": "Neue Mitglieder sind willkommen.", "bearbeitet": "1"}
    assert staff.post_form(f"{BASE}/beitraege/{item_id}/freigeben", edited).status_code == 303
    with tenant_context(world.dortmund.id):
        item = db.session.get(GroupNewsItem, item_id)
        assert (item.title, item.body) == ("Wir suchen", "neue leute!!")
        block = group_news(world.dortmund, set())
    assert "Wir suchen Verstärkung" in block and "Neue Mitglieder sind willkommen." in block
    assert "neue leute" not in block
    assert "Wir suchen Verstärkung" in staff.get(f"{BASE}/").get_data(as_text=True)


def test_the_edit_pages_answer_404_to_another_office(world, db, client, make_client, outbox):
    """Are the new edit pages of Dortmund's submissions 404 for Hamm's staff?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    client.post_form("/dortmund/gruppenbereich/newsletter", {"title": "T", "body": "B"})
    item_id = _one(db, world.dortmund, GroupNewsItem)
    hamm = make_client()
    hamm.login(world.hamm_admin)
    assert hamm.get(f"{BASE}/beitraege/{item_id}").status_code == 404
    assert (
        hamm.post_form(
            f"{BASE}/beitraege/{item_id}/freigeben", {"title": "x", "body": "y", "bearbeitet": "1"}
        ).status_code
        == 404
    )
