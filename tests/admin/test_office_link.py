"""Issue 17, point 7: linking an existing account to an office needs that person's confirmation by mail.

The link is signed, expires and works once; until it is used the account has no access to the office; the
admin sees the offer as pending and can resend (the old link dies) or withdraw it.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from saas.auth.models import Membership, MembershipInvite, Role, User
from tenants.scoping import tenant_context

PEOPLE = "/dortmund/intern/verwaltung/personen"


def _membership(db, tenant, user_id):  # type: ignore[no-untyped-def]
    db.session.expire_all()
    with tenant_context(tenant.id):
        return db.session.scalar(select(Membership).where(Membership.user_id == user_id))


def _invite(db, tenant, user_id):  # type: ignore[no-untyped-def]
    db.session.expire_all()
    with tenant_context(tenant.id):
        return db.session.scalar(select(MembershipInvite).where(MembershipInvite.user_id == user_id))


def _link(message, outbox) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r"http://lotse\.test(/zugang/\S+)", outbox.text(message))
    assert match, outbox.text(message)
    return match.group(1)


def _offer_to_hamm_staff(client, world, make_client):  # type: ignore[no-untyped-def]
    """Hamm's staff member (an account that has logged in before) in their own browser, and Dortmund's
    admin offering them a read-only role."""
    victim = make_client()
    victim.login(world.hamm_staff)
    client.login(world.dortmund_admin)
    response = client.post_form(PEOPLE, {"email": world.hamm_staff.email, "role": "readonly"})
    assert response.status_code == 302
    return victim


def test_an_existing_account_gets_no_access_until_it_confirms_by_mail(client, db, world, outbox, make_client):
    """Regression (point 7): before, adding an existing account gave it access at once. Now the account has
    no access to the office until the person opens the mailed link and confirms; then it has."""
    victim = _offer_to_hamm_staff(client, world, make_client)
    assert _membership(db, world.dortmund, world.hamm_staff.id) is None
    assert victim.get("/dortmund/intern/").status_code == 404  # no access yet
    assert "dortmund" not in victim.get("/konto").get_data(as_text=True).lower()

    (mail,) = outbox.to(world.hamm_staff.email)
    assert "bestätigen" in mail["Subject"] and "Selbsthilfe-Kontaktstelle Dortmund" in mail["Subject"]
    link = _link(mail, outbox)
    # Opening the link (a mail scanner does) changes nothing: only the POST confirms.
    page = victim.get(link)
    assert page.status_code == 200 and "Zugang bestätigen" in page.get_data(as_text=True)
    assert 'name="password"' not in page.get_data(as_text=True)  # the account keeps its password
    assert _membership(db, world.dortmund, world.hamm_staff.id) is None

    assert victim.post_form(link).status_code == 302
    assert _membership(db, world.dortmund, world.hamm_staff.id).role == Role.readonly
    assert _membership(db, world.hamm, world.hamm_staff.id).role == Role.staff  # Hamm untouched
    assert victim.get("/dortmund/intern/").status_code == 200


def test_the_link_works_once(client, db, world, outbox, make_client):
    """Is a used link refused (400) and changes nothing, even after the person was removed again?"""
    victim = _offer_to_hamm_staff(client, world, make_client)
    link = _link(outbox.to(world.hamm_staff.email)[0], outbox)
    assert victim.post_form(link).status_code == 302
    membership = _membership(db, world.dortmund, world.hamm_staff.id)
    assert client.post_form(f"{PEOPLE}/{membership.id}/entfernen").status_code == 302
    assert victim.get(link).status_code == 400
    assert victim.post_form(link).status_code == 400
    assert _membership(db, world.dortmund, world.hamm_staff.id) is None


def test_the_link_expires(app, client, db, world, outbox, make_client, monkeypatch):
    """Is an expired link refused, with no membership created?"""
    victim = _offer_to_hamm_staff(client, world, make_client)
    link = _link(outbox.to(world.hamm_staff.email)[0], outbox)
    monkeypatch.setitem(app.config, "INVITATION_MAX_AGE", -1)
    assert victim.post_form(link).status_code == 400
    assert _membership(db, world.dortmund, world.hamm_staff.id) is None


def test_forged_and_foreign_links_are_refused(client, db, world, outbox, make_client):
    """A tampered token, a token of another purpose (a password reset's), garbage and a NUL: 400 or 404,
    never a 500, and nothing changes."""
    from saas.auth.operations import reset_token

    victim = _offer_to_hamm_staff(client, world, make_client)
    link = _link(outbox.to(world.hamm_staff.email)[0], outbox)
    token = link.rsplit("/", 1)[1]
    for bad in (
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        reset_token(db.session.get(User, world.hamm_staff.id)),
        "x" * 5000,
        "abc%00def",
    ):
        assert victim.post_form(f"/zugang/{bad}").status_code in (400, 404)
    assert _membership(db, world.dortmund, world.hamm_staff.id) is None


def test_admin_sees_the_pending_offer_and_can_resend_it(client, db, world, outbox, make_client):
    """Does the people page show the offer as pending (not as a member), and does "resend" mail a new link
    while the old one stops working?"""
    victim = _offer_to_hamm_staff(client, world, make_client)
    page = client.get(PEOPLE).get_data(as_text=True)
    members = page.split("<caption", 1)[1].split("</table>", 1)[0]
    pending = page.split("Einladungen, noch nicht bestätigt", 1)
    assert len(pending) == 2 and world.hamm_staff.email in pending[1]
    assert world.hamm_staff.email not in members  # not listed among the people with access
    old = _link(outbox.to(world.hamm_staff.email)[0], outbox)
    invite = _invite(db, world.dortmund, world.hamm_staff.id)

    assert client.post_form(f"{PEOPLE}/einladungen/{invite.id}/erneut-senden").status_code == 302
    mails = outbox.to(world.hamm_staff.email)
    assert len(mails) == 2
    new = _link(mails[1], outbox)
    assert new != old
    assert victim.post_form(old).status_code == 400
    assert victim.post_form(new).status_code == 302
    assert _membership(db, world.dortmund, world.hamm_staff.id).role == Role.readonly
    assert "Einladungen, noch nicht bestätigt" not in client.get(PEOPLE).get_data(as_text=True)


def test_admin_can_withdraw_the_offer(client, db, world, outbox, make_client):
    """After "withdraw", is the offer gone from the page and its link dead?"""
    victim = _offer_to_hamm_staff(client, world, make_client)
    link = _link(outbox.to(world.hamm_staff.email)[0], outbox)
    invite = _invite(db, world.dortmund, world.hamm_staff.id)
    assert client.post_form(f"{PEOPLE}/einladungen/{invite.id}/zurueckziehen").status_code == 302
    assert _invite(db, world.dortmund, world.hamm_staff.id) is None
    assert victim.post_form(link).status_code == 400
    assert _membership(db, world.dortmund, world.hamm_staff.id) is None
    client.get(PEOPLE)  # the flash
    assert world.hamm_staff.email not in client.get(PEOPLE).get_data(as_text=True)


def test_resend_and_withdraw_need_the_office_admin(client, db, world, outbox, make_client):
    """Hamm's admin gets 404 for Dortmund's offer, Dortmund's staff 403; without CSRF token 400."""
    _offer_to_hamm_staff(client, world, make_client)
    invite = _invite(db, world.dortmund, world.hamm_staff.id)
    for path in ("erneut-senden", "zurueckziehen"):
        url = f"{PEOPLE}/einladungen/{invite.id}/{path}"
        hamm = make_client()
        hamm.login(world.hamm_admin)
        assert hamm.post_form(url).status_code == 404
        staff = make_client()
        staff.login(world.dortmund_staff)
        assert staff.post_form(url).status_code == 403
        assert client.post(url).status_code == 400
        assert client.post_form(f"{PEOPLE}/einladungen/99999999999999999999/{path}").status_code == 404
    assert _invite(db, world.dortmund, world.hamm_staff.id) is not None
    assert len(outbox.to(world.hamm_staff.email)) == 1


def test_a_new_person_sets_the_password_with_the_same_link(client, db, world, outbox, make_client):
    """A new address: the one mail invites, its link sets the password and confirms in one step."""
    client.login(world.dortmund_admin)
    client.post_form(PEOPLE, {"email": "Neu@Example.org", "name": "Nora Neu", "role": "staff"})
    user = db.session.scalar(select(User).where(User.email == "neu@example.org"))
    assert user is not None and _membership(db, world.dortmund, user.id) is None
    (mail,) = outbox.to("neu@example.org")
    assert "Einladung" in mail["Subject"]
    link = _link(mail, outbox)
    newcomer = make_client()
    page = newcomer.get(link).get_data(as_text=True)
    assert "Willkommen bei Lotse" in page and 'name="password"' in page
    short = newcomer.post_form(link, {"password": "kurz", "confirm": "kurz"})
    assert short.status_code == 400 and _membership(db, world.dortmund, user.id) is None
    done = newcomer.post_form(link, {"password": "ein sehr langes passwort", "confirm": "ein sehr langes passwort"})
    assert done.status_code == 302
    assert _membership(db, world.dortmund, user.id).role == Role.staff
    newcomer.login("neu@example.org", "ein sehr langes passwort")
    assert newcomer.get("/dortmund/intern/").status_code == 200
    assert newcomer.get(link).status_code == 400


def test_the_admin_answer_and_list_say_nothing_about_an_existing_account(client, db, world, make_user):
    """Existing account or new address: the same flash, and both appear the same way as pending."""
    make_user("bekannt@hamm.test", tenant=world.hamm)
    db.session.commit()
    client.login(world.dortmund_admin)
    for email in ("bekannt@hamm.test", "ganz.neu@example.org"):
        page = client.post_form(PEOPLE, {"email": email, "role": "staff"}, follow_redirects=True)
        assert f"{email} wurde eingeladen. Die Einladung ist unterwegs." in page.get_data(as_text=True)
    page = client.get(PEOPLE).get_data(as_text=True)
    rows = re.findall(r'<td>(\S+@\S+) <span class="badge">ausstehend</span></td>', page)
    assert sorted(rows) == ["bekannt@hamm.test", "ganz.neu@example.org"]
