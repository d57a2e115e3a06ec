"""Two-factor authentication: enrol, log in with TOTP, no replay, recovery codes, enforcement, devices."""

from __future__ import annotations

import datetime as dt
import re

import pyotp
import pytest

from saas.auth import mfa
from saas.auth.models import User
from saas.extensions import db
from tests.factories import PASSWORD


def _fresh(user_id: int) -> User:
    db.session.expire_all()
    return db.session.get(User, user_id)


def _code(secret: str, steps_ahead: int = 0) -> str:
    return pyotp.TOTP(secret).at(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30 * steps_ahead))


def _enrol(client) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    page = client.get("/konto/zwei-faktor").get_data(as_text=True)
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    response = client.post_form("/konto/zwei-faktor/einrichten", {"code": _code(secret)})
    assert response.status_code == 200
    codes = re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", response.get_data(as_text=True))
    assert len(codes) == 10
    return secret, codes


def _password_step(client, user):  # type: ignore[no-untyped-def]
    response = client.post_form("/login", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_enrol_then_login_needs_the_code(app, world, make_client):
    """After enrolment, does a correct password alone not log in, and the TOTP code does?"""
    first = make_client()
    first.login(world.dortmund_staff)
    secret, _ = _enrol(first)
    assert _fresh(world.dortmund_staff.id).mfa_enabled_at is not None

    client = make_client()
    response = _password_step(client, world.dortmund_staff)
    assert response.headers["Location"].endswith("/login/zweiter-faktor")
    assert client.get("/dortmund/intern/").status_code == 302  # not logged in yet
    wrong = client.post_form("/login/zweiter-faktor", {"code": "000000"})
    assert "Der Code ist falsch" in wrong.get_data(as_text=True)
    ok = client.post_form("/login/zweiter-faktor", {"code": _code(secret, 1)})
    assert ok.status_code == 302 and ok.headers["Location"].endswith("/dortmund/intern/")
    assert client.get("/dortmund/intern/").status_code == 200


def test_a_code_cannot_be_replayed(app, world, make_client):
    """Is a TOTP code that was used once refused the second time?"""
    owner = make_client()
    owner.login(world.dortmund_staff)
    secret, _ = _enrol(owner)
    code = _code(secret, 1)
    first = make_client()
    _password_step(first, world.dortmund_staff)
    assert first.post_form("/login/zweiter-faktor", {"code": code}).status_code == 302
    second = make_client()
    _password_step(second, world.dortmund_staff)
    assert "Der Code ist falsch" in second.post_form("/login/zweiter-faktor", {"code": code}).get_data(as_text=True)


def test_recovery_code_works_once(app, world, make_client):
    owner = make_client()
    owner.login(world.dortmund_staff)
    _, codes = _enrol(owner)
    client = make_client()
    _password_step(client, world.dortmund_staff)
    assert client.post_form("/login/zweiter-faktor", {"code": codes[0]}).status_code == 302
    again = make_client()
    _password_step(again, world.dortmund_staff)
    assert again.post_form("/login/zweiter-faktor", {"code": codes[0]}).status_code == 200


def test_second_step_without_password_step_is_refused(client, world):
    response = client.get("/login/zweiter-faktor")
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")


@pytest.fixture
def enforced(app):  # type: ignore[no-untyped-def]
    app.config["MFA_ENFORCED"] = True
    yield
    app.config["MFA_ENFORCED"] = False


@pytest.mark.parametrize("persona", ["dortmund_admin", "analyst", "operator"])
def test_admins_and_analysts_must_enrol(client, world, enforced, persona):
    """Can an office admin, analyst or operator without a second factor do nothing but set one up?"""
    client.login(getattr(world, persona))
    response = client.get("/dortmund/intern/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/konto/zwei-faktor")
    _enrol(client)
    assert client.get("/konto").status_code == 200


def test_staff_may_work_without_second_factor(client, world, enforced):
    client.login(world.dortmund_staff)
    assert client.get("/dortmund/intern/").status_code == 200


def test_required_second_factor_cannot_be_switched_off(client, world, enforced):
    client.login(world.dortmund_admin)
    secret, _ = _enrol(client)
    client.post_form("/konto/zwei-faktor/ausschalten", {"password": PASSWORD, "code": _code(secret, 1)})
    assert _fresh(world.dortmund_admin.id).mfa_enabled_at is not None


def test_staff_can_switch_it_off_with_password_and_code(client, world):
    client.login(world.dortmund_staff)
    secret, _ = _enrol(client)
    client.post_form("/konto/zwei-faktor/ausschalten", {"password": PASSWORD, "code": _code(secret, 1)})
    assert _fresh(world.dortmund_staff.id).mfa_enabled_at is None


def test_remembered_device_only_when_the_office_allows_it(app, world, make_client):
    """Is the 'remember this device' option offered only when every office of the person allows it,
    and does a remembered device skip the code for that person?"""
    owner = make_client()
    owner.login(world.dortmund_staff)
    secret, _ = _enrol(owner)
    client = make_client()
    _password_step(client, world.dortmund_staff)
    assert "30 Tage" not in client.get("/login/zweiter-faktor").get_data(as_text=True)

    world.dortmund.settings = {**world.dortmund.settings, "mfa_remember_device": True}
    db.session.commit()
    assert mfa.remember_allowed(_fresh(world.dortmund_staff.id))
    client = make_client()
    _password_step(client, world.dortmund_staff)
    assert "30 Tage" in client.get("/login/zweiter-faktor").get_data(as_text=True)
    client.post_form("/login/zweiter-faktor", {"code": _code(secret, 1), "remember": "y"})
    device = client.get_cookie(mfa.REMEMBER_COOKIE)
    assert device is not None and device.http_only
    client.logout()
    again = client.post_form("/login", {"email": world.dortmund_staff.email, "password": PASSWORD})
    assert again.headers["Location"].endswith("/dortmund/intern/")  # no code asked
