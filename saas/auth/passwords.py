"""argon2id password hashing with at least OWASP's parameters (19 MiB, t=2, p=1)."""

from __future__ import annotations

import functools
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask_babel import gettext as _  # works outside requests too (untranslated there)

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verifying against this keeps the time of a login for an unknown e-mail like a known one.
_DUMMY_HASH = _hasher.hash("lotse-timing-equaliser")

MIN_LENGTH = 12


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


COMMON_PASSWORDS_FILE = Path(__file__).with_name("data") / "common-passwords.txt"


@functools.cache
def common_passwords() -> frozenset[str]:
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable, or None.

    OWASP ASVS 5.0: at least 12 characters, no composition rules, no forced rotation, and a check
    against a list of common passwords shipped with the project.
    """
    if len(password) < MIN_LENGTH:
        return _("Das Passwort muss mindestens %(n)s Zeichen lang sein.", n=MIN_LENGTH)
    if len(password) > 256:
        return _("Das Passwort darf höchstens %(n)s Zeichen lang sein.", n=256)
    folded = password.strip().lower()
    if folded in common_passwords() or len(set(folded)) <= 2:
        return _("Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes.")
    return None
