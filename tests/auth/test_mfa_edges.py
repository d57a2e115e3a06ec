"""MFA edges (issue 17, point 10): the enrolment secret is not readable in the cookie, and a password
reset forgets remembered devices."""

from __future__ import annotations

import base64
import re
import zlib

from saas.auth import mfa
from saas.auth.operations import reset_token
from saas.extensions import db
from tests.auth.test_mfa import _code, _fresh, _password_step


def _cookie_payload(client) -> str:  # type: ignore[no-untyped-def]
    """What anyone holding the session cookie can read (Flask signs it, it does not encrypt it)."""
    raw = client.get_cookie("lotse_session").value
    compressed = raw.startswith(".")
    data = raw.lstrip(".").split(".")[0]
    data += "=" * (-len(data) % 4)
    decoded = base64.urlsafe_b64decode(data)
    return (zlib.decompress(decoded) if compressed else decoded).decode("utf-8", "replace")


def test_enrolment_secret_is_not_readable_in_the_session_cookie(client, world):
    """While the QR code is shown, can the TOTP secret be read out of the session cookie?"""
    client.login(world.dortmund_staff)
    page = client.get("/konto/zwei-faktor").get_data(as_text=True)
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    assert secret not in _cookie_payload(client)
    # ...and enrolment still works with that secret.
    response = client.post_form("/konto/zwei-faktor/einrichten", {"code": _code(secret)})
    assert response.status_code == 200 and mfa.mfa_enabled(_fresh(world.dortmund_staff.id))


def test_sealed_secret_belongs_to_one_person(world):
    """Is a sealed enrolment secret useless for another account?"""
    sealed = mfa.seal_enrol_secret(world.dortmund_staff, "JBSWY3DPEHPK3PXP")
    assert mfa.open_enrol_secret(world.dortmund_staff, sealed) == "JBSWY3DPEHPK3PXP"
    assert mfa.open_enrol_secret(world.dortmund_admin, sealed) is None


def test_password_reset_forgets_remembered_devices(client, world, make_client):
    """After a password reset, does a device remembered before it need the second factor again?"""
    world.dortmund.settings = {**world.dortmund.settings, "mfa_remember_device": True}
    db.session.commit()
    client.login(world.dortmund_staff)
    page = client.get("/konto/zwei-faktor").get_data(as_text=True)
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    client.post_form("/konto/zwei-faktor/einrichten", {"code": _code(secret)})
    client.logout()
    _password_step(client, world.dortmund_staff)
    client.post_form("/login/zweiter-faktor", {"code": _code(secret, 1), "remember": "y"})
    assert client.get_cookie(mfa.REMEMBER_COOKIE) is not None
    token = client.get_cookie(mfa.REMEMBER_COOKIE).value
    assert mfa.device_remembered(_fresh(world.dortmund_staff.id), token)
    client.logout()

    other = make_client()
    path = f"/passwort-zuruecksetzen/{reset_token(_fresh(world.dortmund_staff.id))}"
    new = "ein ganz neues sicheres Passwort 2026"
    assert other.post_form(path, {"password": new, "confirm": new}).status_code == 302
    assert not mfa.device_remembered(_fresh(world.dortmund_staff.id), token)
