"""Login throttling (Flask-Limiter): failed attempts per e-mail are limited, successful logins are not."""

import pytest

from saas import create_app
from saas.extensions import db, limiter
from tests.factories import PASSWORD


@pytest.fixture
def limited_client(app, client):
    """A client of a second app built with RATELIMIT_ENABLED=True (the test app has limits off)."""
    limited = create_app(
        {
            "TESTING": True,
            "RATELIMIT_ENABLED": True,
            "CELERY": {"task_always_eager": True, "task_eager_propagates": True},
        }
    )
    limited.test_client_class = type(client)
    limiter.reset()
    yield limited.test_client()
    # The extensions are shared: give the test app back its own Celery app and switched-off limiter.
    limiter.reset()
    limiter.enabled = False
    app.extensions["celery"].set_default()
    with limited.app_context():
        db.session.remove()
        db.engine.dispose()


def _fail(client, email):
    return client.post_form("/login", {"email": email, "password": "definitely wrong password"})


def test_sixth_failed_attempt_for_one_email_within_a_minute_gets_429(limited_client, world):
    """Are five wrong passwords for one e-mail answered normally and the sixth with 429 — even a right one?"""
    for _ in range(5):
        assert _fail(limited_client, world.dortmund_staff.email).status_code == 200
    blocked = _fail(limited_client, world.dortmund_staff.email)
    assert blocked.status_code == 429
    assert "Zu viele Versuche" in blocked.get_data(as_text=True)
    correct = limited_client.post_form("/login", {"email": world.dortmund_staff.email, "password": PASSWORD})
    assert correct.status_code == 429
    # The limit is per e-mail: another person can still log in from here.
    assert (
        limited_client.post_form("/login", {"email": world.dortmund_admin.email, "password": PASSWORD}).status_code
        == 302
    )


def test_successful_logins_are_not_throttled(limited_client, world):
    """Do many successful logins in a minute count nothing against the limit?"""
    for _ in range(12):
        assert (
            limited_client.post_form("/login", {"email": world.dortmund_staff.email, "password": PASSWORD}).status_code
            == 302
        )
        limited_client.logout()
    for _ in range(5):
        assert _fail(limited_client, world.dortmund_staff.email).status_code == 200
    assert _fail(limited_client, world.dortmund_staff.email).status_code == 429


def test_email_case_does_not_escape_the_limit(limited_client, world):
    """Is "Staff@Dortmund.test" counted together with "staff@dortmund.test"?"""
    for variant in [
        "staff@dortmund.test",
        "STAFF@dortmund.test",
        "Staff@Dortmund.Test",
        " staff@dortmund.test",
        "sTaff@dortmund.test",
    ]:
        assert _fail(limited_client, variant).status_code == 200
    assert _fail(limited_client, "staff@DORTMUND.test").status_code == 429
