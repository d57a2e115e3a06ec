"""Signing in as a group: the magic link by mail (a few uses within its short life, so a mail scanner does
not use it up), a session of limited life, and a group user who sees only their own group."""

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


def _token_row(db, tenant):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from saas.grouparea.models import GroupSignInToken
    from tenants.scoping import tenant_context

    with tenant_context(tenant.id):
        row = db.session.scalar(select(GroupSignInToken))
        state = (row.uses, row.used_at, row.expires_at) if row else None
        db.session.rollback()
    return state


def _signed_in(client) -> bool:  # type: ignore[no-untyped-def]
    with client.session_transaction() as sess:
        return SESSION_KEY in sess


def test_the_link_opens_the_groups_own_area(world, client, outbox):
    """Does the link's GET open the area naming the group (the contract), never cached?"""
    huckarde(world.dortmund)
    page = sign_in(client, outbox)
    assert page.status_code == 200
    assert "Depression – Gesprächskreis Huckarde" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"


def test_a_mail_scanner_opening_the_link_first_does_not_use_it_up(world, db, client, make_client, outbox):
    """A mail scanner (Safe Links and the like) opens the link before the person, with HEAD and GET: does the
    person's click still open the area? (With one-use links it answered "gilt nicht mehr".)"""
    huckarde(world.dortmund)
    client.post_form("/dortmund/gruppenbereich", {"email": ADDRESS})
    path = path_of(link_from(outbox))
    scanner = make_client()
    assert scanner.head(path).status_code == 204
    assert _token_row(db, world.dortmund)[0] == 0  # HEAD counts no use
    assert scanner.get(path).status_code == 303
    page = client.get(path, follow_redirects=True)
    assert page.status_code == 200
    assert "Depression – Gesprächskreis Huckarde" in page.get_data(as_text=True)
    assert _token_row(db, world.dortmund)[0] == 2


def test_the_link_works_only_a_few_times(world, db, make_client, outbox):
    """After LINK_USES uses, is the link dead with a clear message, and does the refused use change nothing?"""
    from saas.grouparea.session import LINK_USES

    huckarde(world.dortmund)
    make_client().post_form("/dortmund/gruppenbereich", {"email": ADDRESS})
    path = path_of(link_from(outbox))
    for _ in range(LINK_USES):
        assert make_client().get(path).status_code == 303
    before = _token_row(db, world.dortmund)
    late = make_client()
    again = late.get(path)
    assert again.status_code == 400
    assert "gilt nicht mehr" in again.get_data(as_text=True)
    assert _token_row(db, world.dortmund) == before and not _signed_in(late)


def test_the_pages_say_how_often_a_link_opens(world, make_client, outbox):
    """Do the "link sent" and "link no longer valid" pages state what holds (30 minutes, up to LINK_USES opens,
    ended by signing out), not "only once" while the link opens several times?"""
    from saas.grouparea.session import LINK_USES

    huckarde(world.dortmund)
    sent = make_client().post_form("/dortmund/gruppenbereich", {"email": ADDRESS}, follow_redirects=True)
    path = path_of(link_from(outbox))
    for _ in range(LINK_USES):
        make_client().get(path)
    dead = make_client().get(path).get_data(as_text=True)
    for page in (sent.get_data(as_text=True), dead):
        assert "nur einmal" not in page
        assert "30 Minuten, lässt sich bis zu fünfmal öffnen" in page and LINK_USES == 5


def test_an_expired_link_is_refused_and_changes_nothing(world, db, client, outbox):
    """Is a link past its lifetime answered 400 with the clear page, no session, the row untouched?"""
    import datetime as dt

    from sqlalchemy import select

    from saas.grouparea.models import GroupSignInToken
    from tenants.scoping import tenant_context

    huckarde(world.dortmund)
    client.post_form("/dortmund/gruppenbereich", {"email": ADDRESS})
    with tenant_context(world.dortmund.id):
        row = db.session.scalar(select(GroupSignInToken))
        row.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        db.session.commit()
    before = _token_row(db, world.dortmund)
    answer = client.get(path_of(link_from(outbox)))
    assert answer.status_code == 400 and "gilt nicht mehr" in answer.get_data(as_text=True)
    assert _token_row(db, world.dortmund) == before and not _signed_in(client)
    assert client.get("/dortmund/gruppenbereich/start").status_code == 302


def test_a_forged_link_is_refused_and_changes_nothing(world, db, client, outbox):
    """Are a made-up token, a changed one, an overlong one and one with a NUL byte answered 400, with no
    session and the real link untouched?"""
    huckarde(world.dortmund)
    client.post_form("/dortmund/gruppenbereich", {"email": ADDRESS})
    path = path_of(link_from(outbox))
    real = path.rsplit("/", 1)[1]
    before = _token_row(db, world.dortmund)
    forged = [real[:-1] + ("A" if real[-1] != "A" else "B"), "x" * 43, "A" * 500, real[:10] + "%00" + real[11:]]
    for token in forged:
        answer = client.get(f"/dortmund/gruppenbereich/anmelden/{token}")
        assert answer.status_code == 400, token
        assert "%00" in token or "gilt nicht mehr" in answer.get_data(as_text=True)
    assert _token_row(db, world.dortmund) == before and not _signed_in(client)


def test_a_link_of_one_office_does_not_work_at_another(world, db, client, outbox):
    """Is a Dortmund link dead when opened under Hamm's address, with no session and the link unused?"""
    huckarde(world.dortmund)
    client.post_form("/dortmund/gruppenbereich", {"email": ADDRESS})
    path = path_of(link_from(outbox)).replace("/dortmund/", "/hamm/")
    before = _token_row(db, world.dortmund)
    assert client.get(path).status_code == 400
    assert client.head(path).status_code == 400
    assert _token_row(db, world.dortmund) == before and not _signed_in(client)
    assert client.get("/hamm/gruppenbereich/start").status_code == 302


def test_signing_out_ends_the_link(world, client, make_client, outbox):
    """After "Abmelden", is the link in the browser's history dead (also for another browser)?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    client.post_form("/dortmund/gruppenbereich/abmelden")
    again = make_client().get(path_of(link_from(outbox)))
    assert again.status_code == 400


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
