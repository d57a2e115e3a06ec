"""Throttling that protects an account without becoming a weapon against it (issue 17, points 7 and 8)."""

from __future__ import annotations

from saas.extensions import db, limiter
from tests.auth.test_throttling import limited_client  # noqa: F401 - fixture
from tests.factories import PASSWORD

WRONG = "definitely wrong password"


def _post(client, email, password, address):  # type: ignore[no-untyped-def]
    return client.post_form("/login", {"email": email, "password": password}, environ_base={"REMOTE_ADDR": address})


def test_rotating_addresses_cannot_lock_the_owner_out(limited_client, world):  # noqa: F811
    """After 25 wrong passwords for one account from 25 addresses, does its owner still get in with the
    right password, from a new address, in their own browser?"""
    owner = limited_client
    assert _post(owner, world.dortmund_staff.email, PASSWORD, "10.1.1.1").status_code == 302
    owner.logout()
    attacker = owner.application.test_client()
    for n in range(25):
        _post(attacker, world.dortmund_staff.email, WRONG, f"198.51.100.{n}")
    assert _post(owner, world.dortmund_staff.email, PASSWORD, "203.0.113.7").status_code == 302


def test_an_account_guessed_from_many_addresses_is_slowed_for_strangers(limited_client, world):  # noqa: F811
    """Is a browser that never logged in to the account held back once many addresses guessed at it?"""
    for n in range(10):
        assert _post(limited_client, world.dortmund_staff.email, WRONG, f"198.51.100.{n}").status_code == 200
    assert _post(limited_client, world.dortmund_staff.email, WRONG, "198.51.100.200").status_code == 429


def test_one_client_guessing_one_account_is_stopped_per_pair(limited_client, world):  # noqa: F811
    """Five wrong passwords from one address: is that pair stopped, while the same account from another
    address and another account from this address still work?"""
    for _ in range(5):
        assert _post(limited_client, world.dortmund_staff.email, WRONG, "192.0.2.1").status_code == 200
    assert _post(limited_client, world.dortmund_staff.email, PASSWORD, "192.0.2.1").status_code == 429
    other = limited_client.application.test_client()
    assert _post(other, world.dortmund_staff.email, PASSWORD, "192.0.2.2").status_code == 302
    assert _post(limited_client, world.dortmund_admin.email, PASSWORD, "192.0.2.1").status_code == 302


def test_password_spraying_meets_the_address_ceiling(limited_client, world, make_user):  # noqa: F811
    """One address, one password, many accounts: is the eleventh attempt within a minute refused?"""
    emails = [make_user(f"person{n}@dortmund.test", tenant=world.dortmund).email for n in range(11)]
    db.session.commit()
    codes = [_post(limited_client, email, WRONG, "192.0.2.9").status_code for email in emails]
    assert codes[:10] == [200] * 10 and codes[10] == 429


def test_inactive_account_costs_one_hash_like_any_other(client, world, monkeypatch):
    """Does a login for a deactivated account verify a password hash too (same time as for a known one)?"""
    from saas.auth import public as views

    calls = []
    real = views.verify_password

    def counting(password_hash, password):  # type: ignore[no-untyped-def]
        calls.append(password_hash)
        return real(password_hash, password)

    monkeypatch.setattr(views, "verify_password", counting)
    world.dortmund_staff.active = False
    db.session.commit()
    response = client.post_form("/login", {"email": world.dortmund_staff.email, "password": PASSWORD})
    assert response.status_code == 200 and len(calls) == 1


def test_limit_keys_hold_no_email_or_address(limited_client, world):  # noqa: F811
    """Do the rate-limit store's keys contain neither the e-mail address nor the client's address?"""
    _post(limited_client, world.dortmund_staff.email, WRONG, "192.0.2.77")
    storage = limiter.storage
    client = getattr(storage, "storage", None)
    if hasattr(client, "keys") and not isinstance(client, dict):
        keys = [k.decode() if isinstance(k, bytes) else k for k in client.keys("*")]
    else:
        keys = list(getattr(storage, "storage", {}).keys()) + list(getattr(storage, "events", {}).keys())
    assert keys, "no limiter keys found"
    for key in keys:
        assert "@" not in key and "192.0.2.77" not in key and "dortmund.test" not in key, key


def test_password_reset_request_does_the_same_work_for_known_and_unknown(client, world, app, monkeypatch):
    """Does the reset request look nobody up in the web request, answer identically, and leave the lookup
    and the mail to the worker (so its time says nothing about the address)?"""
    from sqlalchemy import event

    from saas.auth import public as auth_views

    queued: list = []
    monkeypatch.setattr(auth_views.tasks, "send", lambda name, *args, **kw: queued.append((name, *args)))
    statements: list[str] = []

    def listen(conn, cursor, statement, *rest):  # type: ignore[no-untyped-def]
        statements.append(statement)

    bodies = []
    token = client.csrf_token()
    known = world.dortmund_staff.email
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        for email in (known, "niemand@example.org"):
            response = client.post("/passwort-vergessen", data={"email": email, "csrf_token": token})
            bodies.append((response.status_code, response.get_data(as_text=True)))
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    assert bodies[0] == bodies[1] and bodies[0][0] == 200
    assert not [s for s in statements if "users" in s.lower()], statements
    assert queued == [(auth_views.RESET_TASK, known, "de"), (auth_views.RESET_TASK, "niemand@example.org", "de")]


def test_a_login_with_second_factor_marks_the_browser_as_known(limited_client, world):  # noqa: F811
    """Regression (point 8 with MFA): the "known client" cookie was set only after a password-only login, so
    an admin (who must use a second factor) was still locked out by rotating addresses. After a login with
    password and code, does the owner's browser get past the per-account slow-down?"""
    from saas.auth import throttle
    from tests.auth.test_mfa import _code, _enrol

    owner = limited_client  # its own address throughout (the session is bound to it)
    owner.login(world.dortmund_staff)
    secret, _codes = _enrol(owner)
    owner.logout()
    owner.delete_cookie(throttle.KNOWN_COOKIE)  # only the login with the second factor may set it now
    step = owner.post_form("/login", {"email": world.dortmund_staff.email, "password": PASSWORD})
    assert step.headers["Location"].endswith("/login/zweiter-faktor")
    assert owner.post_form("/login/zweiter-faktor", {"code": _code(secret, 1)}).status_code == 302
    assert owner.get_cookie(throttle.KNOWN_COOKIE) is not None
    owner.logout()

    attacker = owner.application.test_client()
    for n in range(25):
        _post(attacker, world.dortmund_staff.email, WRONG, f"198.51.100.{n}")
    assert _post(attacker, world.dortmund_staff.email, WRONG, "198.51.100.99").status_code == 429
    again = _post(owner, world.dortmund_staff.email, PASSWORD, "203.0.113.7")
    assert again.status_code == 302 and again.headers["Location"].endswith("/login/zweiter-faktor")
