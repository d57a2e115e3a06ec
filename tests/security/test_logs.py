"""No personal data or secrets in logs: the redacting filter, and the scan that the suite runs over every
log line it wrote (``tests/conftest.py: pytest_sessionfinish`` uses :func:`leaking_lines`)."""

from __future__ import annotations

import logging
import re

from saas.auth.operations import reset_token
from saas.core.logfilter import redact

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TOKEN_URL = re.compile(r"/(?:passwort-zuruecksetzen|abmelden|bestaetigen|anmeldung)/(?!<token>)[A-Za-z0-9_.-]{16,}")


def leaking_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if _EMAIL.search(line) or _TOKEN_URL.search(line)]


def test_redaction_blanks_addresses_and_link_tokens(world):
    """Are addresses, reset links and unsubscribe links blanked, and ordinary lines left alone?"""
    token = reset_token(world.dortmund_staff)
    line = f'127.0.0.1 "GET /passwort-zuruecksetzen/{token} HTTP/1.1" 200 login failed for staff@dortmund.test'
    cleaned = redact(line)
    assert token not in cleaned and "staff@dortmund.test" not in cleaned and not leaking_lines([cleaned])
    assert redact("/dortmund/newsletter/abmelden/AbCdEf0123456789xyz") == "/dortmund/newsletter/abmelden/<token>"
    assert (
        redact("association aggregation done run_id=3 periods=12") == "association aggregation done run_id=3 periods=12"
    )


def test_log_records_pass_the_filter(app, world):
    """Does a line logged anywhere in the app reach the handlers redacted (the suite's collector is one)?"""
    from tests.conftest import LOG_COLLECTOR

    token = reset_token(world.dortmund_staff)
    logging.getLogger("saas.test").warning("reset for %s via /passwort-zuruecksetzen/%s", "a@b.example", token)
    last = LOG_COLLECTOR.lines[-1]
    assert "a@b.example" not in last and token not in last and "<token>" in last


def test_limiter_keys_in_the_collected_log_hold_no_address():
    """The scan itself: does it find an address or a token in a log line?"""
    assert leaking_lines(["login:staff@dortmund.test"]) and leaking_lines(["GET /abmelden/AbCdEf0123456789xyz"])
