"""X-Forwarded-* is believed only from proxies named in TRUSTED_PROXIES, never by default."""

from __future__ import annotations

import pytest
from werkzeug.test import Client
from werkzeug.wrappers import Response

from saas.config import ConfigError
from saas.core import proxies
from tests.auth.test_throttling import limited_client  # noqa: F401 - fixture


def _echo(environ, start_response):  # type: ignore[no-untyped-def]
    return Response(f"{environ['REMOTE_ADDR']} {environ['wsgi.url_scheme']}")(environ, start_response)


def _seen(setting: str | None, peer: str, forwarded: str, proto: str = "https") -> str:
    client = Client(proxies.wrap(_echo, setting))
    response = client.get(
        "/", headers={"X-Forwarded-For": forwarded, "X-Forwarded-Proto": proto}, environ_base={"REMOTE_ADDR": peer}
    )
    return response.get_data(as_text=True)


def test_rotating_x_forwarded_for_does_not_escape_the_per_ip_login_limit(limited_client, world):  # noqa: F811
    """With no TRUSTED_PROXIES, does a client that sends a new X-Forwarded-For each time still hit the per-IP limit?"""
    codes = []
    for n in range(12):
        response = limited_client.post_form(
            "/login",
            {"email": f"nobody{n}@example.org", "password": "wrong password here"},
            headers={"X-Forwarded-For": f"203.0.113.{n}"},
        )
        codes.append(response.status_code)
    assert 429 in codes, codes


def test_default_ignores_forwarded_headers():
    """Unset TRUSTED_PROXIES: is the peer's address the client's, whatever X-Forwarded-For says?"""
    assert _seen(None, "198.51.100.7", "203.0.113.9") == "198.51.100.7 http"


def test_a_count_takes_that_many_hops_from_the_right():
    """TRUSTED_PROXIES=1: is the address our one proxy appended the client's (not one the client wrote)?"""
    assert _seen("1", "10.0.0.2", "6.6.6.6, 203.0.113.9") == "203.0.113.9 https"


def test_networks_are_believed_only_from_a_peer_inside_them():
    """TRUSTED_PROXIES=networks: headers from a trusted peer count, from anyone else they do not."""
    setting = "10.0.0.0/8, fd00::/8"
    assert _seen(setting, "10.0.0.2", "6.6.6.6, 203.0.113.9") == "203.0.113.9 https"
    assert _seen(setting, "10.0.0.2", "203.0.113.9, 10.1.1.1") == "203.0.113.9 https"  # two proxies of ours
    assert _seen(setting, "198.51.100.7", "203.0.113.9") == "198.51.100.7 http"
    assert _seen(setting, "10.0.0.2", "not-an-address") == "10.0.0.2 https"


def test_a_bad_setting_stops_start_up_with_a_clear_message():
    """Is a TRUSTED_PROXIES value that is neither a count nor networks refused?"""
    with pytest.raises(ConfigError):
        proxies.parse("everyone")
