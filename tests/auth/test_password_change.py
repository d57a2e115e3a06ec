"""Changing one's password: the current one is checked, the new one must be long enough, other sessions end."""

from saas.auth.models import User
from saas.auth.passwords import verify_password
from saas.extensions import db
from tests.factories import PASSWORD

URL = "/konto/passwort"
NEW = "mein neues langes passwort"


def _hash(world):
    db.session.expire_all()
    return db.session.get(User, world.dortmund_staff.id).password_hash


def test_wrong_current_password_is_refused(client, world):
    """Does a wrong current password leave the password unchanged, with a message at the field?"""
    client.login(world.dortmund_staff)
    before = _hash(world)
    response = client.post_form(URL, {"current": "das ist falsch", "password": NEW, "confirm": NEW})
    assert response.status_code == 200
    assert "Das bisherige Passwort ist falsch." in response.get_data(as_text=True)
    assert _hash(world) == before


def test_too_short_or_mismatched_new_password_is_refused(client, world):
    """Are a too short new password and a mistyped confirmation refused?"""
    client.login(world.dortmund_staff)
    before = _hash(world)
    short = client.post_form(URL, {"current": PASSWORD, "password": "kurz", "confirm": "kurz"})
    assert "mindestens 12 Zeichen" in short.get_data(as_text=True)
    mismatch = client.post_form(URL, {"current": PASSWORD, "password": NEW, "confirm": NEW + "x"})
    assert "stimmen nicht überein" in mismatch.get_data(as_text=True)
    assert _hash(world) == before


def test_success_keeps_this_session_and_ends_all_others(client, world, make_client):
    """After a change, is this session still logged in, another session of the same person logged out,
    and does only the new password work?"""
    other = make_client()
    other.login(world.dortmund_staff)
    client.login(world.dortmund_staff)
    response = client.post_form(URL, {"current": PASSWORD, "password": NEW, "confirm": NEW})
    assert response.status_code == 302 and response.headers["Location"].endswith("/konto")
    assert verify_password(_hash(world), NEW)
    assert client.get("/dortmund/intern/").status_code == 200
    assert other.get("/dortmund/intern/").status_code == 302  # sent to the login page
    fresh = make_client()
    refused = fresh.post_form("/login", {"email": world.dortmund_staff.email, "password": PASSWORD})
    assert refused.status_code == 200
    fresh.login(world.dortmund_staff, NEW)


def test_password_change_needs_login(client, world):
    response = client.get(URL)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
