"""Two-factor authentication: TOTP (pyotp), recovery codes, remembered devices.

Required for office admins, association analysts and platform operators; optional for staff.
A remembered device (signed cookie, 30 days) is allowed only when every office of the person allows it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from typing import TYPE_CHECKING

import pyotp
import segno
from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import DateTime, ForeignKey, String, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from saas.auth.models import AnalystAccess, Membership, Role, User
from saas.core import timeutil
from saas.extensions import Model, db
from tenants.models import utcnow
from tenants.scoping import cross_tenant

if TYPE_CHECKING:
    from cryptography.fernet import Fernet

ISSUER = "Lotse"
RECOVERY_CODES = 10
REMEMBER_DAYS = 30
REMEMBER_COOKIE = "lotse_device"


class RecoveryCode(Model):
    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


def _memberships(user: User) -> list[Membership]:
    with cross_tenant("mfa: a person's own roles", user_id=user.id):
        return list(db.session.scalars(select(Membership).where(Membership.user_id == user.id).join(Membership.tenant)))


def mfa_required(user: User) -> bool:
    """Admins of any office, association analysts and operators must use a second factor."""
    if user.is_operator:
        return True
    if db.session.scalar(select(AnalystAccess.id).where(AnalystAccess.user_id == user.id).limit(1)) is not None:
        return True
    return any(m.role == Role.admin for m in _memberships(user))


def remember_allowed(user: User) -> bool:
    memberships = _memberships(user)
    return bool(memberships) and all(m.tenant.settings.get("mfa_remember_device", False) for m in memberships)


def mfa_enabled(user: User) -> bool:
    return bool(user.totp_secret and user.mfa_enabled_at)


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_svg_data_uri(uri: str) -> str:
    return segno.make(uri, error="m").svg_data_uri(scale=4, dark="#000", light="#fff")


def _check_totp(secret: str, code: str, last_step: int | None) -> int | None:
    """The matching time step (±1 step of drift), or None. A step already used is refused (no replay)."""
    totp = pyotp.TOTP(secret)
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    now = timeutil.now()
    for drift in (0, -1, 1):
        moment = now + dt.timedelta(seconds=30 * drift)
        step = totp.timecode(moment)
        if hmac.compare_digest(totp.at(moment), code) and (last_step is None or step > last_step):
            return step
    return None


def _hash_code(code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, code.replace("-", "").strip().lower().encode(), hashlib.sha256).hexdigest()


def enable(user: User, secret: str, code: str) -> list[str] | None:
    """Turn on TOTP after the person proved the authenticator works; returns fresh recovery codes."""
    step = _check_totp(secret, code, None)
    if step is None:
        return None
    user.totp_secret = secret
    user.totp_last_step = step
    user.mfa_enabled_at = utcnow()
    user.mfa_version += 1
    return regenerate_recovery_codes(user)


def disable(user: User) -> None:
    user.totp_secret = None
    user.mfa_enabled_at = None
    user.totp_last_step = None
    user.mfa_version += 1
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))


def regenerate_recovery_codes(user: User) -> list[str]:
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash_code(c)) for c in codes)
    db.session.flush()
    return codes


def verify_second_factor(user: User, code: str) -> str | None:
    """'totp' or 'recovery' when the code is right (a recovery code works once), else None."""
    if not user.totp_secret:
        return None
    step = _check_totp(user.totp_secret, code, user.totp_last_step)
    if step is not None:
        user.totp_last_step = step
        return "totp"
    digest = _hash_code(code)
    for rc in db.session.scalars(
        select(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    ):
        if hmac.compare_digest(rc.code_hash, digest):
            rc.used_at = utcnow()
            return "recovery"
    return None


def remaining_recovery_codes(user: User) -> int:
    return len(
        db.session.scalars(
            select(RecoveryCode.id).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
        ).all()
    )


# --- remembered devices ---------------------------------------------------------------------------


def _device_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="lotse-mfa-device")


def device_token(user: User) -> str:
    return _device_serializer().dumps({"u": user.id, "v": user.mfa_version})


def device_remembered(user: User, token: str | None) -> bool:
    if not token or not remember_allowed(user):
        return False
    try:
        data = _device_serializer().loads(token, max_age=REMEMBER_DAYS * 86400)
    except BadSignature:
        return False
    return data == {"u": user.id, "v": user.mfa_version}


# --- the enrolment secret between showing the QR code and the first code -----------------------------


def _enrol_box() -> Fernet:
    import base64

    from cryptography.fernet import Fernet

    key = hashlib.sha256(b"lotse-mfa-enrol\x1f" + current_app.config["SECRET_KEY"].encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def seal_enrol_secret(user: User, secret: str) -> str:
    """The secret encrypted for the session cookie (signed cookies are readable; this one is not), bound to
    the person."""
    return _enrol_box().encrypt(f"{user.id}:{secret}".encode()).decode()


def open_enrol_secret(user: User, sealed: str | None, max_age: int = 3600) -> str | None:
    from cryptography.fernet import InvalidToken

    if not sealed:
        return None
    try:
        owner, _, secret = _enrol_box().decrypt(sealed.encode(), ttl=max_age).decode().partition(":")
    except (InvalidToken, ValueError):
        return None
    return secret if owner == str(user.id) else None
