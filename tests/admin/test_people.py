"""Office admins manage the office's people: invite, change roles, remove — never the last admin."""

import re

from sqlalchemy import select

from saas.auth.models import Membership, MembershipInvite, Role, User
from tenants.scoping import tenant_context

PEOPLE = "/dortmund/intern/verwaltung/personen"


def _membership(db, tenant, user_id):
    db.session.expire_all()
    with tenant_context(tenant.id):
        return db.session.scalar(select(Membership).where(Membership.user_id == user_id))


def _link(outbox_message, outbox):
    match = re.search(r"http://lotse\.test(/zugang/\S+)", outbox.text(outbox_message))
    assert match, outbox.text(outbox_message)
    return match.group(1)


# Inviting, confirming, expiry, resending and withdrawing: tests/admin/test_office_link.py (issue 17, point 7).


def test_adding_a_member_twice_is_refused(client, db, world, outbox):
    """Is adding someone who is already a member refused with a message, nothing changed or mailed?"""
    client.login(world.dortmund_admin)
    response = client.post_form(PEOPLE, {"email": world.dortmund_readonly.email, "role": "admin"})
    assert response.status_code == 400
    assert "gehört bereits zu dieser Kontaktstelle" in response.get_data(as_text=True)
    assert _membership(db, world.dortmund, world.dortmund_readonly.id).role == Role.readonly
    assert outbox.messages() == []


def test_bad_input_stores_nothing(client, db, world, outbox):
    """Are an invalid e-mail and a forged role refused, with no account created?"""
    client.login(world.dortmund_admin)
    users_before = len(db.session.scalars(select(User)).all())
    bad_mail = client.post_form(PEOPLE, {"email": "keine-adresse", "role": "staff"})
    assert bad_mail.status_code == 400 and "error-summary" in bad_mail.get_data(as_text=True)
    forged = client.post_form(PEOPLE, {"email": "x@example.org", "role": "operator"})
    assert forged.status_code == 400
    assert len(db.session.scalars(select(User)).all()) == users_before
    assert outbox.messages() == []


def test_admin_changes_a_role(client, db, world):
    """Can the admin make a staff member read-only, and is a forged role refused?"""
    client.login(world.dortmund_admin)
    m = _membership(db, world.dortmund, world.dortmund_staff.id)
    assert client.post_form(f"{PEOPLE}/{m.id}/rolle", {"role": "readonly"}).status_code == 302
    assert _membership(db, world.dortmund, world.dortmund_staff.id).role == Role.readonly
    assert client.post_form(f"{PEOPLE}/{m.id}/rolle", {"role": "owner"}).status_code == 400
    assert _membership(db, world.dortmund, world.dortmund_staff.id).role == Role.readonly


def test_last_admin_cannot_demote_or_remove_themself(client, db, world):
    """Is the only admin stopped from demoting or removing themself, with a clear message?"""
    client.login(world.dortmund_admin)
    m = _membership(db, world.dortmund, world.dortmund_admin.id)
    response = client.post_form(f"{PEOPLE}/{m.id}/rolle", {"role": "staff"}, follow_redirects=True)
    assert "mindestens eine Leitung" in response.get_data(as_text=True)
    response = client.post_form(f"{PEOPLE}/{m.id}/entfernen", follow_redirects=True)
    assert "mindestens eine Leitung" in response.get_data(as_text=True)
    assert _membership(db, world.dortmund, world.dortmund_admin.id).role == Role.admin


def test_admin_can_step_down_when_another_admin_exists(client, db, world):
    """With a second admin, may the first demote themself (and then lose the administration)?"""
    client.login(world.dortmund_admin)
    staff = _membership(db, world.dortmund, world.dortmund_staff.id)
    client.post_form(f"{PEOPLE}/{staff.id}/rolle", {"role": "admin"})
    me = _membership(db, world.dortmund, world.dortmund_admin.id)
    response = client.post_form(f"{PEOPLE}/{me.id}/rolle", {"role": "staff"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/dortmund/intern/")
    assert _membership(db, world.dortmund, world.dortmund_admin.id).role == Role.staff
    assert client.get(PEOPLE).status_code == 403


def test_removing_a_person_ends_their_access_to_this_office_only(client, db, world, make_client):
    """Does removing a person (after the confirmation page) end their access here, keeping the account?"""
    staff_client = make_client()
    staff_client.login(world.dortmund_staff)
    client.login(world.dortmund_admin)
    m = _membership(db, world.dortmund, world.dortmund_staff.id)
    confirm = client.get(f"{PEOPLE}/{m.id}/entfernen")
    assert confirm.status_code == 200 and world.dortmund_staff.email in confirm.get_data(as_text=True)
    assert client.post_form(f"{PEOPLE}/{m.id}/entfernen").status_code == 302
    assert _membership(db, world.dortmund, world.dortmund_staff.id) is None
    assert db.session.get(User, world.dortmund_staff.id) is not None
    assert staff_client.get("/dortmund/intern/").status_code == 404


def test_people_list_shows_only_this_office(client, world):
    """Does the list show Dortmund's people and none of Hamm's?"""
    client.login(world.dortmund_admin)
    body = client.get(PEOPLE).get_data(as_text=True)
    for user in (world.dortmund_admin, world.dortmund_staff, world.dortmund_readonly):
        assert user.email in body
    assert world.hamm_admin.email not in body and world.hamm_staff.email not in body


def test_re_adding_a_person_who_never_logged_in_sends_a_new_invitation(client, db, world, outbox, make_client):
    """If an invitation was withdrawn before the person used it, does adding them again mail a fresh link that
    sets the password, while the first link stays dead?"""
    client.login(world.dortmund_admin)
    client.post_form(PEOPLE, {"email": "zoegerlich@example.org", "role": "staff"})
    user = db.session.scalar(select(User).where(User.email == "zoegerlich@example.org"))
    with tenant_context(world.dortmund.id):
        invite = db.session.scalar(select(MembershipInvite).where(MembershipInvite.user_id == user.id))
    client.post_form(f"{PEOPLE}/einladungen/{invite.id}/zurueckziehen")
    client.post_form(PEOPLE, {"email": "zoegerlich@example.org", "role": "readonly"})
    mails = outbox.to("zoegerlich@example.org")
    assert len(mails) == 2
    newcomer = make_client()
    assert newcomer.post_form(_link(mails[0], outbox), {"password": "x" * 20, "confirm": "x" * 20}).status_code == 400
    link = _link(mails[1], outbox)
    assert (
        newcomer.post_form(link, {"password": "endlich ein passwort", "confirm": "endlich ein passwort"}).status_code
        == 302
    )
    newcomer.login("zoegerlich@example.org", "endlich ein passwort")
    assert _membership(db, world.dortmund, user.id).role == Role.readonly


def test_adding_an_existing_account_answers_like_a_new_invitation(client, db, world, make_user):
    """Does an admin learn nothing about whether an address already has a Lotse account elsewhere?"""
    make_user("bekannt@hamm.test", tenant=world.hamm)
    db.session.commit()
    client.login(world.dortmund_admin)
    pages = []
    for email in ("bekannt@hamm.test", "ganz.neu@example.org"):
        response = client.post_form(PEOPLE, {"email": email, "name": "", "role": "staff"}, follow_redirects=True)
        page = response.get_data(as_text=True)
        pages.append(re.search(r"(\S+) wurde eingeladen\. Die Einladung ist unterwegs\.", page) is not None)
    assert pages == [True, True]
