"""Login, logout, sessions and the 404 wall between offices."""

import re

from saas.auth.models import User
from saas.extensions import db
from tests.factories import comparable_page


def test_login_redirects_staff_to_their_office(client, world):
    """Does a one-office user land on their office dashboard after login?"""
    response = client.login(world.dortmund_staff)
    assert response.headers["Location"].endswith("/dortmund/intern/")
    page = client.get("/dortmund/intern/")
    assert page.status_code == 200
    assert "Übersicht" in page.get_data(as_text=True)


def test_wrong_password_is_refused_with_a_clear_message(client, world):
    """Does a wrong password keep the user out with a German error message?"""
    response = client.post_form("/login", {"email": world.dortmund_staff.email, "password": "wrong password!!"})
    assert response.status_code == 200
    assert "E-Mail-Adresse oder Passwort ist falsch." in response.get_data(as_text=True)
    assert client.get("/dortmund/intern/").status_code == 302


def test_login_without_csrf_token_is_rejected(client, world):
    """Is a login form without CSRF token refused?"""
    response = client.post(
        "/login", data={"email": world.dortmund_staff.email, "password": "correct horse battery staple"}
    )
    assert response.status_code == 400
    assert client.get("/dortmund/intern/").status_code == 302


def test_user_of_another_office_gets_404(client, world):
    """Does a Hamm user opening Dortmund's staff area get 404, exactly like a missing page?"""
    client.login(world.hamm_staff)
    foreign = client.get("/dortmund/intern/")
    missing = client.get("/dortmund/intern/gibt-es-nicht")
    assert foreign.status_code == 404 and missing.status_code == 404
    # Identical but for the requested path and the CSRF token's timestamp (see comparable_page).
    assert comparable_page(foreign.get_data(), "/dortmund/intern/") == comparable_page(
        missing.get_data(), "/dortmund/intern/gibt-es-nicht"
    )
    assert client.get("/hamm/intern/").status_code == 200


def test_analyst_and_outsider_get_404_in_offices(client, world, make_client):
    """Do association analysts and people without an office get 404 in an office's staff area?"""
    client.login(world.analyst)
    assert client.get("/dortmund/intern/").status_code == 404
    other = make_client()
    other.login(world.outsider)
    assert other.get("/hamm/intern/").status_code == 404


def test_anonymous_visitor_is_sent_to_login(client, world):
    response = client.get("/dortmund/intern/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_copied_session_cookie_is_rejected_after_logout(app, client, world):
    """Is a session cookie copied before logout useless afterwards?"""
    client.login(world.dortmund_staff)
    cookie = client.get_cookie("lotse_session")
    assert cookie is not None
    stolen = app.test_client()
    stolen.set_cookie("lotse_session", cookie.value)
    assert stolen.get("/dortmund/intern/").status_code == 200
    client.logout()
    assert stolen.get("/dortmund/intern/").status_code == 302


def test_new_session_at_login(client, world):
    """Does login start a new session (no fixation): the pre-login cookie value is replaced?"""
    client.get("/login")
    before = client.get_cookie("lotse_session")
    client.login(world.dortmund_staff)
    after = client.get_cookie("lotse_session")
    assert after is not None and (before is None or before.value != after.value)


def test_password_is_hashed_with_argon2id(world):
    """Is the stored hash argon2id with at least OWASP's parameters?"""
    from saas.auth.passwords import hash_password

    h = hash_password("a long enough password")
    m = re.match(r"\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$", h)
    assert m and int(m.group(1)) >= 19456 and int(m.group(2)) >= 2 and int(m.group(3)) >= 1
    assert db.session.get(User, world.dortmund_staff.id).password_hash.startswith("$argon2id$")


def test_open_redirect_is_refused(client, world):
    """Does ?next= to another host fall back to the user's home?"""
    response = client.post_form(
        "/login?next=//evil.example/x",
        {"email": world.dortmund_staff.email, "password": "correct horse battery staple"},
    )
    assert response.headers["Location"].endswith("/dortmund/intern/")


def test_multi_office_user_gets_a_chooser(client, world, db):
    """Does a person in two offices land on a chooser listing both?"""
    from saas.auth.models import Membership, Role
    from tenants.scoping import tenant_context

    with tenant_context(world.hamm.id):
        db.session.add(Membership(user_id=world.dortmund_staff.id, tenant_id=world.hamm.id, role=Role.readonly))
        db.session.commit()
    response = client.login(world.dortmund_staff)
    assert response.headers["Location"].endswith("/konto")
    body = client.get("/konto").get_data(as_text=True)
    assert "Selbsthilfe-Kontaktstelle Dortmund" in body and "Selbsthilfe-Kontaktstelle Hamm" in body
