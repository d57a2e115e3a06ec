"""Password policy per OWASP ASVS 5.0: length ≥ 12, no composition rules, common passwords refused."""

import pytest

from saas.auth.passwords import common_passwords, password_problem


@pytest.mark.parametrize("password", ["kurz", "elf-zeichen", ""])
def test_short_passwords_are_refused(password):
    assert "mindestens 12 Zeichen" in password_problem(password)


@pytest.mark.parametrize("password", ["passwort1234", "Password1234", "qwertyuiop123", "aaaaaaaaaaaaaaa"])
def test_common_passwords_are_refused(password):
    """Is a well-known password refused even when it is long enough (case-insensitively)?"""
    assert "zu verbreitet" in password_problem(password)


@pytest.mark.parametrize("password", ["alle meine entchen schwimmen", "kaffeetasse-im-regen", "x7#kd93jalw0"])
def test_long_uncommon_passwords_are_accepted_without_composition_rules(password):
    assert password_problem(password) is None


def test_the_shipped_list_is_large():
    """Is the shipped list the real list (tens of thousands of entries), not a token sample?"""
    assert len(common_passwords()) > 25_000 and "123456" in common_passwords()
