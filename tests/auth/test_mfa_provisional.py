"""Issue 17, point 10b: a password someone else chose (the operator's ``lotse users create``) lets the person
in, but whoever knows it cannot enrol the second factor: that needs a password set through a link sent to the
person's address."""

from __future__ import annotations

import re

import pyotp
import pytest

from saas.auth import mfa
from saas.auth.models import User
from saas.extensions import db
from tests.auth.test_mfa import _code, _enrol, _fresh

CHOSEN = "vom Betrieb gesetztes Passwort 2026"
OWN = "mein eigenes langes Passwort 2026"


@pytest.fixture
def enforced(app):  # type: ignore[no-untyped-def]
    app.config["MFA_ENFORCED"] = True
    yield
    app.config["MFA_ENFORCED"] = False


def _created_by_cli(app, world, role: str = "admin") -> User:  # type: ignore[no-untyped-def]
    result = app.test_cli_runner().invoke(
        args=["users", "create", "neue.leitung@example.org", "--tenant", world.dortmund.slug, "--role", role],
        input=CHOSEN + "\n",
    )
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    return db.session.query(User).filter_by(email="neue.leitung@example.org").one()


def test_the_operators_password_cannot_enrol_the_second_factor(app, world, make_client, enforced):
    """Regression (point 10b): before, whoever knew the password an operator set could log in first and bind
    their own authenticator. Now the page shows no secret and enrolment is refused."""
    user = _created_by_cli(app, world)
    holder = make_client()
    holder.login(user.email, CHOSEN)
    # An admin must enrol before anything else; the enrolment page shows no secret, only the mail link.
    assert holder.get("/dortmund/intern/").headers["Location"].endswith("/konto/zwei-faktor")
    page = holder.get("/konto/zwei-faktor").get_data(as_text=True)
    assert 'id="totp-secret"' not in page and "Link an neue.leitung@example.org senden" in page
    # A forged enrolment with a secret of the attacker's choosing is refused.
    secret = pyotp.random_base32()
    with holder.session_transaction() as session:
        session["mfa_enrol"] = mfa.seal_enrol_secret(user, secret)
    assert holder.post_form("/konto/zwei-faktor/einrichten", {"code": _code(secret)}).status_code == 403
    assert not mfa.mfa_enabled(_fresh(user.id))
    # Changing the password with the known one does not make it the person's own.
    assert holder.post_form("/konto/passwort", {"current": CHOSEN, "password": OWN, "confirm": OWN}).status_code == 302
    assert _fresh(user.id).password_provisional
    assert 'id="totp-secret"' not in holder.get("/konto/zwei-faktor").get_data(as_text=True)


def test_the_mailed_link_lets_the_person_enrol(app, world, make_client, outbox, enforced):
    """After setting a password through the link mailed to their address, can the person enrol?"""
    user = _created_by_cli(app, world)
    person = make_client()
    person.login(user.email, CHOSEN)
    assert person.post_form("/konto/zwei-faktor/link").status_code == 302
    (mail,) = outbox.to(user.email)
    link = re.search(r"http://lotse\.test(/passwort-zuruecksetzen/\S+)", outbox.text(mail)).group(1)
    assert person.post_form(link, {"password": OWN, "confirm": OWN}).status_code == 302
    assert not _fresh(user.id).password_provisional
    person.login(user.email, OWN)
    _enrol(person)
    assert mfa.mfa_enabled(_fresh(user.id))
    assert person.get("/dortmund/intern/").status_code == 200


def test_accounts_made_by_invitation_or_demo_are_not_provisional(app, world, make_client):
    """Only the operator's CLI marks a password as someone else's: staff of the test world enrol as before."""
    assert not _fresh(world.dortmund_staff.id).password_provisional
    client = make_client()
    client.login(world.dortmund_staff)
    _enrol(client)
    assert mfa.mfa_enabled(_fresh(world.dortmund_staff.id))


def test_the_link_request_needs_csrf_and_login(app, world, make_client, outbox):
    """The "send me the link" button: 400 without the form's token, the login page when logged out."""
    user = _created_by_cli(app, world, role="staff")
    anonymous = make_client()
    assert anonymous.post_form("/konto/zwei-faktor/link").status_code == 302
    person = make_client()
    person.login(user.email, CHOSEN)
    assert person.post("/konto/zwei-faktor/link").status_code == 400
    assert outbox.to(user.email) == []
