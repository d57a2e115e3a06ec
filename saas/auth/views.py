"""Login, logout, account, password change and reset. Views are the only place that commits."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from saas.audit.operations import record_auth
from saas.auth import mfa, throttle
from saas.auth import operations as ops
from saas.auth.forms import ChangePasswordForm, LoginForm, LogoutForm, NewPasswordForm, ResetRequestForm
from saas.auth.mfa_views import start_second_factor
from saas.auth.passwords import needs_rehash, verify_password
from saas.core import tasks
from saas.core.errors import perform
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


def _failed(response) -> bool:  # type: ignore[no-untyped-def]
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
def login():  # type: ignore[no-untyped-def]
    form = LoginForm()
    if current_user.is_authenticated and request.method == "GET":
        return redirect(url_for("auth.account"))
    if form.validate_on_submit():
        user = ops.find_user(form.email.data)
        # Always one hash verification, for unknown and inactive accounts too: the answer's time tells nothing.
        password_ok = verify_password(user.password_hash if user is not None else None, form.password.data or "")
        if user is not None and user.active and password_ok:
            if needs_rehash(user.password_hash):
                user.password_hash = ops.hash_password(form.password.data)
            ops.record_login(user)
            next_url = _safe_next(request.args.get("next"))
            if mfa.mfa_enabled(user) and not mfa.device_remembered(user, request.cookies.get(mfa.REMEMBER_COOKIE)):
                db.session.commit()
                return start_second_factor(user, next_url)
            record_auth("login", user_id=user.id)
            db.session.commit()
            session.clear()  # a new session at login: nothing from before survives
            login_user(user)
            log.info("login succeeded user_id=%s", user.id)
            return throttle.remember_client(redirect(next_url or ops.home_for(user)), form.email.data)
        record_auth("login_failed", user_id=user.id if user else None, subject="" if user else form.email.data)
        db.session.commit()
        log.info("login failed")
        form.password.errors.append(_("E-Mail-Adresse oder Passwort ist falsch."))
    return render_template("auth/login.html", form=form)


def logout():  # type: ignore[no-untyped-def]
    form = LogoutForm()
    if not form.validate_on_submit():
        abort(400)
    if current_user.is_authenticated:
        current_user.session_version += 1  # a copied cookie is refused from now on
        record_auth("logout", user_id=current_user.id)
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("Sie sind abgemeldet."), "info")
    return redirect(url_for("auth.login"))


@login_required
def account():  # type: ignore[no-untyped-def]
    memberships, seats = ops.destinations(current_user)
    return render_template("auth/account.html", memberships=memberships, seats=seats)


@login_required
def change_password():  # type: ignore[no-untyped-def]
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not verify_password(current_user.password_hash, form.current.data):
            form.current.errors.append(_("Das bisherige Passwort ist falsch."))
        else:
            ops.set_password(current_user, form.password.data)
            record_auth("password_change", user_id=current_user.id)
            db.session.commit()
            login_user(current_user._get_current_object())  # keep this session, end all others
            flash(_("Ihr Passwort wurde geändert."), "success")
            return redirect(url_for("auth.account"))
    return render_template("auth/change_password.html", form=form)


@limiter.limit("5 per minute; 20 per hour", methods=["POST"])
def reset_request():  # type: ignore[no-untyped-def]
    form = ResetRequestForm()
    if form.validate_on_submit():
        # Same answer, same work, whether or not the address is known: nothing is looked up here; the only
        # work is queueing one task, and the worker finds the person and sends the link after the answer.
        email, locale = ops.normalise_email(form.email.data), str(get_locale() or "de")
        tasks.send(RESET_TASK, email, locale)
        return render_template("auth/reset_sent.html")
    return render_template("auth/reset_request.html", form=form)


def reset_password(token: str):  # type: ignore[no-untyped-def]
    """Set a new password from a reset link, or a first password from an invitation link."""
    found = ops.read_reset_token(token)
    if found is None:
        return render_template("auth/reset_invalid.html"), 400
    user, purpose = found
    form = NewPasswordForm()
    if form.validate_on_submit():
        # The person's own password now (it came through their mailbox): MFA may be enrolled (point 10b), and
        # a reset forgets every remembered device, an attacker's too (point 10c).
        ops.set_password_from_mail_link(user, form.password.data)
        record_auth("password_reset", user_id=user.id)
        db.session.commit()
        flash(_("Ihr neues Passwort ist gespeichert. Bitte melden Sie sich an."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form, invitation=purpose == "invite", user=user)


def confirm_office(token: str):  # type: ignore[no-untyped-def]
    """The person confirms an office's offer of access (issue 17, point 7). A GET only shows the question (mail
    scanners open links); the POST confirms. An account that never logged in sets its password here too."""
    invite = ops.read_invite_token(token)
    if invite is None:
        return render_template("auth/office_link_invalid.html"), 400
    user = invite.user
    tenant = db.session.get(Tenant, invite.tenant_id)
    new_account = ops.needs_password(user)
    form = NewPasswordForm() if new_account else LogoutForm()
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


def set_language(lang: str):  # type: ignore[no-untyped-def]
    if lang not in current_app.config["LANGUAGES"]:
        abort(404)
    if request.method == "POST":  # the form of logged-in pages carries a CSRF token
        form = LogoutForm()  # an empty form: only the CSRF token
        if not form.validate_on_submit():
            abort(400)
    # A visitor's link (GET) only sets a display preference; nothing else changes.
    session["lang"] = lang
    return redirect(_safe_next(request.values.get("next")) or "/")
