"""Password reset end to end: the mail is written by a real worker process; the link works once and expires."""

import re
import time

from itsdangerous.timed import TimestampSigner

from saas.auth.models import User
from saas.auth.passwords import verify_password
from saas.extensions import db

NEW_PASSWORD = "ein ganz neues passwort 2026"


def _reset_path(outbox, message):
    match = re.search(r"http://lotse\.test(/passwort-zuruecksetzen/\S+)", outbox.text(message))
    assert match, outbox.text(message)
    return match.group(1)


def test_reset_mail_is_delivered_by_the_worker_and_the_link_works_once(
    client, world, outbox, celery_worker, make_client
):
    """Request → the worker process writes the mail → the link sets a new password → a second use fails."""
    response = client.post_form("/passwort-vergessen", {"email": world.dortmund_staff.email})
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihr Postfach" in response.get_data(as_text=True)

    (mail,) = outbox.wait_for(1)
    assert "lotse.mail.send" in celery_worker.output()  # delivered by the other process, not in-process
    assert world.dortmund_staff.email in str(mail["To"])
    assert mail["Subject"] == "Lotse: Passwort zurücksetzen"
    path = _reset_path(outbox, mail)

    form = client.get(path)
    assert form.status_code == 200 and "Neues Passwort festlegen" in form.get_data(as_text=True)
    done = client.post_form(path, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302 and done.headers["Location"].endswith("/login")
    db.session.expire_all()
    assert verify_password(db.session.get(User, world.dortmund_staff.id).password_hash, NEW_PASSWORD)

    again = make_client()
    assert again.get(path).status_code == 400
    second = again.post_form(path, {"password": "noch ein anderes passwort", "confirm": "noch ein anderes passwort"})
    assert second.status_code == 400
    assert "nicht mehr gültig" in second.get_data(as_text=True)
    again.login(world.dortmund_staff, NEW_PASSWORD)


def test_reset_link_expires_after_its_maximum_age(app, client, world, outbox, monkeypatch):
    """Does the link still work just before PASSWORD_RESET_MAX_AGE and fail one second after it?"""
    client.post_form("/passwort-vergessen", {"email": world.dortmund_staff.email})
    path = _reset_path(outbox, outbox.wait_for(1)[0])
    max_age = app.config["PASSWORD_RESET_MAX_AGE"]
    issued = int(time.time())

    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: issued + max_age - 5)
    assert client.get(path).status_code == 200
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: issued + max_age + 2)
    late = client.get(path)
    assert late.status_code == 400 and "abgelaufen" in late.get_data(as_text=True)
    refused = client.post_form(path, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert refused.status_code == 400
    db.session.expire_all()
    assert not verify_password(db.session.get(User, world.dortmund_staff.id).password_hash, NEW_PASSWORD)


def test_unknown_address_gets_the_same_answer_and_no_mail(client, make_client, world, outbox):
    """Is the answer for an unknown e-mail identical to a known one (no account enumeration), with no mail sent?"""
    known = client.post_form("/passwort-vergessen", {"email": world.dortmund_staff.email})
    outbox.wait_for(1)
    other = make_client()
    unknown = other.post_form("/passwort-vergessen", {"email": "wer-ist-das@example.org"})
    assert known.status_code == unknown.status_code == 200

    def main(response):
        body = response.get_data(as_text=True)
        return body[body.index("<main") : body.index("</main>")]

    assert main(known) == main(unknown)
    assert len(outbox.messages()) == 1


def test_forged_and_garbled_tokens_are_refused(client, world):
    """Are a garbled token and a token signed with another key refused without changing anything?"""
    from itsdangerous import URLSafeTimedSerializer

    forged = URLSafeTimedSerializer("not-the-key", salt="lotse-password-reset").dumps({"u": world.dortmund_staff.id})
    for token in ("garbage", forged, "a" * 500):
        response = client.post_form(
            f"/passwort-zuruecksetzen/{token}", {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
        )
        assert response.status_code == 400
    db.session.expire_all()
    assert not verify_password(db.session.get(User, world.dortmund_staff.id).password_hash, NEW_PASSWORD)


def test_reset_link_cannot_be_used_after_a_password_change(client, world, outbox, make_client):
    """Is an unused reset link void once the password was changed another way?"""
    client.post_form("/passwort-vergessen", {"email": world.dortmund_staff.email})
    path = _reset_path(outbox, outbox.wait_for(1)[0])
    owner = make_client()
    owner.login(world.dortmund_staff)
    owner.post_form(
        "/konto/passwort",
        {"current": "correct horse battery staple", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert client.get(path).status_code == 400
