"""Signing in as a group: the magic link by mail, one use only, a session of limited life, and a group user
who sees only their own group."""

from __future__ import annotations

import logging
import time

from saas.grouparea.session import SESSION_KEY, MaskTokenFilter
from tests.factories import comparable_page
from tests.grouparea.helpers import ADDRESS, huckarde, link_from, path_of, sign_in


def test_link_only_to_a_contact_address_and_the_same_answer_either_way(world, client, make_client, outbox):
    """Does only a group's contact address get a link, while a stranger sees exactly the same page?"""
    huckarde(world.dortmund)
    known = client.post_form("/dortmund/gruppenbereich", {"email": ADDRESS.upper()})
    other = make_client()
    unknown = other.post_form("/dortmund/gruppenbereich", {"email": "fremd@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert comparable_page(known.get_data()) == comparable_page(unknown.get_data())
    assert len(outbox.messages()) == 1 and outbox.to(ADDRESS)
    assert "/dortmund/gruppenbereich/anmelden/" in link_from(outbox)


def test_the_link_opens_the_groups_own_area_once(world, client, make_client, outbox):
    """Does the link open the area naming the group, and is it useless the second time?"""
    huckarde(world.dortmund)
    page = sign_in(client, outbox)
    assert page.status_code == 200
    assert "Depression – Gesprächskreis Huckarde" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    again = make_client().get(path_of(link_from(outbox)))
    assert again.status_code == 400
    assert "gilt nicht mehr" in again.get_data(as_text=True)


def test_a_link_of_one_office_does_not_work_at_another(world, client, outbox):
    """Is a Dortmund link dead when opened under Hamm's address?"""
    huckarde(world.dortmund)
    client.post_form("/dortmund/gruppenbereich", {"email": ADDRESS})
    path = path_of(link_from(outbox)).replace("/dortmund/", "/hamm/")
    assert client.get(path).status_code == 400


def test_the_session_ends_after_its_time(world, client, outbox):
    """After the session's lifetime, does the area send the person back to the sign-in form?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    assert client.get("/dortmund/gruppenbereich/start").status_code == 200
    with client.session_transaction() as sess:
        sess[SESSION_KEY] = {**sess[SESSION_KEY], "until": int(time.time()) - 1}
    response = client.get("/dortmund/gruppenbereich/start")
    assert response.status_code == 302 and response.headers["Location"].endswith("/dortmund/gruppenbereich")


def test_sign_out(world, client, outbox):
    """Does leaving the area end the session?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    client.post_form("/dortmund/gruppenbereich/abmelden")
    assert client.get("/dortmund/gruppenbereich/start").status_code == 302


def test_a_group_user_is_no_staff_member_and_no_member_of_another_office(world, client, outbox):
    """Do staff pages and another office's group area answer 404 to a signed-in group?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    for path in ("/dortmund/intern/", "/dortmund/intern/gruppen/", "/hamm/intern/", "/hamm/gruppenbereich/start"):
        assert client.get(path).status_code == 404, path


def test_a_few_links_per_hour_and_group_then_silence(world, client, outbox):
    """Does asking again and again send at most three links an hour (with the same answer)?"""
    huckarde(world.dortmund)
    answers = {client.post_form("/dortmund/gruppenbereich", {"email": ADDRESS}).status_code for _ in range(5)}
    assert answers == {200}
    assert len(outbox.to(ADDRESS)) == 3


def test_an_ended_group_cannot_sign_in(world, client, outbox):
    """Does a dissolved group get no link?"""
    huckarde(world.dortmund, status="dissolved")
    client.post_form("/dortmund/gruppenbereich", {"email": ADDRESS})
    assert outbox.messages() == []


def test_bad_address_is_a_clear_400(world, client):
    """Is a malformed address answered with the form and 400, not an error page?"""
    response = client.post_form("/dortmund/gruppenbereich", {"email": "kein-at-zeichen"})
    assert response.status_code == 400
    assert 'name="email"' in response.get_data(as_text=True)


def test_access_logs_mask_the_token():
    """Does the access log keep no usable sign-in link (werkzeug's tuple args, gunicorn's dict args)?"""
    token = "A" * 43
    record = logging.LogRecord(
        "werkzeug", 20, "", 0, '"%s" %s', (f"GET /x/gruppenbereich/anmelden/{token} HTTP/1.1", 302), None
    )
    MaskTokenFilter().filter(record)
    assert token not in record.getMessage()
    record = logging.LogRecord("gunicorn.access", 20, "", 0, "%(r)s", None, None)
    record.args = {"r": f"GET /x/gruppenbereich/anmelden/{token}"}
    MaskTokenFilter().filter(record)
    assert token not in record.getMessage()


def test_the_session_ends_when_staff_remove_the_address(world, db, client, outbox):
    """When staff change the group's contact address, is the person signed in with the old one out?"""
    from saas.directory import operations as directory_ops
    from saas.directory.models import Group
    from tenants.scoping import tenant_context

    group = huckarde(world.dortmund)
    sign_in(client, outbox)
    assert client.get("/dortmund/gruppenbereich/start").status_code == 200
    with tenant_context(world.dortmund.id):
        live = db.session.get(Group, group.id)
        directory_ops.update_group(
            live, {"contacts": [{"name": "Neu", "email": "neu@huckarde.test"}]}, acting_user=None
        )
        db.session.commit()
    response = client.get("/dortmund/gruppenbereich/start")
    assert response.status_code == 302 and response.headers["Location"].endswith("/dortmund/gruppenbereich")


def test_used_and_old_links_are_deleted_after_a_day(world, db, client, outbox):
    """Does the nightly purge delete sign-in rows (and the address they keep) a day after they expired?"""
    import datetime as dt

    from sqlalchemy import func, select

    from saas.grouparea.models import GroupSignInToken
    from tenants.scoping import tenant_context
    from workers.grouparea import purge_tokens

    huckarde(world.dortmund)
    client.post_form("/dortmund/gruppenbereich", {"email": ADDRESS})
    with tenant_context(world.dortmund.id):
        row = db.session.scalar(select(GroupSignInToken))
        row.expires_at = row.expires_at - dt.timedelta(days=2)
        db.session.commit()
    purge_tokens()
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(func.count(GroupSignInToken.id))) == 0
