"""Sign-in pages (no account session yet): login with its second-factor step, logout, password reset and the
language switch. Writes go through ``perform``.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response as BaseResponse

from saas.audit.operations import record_auth
from saas.auth import mfa, throttle
from saas.auth import operations as ops
from saas.auth.forms import (
    LoginForm,
    LogoutForm,
    NewPasswordForm,
    ResetRequestForm,
    SecondFactorForm,
)
from saas.auth.models import User
from saas.auth.passwords import needs_rehash, verify_password
from saas.core import tasks
from saas.core.errors import perform, perform_or_fail
from saas.core.limitkeys import client_address, keyed
from saas.extensions import db, limiter
from tenants.models import Tenant

log = logging.getLogger(__name__)


RESET_TASK = "lotse.auth.password_reset"  # workers/auth.py, queued by name


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def _failed(response: BaseResponse) -> bool:
    return response.status_code != 302


# Three limits on failed logins, so that throttling protects an account without becoming a weapon against it
# (issue 17, point 8): one client guessing one account is stopped quickly (per pair); a client spraying one
# password over many accounts meets a ceiling per address; an account guessed from many addresses is slowed
# with growing delays (10 per 10 minutes, 20 per hour, 50 per day) — but only for clients that never logged
# in to it: the person's own browser (a "known client" cookie from an earlier login) is never held back.
@limiter.limit("10 per minute; 100 per hour", methods=["POST"], key_func=throttle.address_key, deduct_when=_failed)
@limiter.limit("5 per minute; 30 per hour", methods=["POST"], key_func=throttle.pair_key, deduct_when=_failed)
@limiter.limit(
    "10 per 10 minutes; 20 per hour; 50 per day",
    methods=["POST"],
    key_func=throttle.account_key,
    deduct_when=_failed,
    exempt_when=throttle.known_client,
)
def login() -> ResponseReturnValue:
    form = LoginForm()
    if current_user.is_authenticated and request.method == "GET":
        return redirect(url_for("auth.account"))
    if form.validate_on_submit():
        user = ops.find_user(form.email.data)
        # Always one hash verification, for unknown and inactive accounts too: the answer's time tells nothing.
        password_ok = verify_password(user.password_hash if user is not None else None, form.password.data or "")
        if user is not None and user.active and password_ok:

            def password_step() -> bool:
                """The writes of a right password; True when the second factor follows."""
                if needs_rehash(user.password_hash):
                    user.password_hash = ops.hash_password(form.password.data)
                ops.record_login(user)
                if mfa.mfa_enabled(user) and not mfa.device_remembered(user, request.cookies.get(mfa.REMEMBER_COOKIE)):
                    return True
                record_auth("login", user_id=user.id)
                return False

            next_url = _safe_next(request.args.get("next"))
            if perform_or_fail(password_step):
                return start_second_factor(user, next_url)
            session.clear()  # a new session at login: nothing from before survives
            login_user(user)
            log.info("login succeeded user_id=%s", user.id)
            return throttle.remember_client(redirect(next_url or ops.home_for(user)), form.email.data)
        perform_or_fail(
            lambda: record_auth(
                "login_failed", user_id=user.id if user else None, subject="" if user else form.email.data
            )
        )
        log.info("login failed")
        form.password.errors.append(_("E-Mail-Adresse oder Passwort ist falsch."))
    return render_template("auth/login.html", form=form)


def logout() -> ResponseReturnValue:
    form = LogoutForm()
    if not form.validate_on_submit():
        abort(400)
    if current_user.is_authenticated:

        def end_sessions() -> None:
            current_user.session_version += 1  # a copied cookie is refused from now on
            record_auth("logout", user_id=current_user.id)

        perform_or_fail(end_sessions)
    logout_user()
    session.clear()
    flash(_("Sie sind abgemeldet."), "info")
    return redirect(url_for("auth.login"))


@limiter.limit("5 per minute; 20 per hour", methods=["POST"])
def reset_request() -> ResponseReturnValue:
    form = ResetRequestForm()
    if form.validate_on_submit():
        # Same answer, same work, whether or not the address is known: nothing is looked up here; the only
        # work is queueing one task, and the worker finds the person and sends the link after the answer.
        email, locale = ops.normalise_email(form.email.data), str(get_locale() or "de")
        tasks.send(RESET_TASK, email, locale)
        return render_template("auth/reset_sent.html")
    return render_template("auth/reset_request.html", form=form)


def reset_password(token: str) -> ResponseReturnValue:
    """Set a new password from a reset link, or a first password from an invitation link."""
    found = ops.read_reset_token(token)
    if found is None:
        return render_template("auth/reset_invalid.html"), 400
    user, purpose = found
    form = NewPasswordForm()
    if form.validate_on_submit():

        def new_password() -> None:
            # The person's own password now (it came through their mailbox): MFA may be enrolled (point 10b), and
            # a reset forgets every remembered device, an attacker's too (point 10c).
            ops.set_password_from_mail_link(user, form.password.data)
            record_auth("password_reset", user_id=user.id)

        perform_or_fail(new_password, success=_("Ihr neues Passwort ist gespeichert. Bitte melden Sie sich an."))
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form, invitation=purpose == "invite", user=user)


def confirm_office(token: str) -> ResponseReturnValue:
    """The person confirms an office's offer of access (issue 17, point 7). A GET only shows the question (mail
    scanners open links); the POST confirms. An account that never logged in sets its password here too."""
    invite = ops.read_invite_token(token)
    if invite is None:
        return render_template("auth/office_link_invalid.html"), 400
    user = invite.user
    tenant = db.session.get(Tenant, invite.tenant_id)
    new_account = ops.needs_password(user)
    form: NewPasswordForm | LogoutForm = NewPasswordForm() if new_account else LogoutForm()
    if form.validate_on_submit():
        password = form.password.data if isinstance(form, NewPasswordForm) else None
        if perform(lambda: ops.accept_invite(invite, password)):
            flash(
                _("Ihr Zugang zu %(office)s ist bestätigt.", office=tenant.name if tenant else ""),
                "success",
            )
            if current_user.is_authenticated and current_user.id == user.id and tenant is not None:
                return redirect(url_for("core.dashboard", slug=tenant.slug))
            return redirect(url_for("auth.login"))
    status = 400 if form.errors else 200
    return (
        render_template(
            "auth/office_link.html", form=form, new_account=new_account, user=user, tenant=tenant, role=invite.role
        ),
        status,
    )


def set_language(lang: str) -> ResponseReturnValue:
    if lang not in current_app.config["LANGUAGES"]:
        abort(404)
    if request.method == "POST":  # the form of logged-in pages carries a CSRF token
        form = LogoutForm()  # an empty form: only the CSRF token
        if not form.validate_on_submit():
            abort(400)
    # A visitor's link (GET) only sets a display preference; nothing else changes.
    session["lang"] = lang
    return redirect(_safe_next(request.values.get("next")) or "/")


PENDING_MAX_AGE = 300  # seconds between password and code


def start_second_factor(user: User, next_url: str | None) -> ResponseReturnValue:
    """Called by the login view after a correct password when the person uses TOTP."""
    session.clear()
    session["mfa_pending"] = {"u": user.id, "v": user.session_version, "t": int(time.time()), "next": next_url}
    return redirect(url_for("auth.mfa_verify"))


def _pending_user() -> User | None:
    pending = session.get("mfa_pending")
    if not isinstance(pending, dict) or time.time() - pending.get("t", 0) > PENDING_MAX_AGE:
        return None
    user = db.session.get(User, pending.get("u"))
    if user is None or not user.active or user.session_version != pending.get("v"):
        return None
    return user


def _pending_key() -> str:
    pending = session.get("mfa_pending") or {}
    return keyed("mfa", str(pending.get("u", "")), "" if pending.get("u") else client_address())


@limiter.limit("5 per minute; 20 per hour", key_func=_pending_key, methods=["POST"])
def verify() -> ResponseReturnValue:
    user = _pending_user()
    if user is None:
        session.pop("mfa_pending", None)
        flash(_("Bitte melden Sie sich erneut an."), "warning")
        return redirect(url_for("auth.login"))
    form = SecondFactorForm()
    can_remember = mfa.remember_allowed(user)
    if form.validate_on_submit():
        kind = mfa.verify_second_factor(user, form.code.data)
        if kind is not None:
            next_url = session["mfa_pending"].get("next")
            perform_or_fail(lambda: record_auth("login", user_id=user.id))
            session.clear()
            login_user(user)
            # This browser has now logged in to the account: the per-account slow-down lets it past (point 8),
            # for people with a second factor as for those without.
            response = throttle.remember_client(redirect(next_url or ops.home_for(user)), user.email)
            if can_remember and form.remember.data:
                response.set_cookie(
                    mfa.REMEMBER_COOKIE,
                    mfa.device_token(user),
                    max_age=mfa.REMEMBER_DAYS * 86400,
                    httponly=True,
                    secure=request.is_secure,
                    samesite="Lax",
                )
            if kind == "recovery":
                flash(
                    _(
                        "Sie haben einen Wiederherstellungscode verwendet. Noch übrig: %(n)s.",
                        n=mfa.remaining_recovery_codes(user),
                    ),
                    "warning",
                )
            return response
        perform_or_fail(lambda: record_auth("mfa_failed", user_id=user.id))
        form.code.errors.append(_("Der Code ist falsch oder abgelaufen."))
    return render_template("auth/mfa_verify.html", form=form, can_remember=can_remember)
