"""Writes about people: create users, set passwords, memberships. Flush, never commit."""

from __future__ import annotations

import datetime as dt
import hashlib

from flask import current_app, render_template, url_for
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from saas.auth.models import AnalystAccess, Membership, Role, User
from saas.auth.passwords import hash_password, password_problem
from saas.core.errors import DomainError
from saas.core.mail import office_message, queue_message
from saas.extensions import db
from tenants.models import Association, Tenant
from tenants.scoping import cross_tenant, tenant_context


class UserError(DomainError):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def create_user(email: str, password: str, *, name: str = "", is_operator: bool = False) -> User:
    email = normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise UserError(f"invalid e-mail address: {email!r}")
    problem = password_problem(password)
    if problem:
        raise UserError(problem)
    if find_user(email) is not None:
        raise UserError(f"a user with this e-mail exists already: {email}")
    user = User(email=email, name=name, password_hash=hash_password(password), is_operator=is_operator)
    db.session.add(user)
    db.session.flush()
    return user


def set_membership(user: User, tenant: Tenant, role: Role) -> Membership:
    with tenant_context(tenant.id):
        membership = db.session.scalar(select(Membership).where(Membership.user_id == user.id))
        if membership is None:
            membership = Membership(user=user, tenant_id=tenant.id, role=role)
            db.session.add(membership)
        else:
            membership.role = role
        db.session.flush()
    return membership


def grant_analyst(user: User, association: Association) -> AnalystAccess:
    seat = db.session.scalar(
        select(AnalystAccess).where(AnalystAccess.user_id == user.id, AnalystAccess.association_id == association.id)
    )
    if seat is None:
        seat = AnalystAccess(user=user, association=association)
        db.session.add(seat)
        db.session.flush()
    return seat


def set_password(user: User, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise UserError(problem)
    user.password_hash = hash_password(password)
    user.session_version += 1  # every other session of this person ends


def destinations(user: User) -> tuple[list[Membership], list[AnalystAccess]]:
    """All offices and associations a person may enter — a cross-office read by nature."""
    with cross_tenant("login: list a person's own offices", user_id=user.id):
        memberships = list(
            db.session.scalars(select(Membership).where(Membership.user_id == user.id).join(Membership.tenant))
        )
        for m in memberships:
            _ = m.tenant.name
    seats = list(db.session.scalars(select(AnalystAccess).where(AnalystAccess.user_id == user.id)))
    return memberships, seats


# --- password reset: a signed token that expires and works once ------------------------------------
# The same mechanism serves invitations (an office admin adds a person who has no account yet): only
# the salt and the maximum age differ, so a reset token can never pass as a longer-lived invitation.

INVITATION_MAX_AGE = 7 * 24 * 3600
_SALTS = {"reset": "lotse-password-reset", "invite": "lotse-invitation"}


def _serializer(purpose: str = "reset") -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALTS[purpose])


def _max_age(purpose: str) -> int:
    if purpose == "invite":
        return int(current_app.config.get("INVITATION_MAX_AGE", INVITATION_MAX_AGE))
    return int(current_app.config["PASSWORD_RESET_MAX_AGE"])


def _fingerprint(user: User) -> str:
    # The token is bound to the current password hash: once used (password changed), it is void.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:20]


def reset_token(user: User, purpose: str = "reset") -> str:
    return _serializer(purpose).dumps({"u": user.id, "f": _fingerprint(user)})


def reset_link(user: User, purpose: str = "reset") -> str:
    return f"{current_app.config['BASE_URL']}/passwort-zuruecksetzen/{reset_token(user, purpose)}"


def read_reset_token(token: str) -> tuple[User, str] | None:
    """The person a reset or invitation token belongs to, and the token's purpose; None if void."""
    for purpose in _SALTS:
        try:
            data = _serializer(purpose).loads(token, max_age=_max_age(purpose))
        except SignatureExpired:
            return None
        except BadSignature:
            continue
        if not isinstance(data, dict):
            return None
        user = db.session.get(User, data.get("u"))
        if user is None or not user.active or data.get("f") != _fingerprint(user):
            return None
        return user, purpose
    return None


def user_for_reset_token(token: str) -> User | None:
    found = read_reset_token(token)
    return found[0] if found else None


def _only_office(user: User) -> Tenant | None:
    """The office a reset mail speaks for: the user's one office; a person in several (or none) gets the
    platform's layout, since naming one office would tell the others' names nothing true."""
    with cross_tenant("password reset: the office a person belongs to, for the mail's sender", user_id=user.id):
        tenant_ids = list(db.session.scalars(select(Membership.tenant_id).where(Membership.user_id == user.id)))
    return db.session.get(Tenant, tenant_ids[0]) if len(tenant_ids) == 1 else None


def send_password_reset(user: User) -> None:
    link = reset_link(user)
    minutes = current_app.config["PASSWORD_RESET_MAX_AGE"] // 60
    context = {"user": user, "link": link, "minutes": minutes}
    msg = office_message(
        _only_office(user),
        to=user.email,
        subject=_("Lotse: Passwort zurücksetzen"),
        text=render_template("auth/mail_reset.txt", **context),
        html=render_template("auth/mail_reset.html", **context),
    )
    queue_message(msg)


def record_login(user: User) -> None:
    user.last_login_at = dt.datetime.now(dt.UTC)


def home_for(user: User) -> str:
    """Where a user lands after login: the one office's dashboard, the one association, or the account page."""
    memberships, seats = destinations(user)
    if len(memberships) == 1 and not seats and not user.is_operator:
        return url_for("core.dashboard", slug=memberships[0].tenant.slug)
    if len(seats) == 1 and not memberships and not user.is_operator:
        return f"/verband/{seats[0].association.slug}/"
    return url_for("auth.account")


def send_reset_if_known(email: str, locale: str = "de") -> bool:
    """The worker's half of a reset request: look the person up and mail the link (nothing for an unknown or
    deactivated address). The web request only queued this, so its answer and time say nothing."""
    from flask_babel import force_locale

    user = find_user(email)
    if user is None or not user.active:
        return False
    with force_locale(locale if locale in ("de", "en") else "de"):
        send_password_reset(user)
    return True
