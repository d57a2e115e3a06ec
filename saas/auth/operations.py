"""Writes about people: create users, set passwords, memberships. Flush, never commit."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from flask import current_app, render_template, url_for
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from saas.audit import operations as audit
from saas.auth.models import AnalystAccess, Membership, MembershipInvite, Role, User
from saas.auth.passwords import hash_password, password_problem
from saas.core import timeutil
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


def create_user(
    email: str, password: str, *, name: str = "", is_operator: bool = False, provisional: bool = False
) -> User:
    """``provisional``: the password was chosen by someone else (the operator's CLI), see ``User``."""
    email = normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise UserError(f"invalid e-mail address: {email!r}")
    problem = password_problem(password)
    if problem:
        raise UserError(problem)
    if find_user(email) is not None:
        raise UserError(f"a user with this e-mail exists already: {email}")
    user = User(
        email=email,
        name=name,
        password_hash=hash_password(password),
        is_operator=is_operator,
        password_provisional=provisional,
    )
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


def set_password_from_mail_link(user: User, password: str) -> None:
    """A password set through a link sent to the person's address (reset, invitation, office confirmation):
    proof that the person holds the mailbox, so the password is their own and the second factor may be
    enrolled (issue 17, point 10b); remembered devices are forgotten (point 10c)."""
    set_password(user, password)
    user.password_provisional = False
    user.mfa_version += 1


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
    user.last_login_at = timeutil.now()


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


# --- joining an office: the person confirms by mail (issue 17, point 7) -----------------------------------
# An office admin's "add person" only offers the role (a MembershipInvite); the membership exists once the
# person used the mailed link. The link is signed (its own salt), expires with the row, and works once: it
# names the row and its nonce, and confirming, cancelling or resending ends that pair.

_OFFICE_LINK_SALT = "lotse-office-link"


def invitation_max_age() -> int:
    return int(current_app.config.get("INVITATION_MAX_AGE", INVITATION_MAX_AGE))


def offer_membership(user: User, tenant: Tenant, role: Role) -> MembershipInvite:
    """Offer the person a role in the office (or renew a pending offer); the caller mails the link."""
    with tenant_context(tenant.id):
        invite = db.session.scalar(select(MembershipInvite).where(MembershipInvite.user_id == user.id))
        if invite is None:
            invite = MembershipInvite(user=user, tenant_id=tenant.id, role=role, nonce="", expires_at=_utcnow())
            db.session.add(invite)
        invite.role = role
        renew_invite(invite)
    return invite


def _utcnow() -> dt.datetime:
    return timeutil.now()


def renew_invite(invite: MembershipInvite) -> None:
    """A new nonce and a new term: every link mailed before is void from now on."""
    invite.nonce = secrets.token_hex(16)
    invite.sent_at = _utcnow()
    invite.expires_at = invite.sent_at + dt.timedelta(seconds=invitation_max_age())
    db.session.flush()


def invite_link(invite: MembershipInvite) -> str:
    serializer = URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_OFFICE_LINK_SALT)
    token = serializer.dumps({"t": invite.tenant_id, "i": invite.id, "n": invite.nonce})
    return f"{current_app.config['BASE_URL']}/zugang/{token}"


def read_invite_token(token: str) -> MembershipInvite | None:
    """The pending offer a link names, if the link is genuine, unexpired, unused and its person active."""
    serializer = URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_OFFICE_LINK_SALT)
    try:
        data = serializer.loads(token, max_age=invitation_max_age())
    except BadSignature:  # SignatureExpired is a BadSignature
        return None
    if not isinstance(data, dict):
        return None
    tenant_id, invite_id, nonce = data.get("t"), data.get("i"), data.get("n")
    if not (isinstance(tenant_id, int) and isinstance(invite_id, int) and isinstance(nonce, str) and nonce):
        return None
    with tenant_context(tenant_id):
        invite = db.session.scalar(select(MembershipInvite).where(MembershipInvite.id == invite_id))
    if invite is None or not secrets.compare_digest(invite.nonce, nonce):
        return None
    if invite_expired(invite) or not invite.user.active:
        return None
    return invite


def invite_expired(invite: MembershipInvite) -> bool:
    expires_at = invite.expires_at if invite.expires_at.tzinfo else invite.expires_at.replace(tzinfo=dt.UTC)
    return expires_at <= _utcnow()


def needs_password(user: User) -> bool:
    """An account that never logged in (made by an invitation) sets its password with the confirmation."""
    return user.last_login_at is None


def accept_invite(invite: MembershipInvite, password: str | None = None) -> Membership:
    """The person confirmed: the offer becomes a membership and the link is used up."""
    user = invite.user
    if password is not None:
        set_password_from_mail_link(user, password)
    tenant = db.session.get(Tenant, invite.tenant_id)
    assert tenant is not None  # the invite's row would be gone with its office (ON DELETE CASCADE)
    with tenant_context(invite.tenant_id):
        membership = set_membership(user, tenant, invite.role)
        audit.record("user.confirm", "membership", membership.id, f"Rolle {invite.role.value}", actor_user_id=user.id)
        db.session.delete(invite)
        db.session.flush()
    return membership
