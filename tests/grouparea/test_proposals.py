"""Entry changes: the group proposes, staff see old and new side by side and decide; approved changes go
live and into the life-cycle history. The yearly confirmation is one click."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from saas.core import timeutil
from saas.directory.models import Group, GroupStatusChange
from saas.grouparea.models import GroupChangeProposal
from tenants.scoping import tenant_context
from tests.grouparea.helpers import ADDRESS, huckarde, sign_in

FORM = {
    "rhythm": "biweekly",
    "weekday": "3",  # Thursday
    "nth_weekday": "",
    "time_start": "18:30",
    "time_end": "20:00",
    "place": "Gemeindehaus Huckarde",
    "meeting_mode": "in_person",
    "welcomes_new_members": "y",
    "description": "",
}


def _proposal_id(db, tenant) -> int:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        return db.session.scalar(select(GroupChangeProposal.id))


def test_moving_to_thursdays_waits_for_staff_then_goes_live_with_history(world, db, client, make_client, outbox):
    """Does a proposed move to Thursdays stay unpublished until staff approve it side by side, then go live
    and into the history, and does the group get told?"""
    group = huckarde(world.dortmund)
    sign_in(client, outbox)
    response = client.post_form("/dortmund/gruppenbereich/eintrag", FORM)
    assert response.status_code == 303
    with tenant_context(world.dortmund.id):
        assert db.session.get(Group, group.id).weekday == 1  # still Tuesday: nothing is public yet
    db.session.rollback()

    staff = make_client()
    staff.login(world.dortmund_staff)
    proposal_id = _proposal_id(db, world.dortmund)
    start = staff.get("/dortmund/intern/").get_data(as_text=True)
    waiting = start.split('id="panel-grouparea"')[1].split("</section>")[0]  # the start page's "Von Gruppen"
    assert group.name in waiting and "Änderung des Eintrags" in waiting
    assert f"/dortmund/intern/gruppenbereich/aenderungen/{proposal_id}" in waiting
    page = staff.get(f"/dortmund/intern/gruppenbereich/aenderungen/{proposal_id}").get_data(as_text=True)
    table = page[page.index("<table") : page.index("</table>")]
    assert "Dienstag" in table and "Donnerstag" in table  # old and new side by side
    assert "Gemeindehaus" not in table  # unchanged fields are not listed (the edit form below has them all)
    answer = staff.post_form(f"/dortmund/intern/gruppenbereich/aenderungen/{proposal_id}/freigeben", {"note": ""})
    assert answer.status_code == 303

    with tenant_context(world.dortmund.id):
        live = db.session.get(Group, group.id)
        assert live.weekday == 3
        history = db.session.scalars(select(GroupStatusChange).where(GroupStatusChange.group_id == group.id)).all()
        assert any("Wochentag" in h.note and h.user_id == world.dortmund_staff.id for h in history)
        assert db.session.get(GroupChangeProposal, proposal_id).state == "approved"
    assert any("freigegeben" in str(m["Subject"]) for m in outbox.to(ADDRESS))


def test_rejected_changes_stay_away(world, db, client, make_client, outbox):
    """Does a rejected proposal leave the entry as it was and tell the group why?"""
    group = huckarde(world.dortmund)
    sign_in(client, outbox)
    client.post_form("/dortmund/gruppenbereich/eintrag", {**FORM, "place": "Bei mir zu Hause"})
    staff = make_client()
    staff.login(world.dortmund_staff)
    proposal_id = _proposal_id(db, world.dortmund)
    staff.post_form(f"/dortmund/intern/gruppenbereich/aenderungen/{proposal_id}/ablehnen", {"note": "Bitte anrufen"})
    with tenant_context(world.dortmund.id):
        assert db.session.get(Group, group.id).place == "Gemeindehaus Huckarde"
    assert any("Bitte anrufen" in outbox.text(m) for m in outbox.to(ADDRESS))


def test_nothing_changed_is_said_so(world, client, outbox):
    """Does sending the form unchanged store nothing and say so?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    response = client.post_form("/dortmund/gruppenbereich/eintrag", FORM | {"weekday": "1"})
    assert response.status_code == 400
    assert "nichts geändert" in response.get_data(as_text=True)


def test_read_only_staff_cannot_decide(world, db, client, make_client, outbox):
    """May a read-only user approve? (No: 403.)"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    client.post_form("/dortmund/gruppenbereich/eintrag", FORM)
    reader = make_client()
    reader.login(world.dortmund_readonly)
    proposal_id = _proposal_id(db, world.dortmund)
    assert reader.post_form(f"/dortmund/intern/gruppenbereich/aenderungen/{proposal_id}/freigeben").status_code == 403


def test_yearly_confirmation_is_one_click(world, db, client, outbox):
    """Does one click in the area confirm the entry for the year?"""
    group = huckarde(world.dortmund)
    sign_in(client, outbox)
    assert client.post_form("/dortmund/gruppenbereich/bestaetigen").status_code == 303
    with tenant_context(world.dortmund.id):
        confirmed = db.session.get(Group, group.id).confirmed_at
    assert confirmed is not None and confirmed.date() >= timeutil.today() - dt.timedelta(days=1)
