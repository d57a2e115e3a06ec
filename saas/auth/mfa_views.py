"""Second-factor views: the code step after the password, and the person's own TOTP settings."""

from __future__ import annotations

import time

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user

from saas.audit.operations import record_auth
from saas.auth import mfa, throttle
from saas.auth import operations as ops
from saas.auth.forms import DisableMfaForm, EnableMfaForm, LogoutForm, SecondFactorForm
from saas.auth.models import User
from saas.auth.passwords import verify_password
from saas.core.limitkeys import client_address, keyed
from saas.extensions import db, limiter

PENDING_MAX_AGE = 300  # seconds between password and code


def start_second_factor(user: User, next_url: str | None) -> object:
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
def verify():  # type: ignore[no-untyped-def]
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
            record_auth("login", user_id=user.id)
            db.session.commit()
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
        record_auth("mfa_failed", user_id=user.id)
        db.session.commit()
        form.code.errors.append(_("Der Code ist falsch oder abgelaufen."))
    return render_template("auth/mfa_verify.html", form=form, can_remember=can_remember)


@login_required
def settings():  # type: ignore[no-untyped-def]
    enabled = mfa.mfa_enabled(current_user)
    enable_form, disable_form = EnableMfaForm(), DisableMfaForm()
    secret = uri = qr = None
    # A password someone else chose (issue 17, point 10b): whoever knows it must not bind their own
    # authenticator to this account. Enrolment waits until the person set a password through a mailed link.
    provisional = not enabled and current_user.password_provisional
    if provisional:
        session.pop("mfa_enrol", None)
    elif not enabled:
        secret = mfa.open_enrol_secret(current_user, session.get("mfa_enrol")) or mfa.new_secret()
        session["mfa_enrol"] = mfa.seal_enrol_secret(current_user, secret)  # encrypted: the cookie is readable
        uri = mfa.provisioning_uri(current_user, secret)
        qr = mfa.qr_svg_data_uri(uri)
    return render_template(
        "auth/mfa_settings.html",
        enabled=enabled,
        provisional=provisional,
        link_form=LogoutForm(),
        required=mfa.mfa_required(current_user),
        secret=secret,
        uri=uri,
        qr=qr,
        enable_form=enable_form,
        disable_form=disable_form,
        remaining=mfa.remaining_recovery_codes(current_user) if enabled else 0,
    )


@login_required
def enable():  # type: ignore[no-untyped-def]
    form = EnableMfaForm()
    if current_user.password_provisional:  # point 10b: only after a password set through a mailed link
        abort(403)
    secret = mfa.open_enrol_secret(current_user, session.get("mfa_enrol"))
    if not form.validate_on_submit() or not secret:
        abort(400)
    codes = mfa.enable(current_user, secret, form.code.data)
    if codes is None:
        flash(
            _("Der Code passt nicht. Bitte prüfen Sie die Uhrzeit Ihres Geräts und versuchen Sie es erneut."), "error"
        )
        return redirect(url_for("auth.mfa_settings"))
    record_auth("mfa_enable", user_id=current_user.id)
    db.session.commit()
    session.pop("mfa_enrol", None)
    return render_template("auth/mfa_codes.html", codes=codes)


@login_required
@limiter.limit("3 per hour", key_func=lambda: keyed("mfa-link", str(current_user.id)), methods=["POST"])
def request_link():  # type: ignore[no-untyped-def]
    """Mail the person a link to set their own password (which then allows enrolment)."""
    if not LogoutForm().validate_on_submit():
        abort(400)
    ops.send_password_reset(current_user)
    record_auth("mfa_link", user_id=current_user.id)
    db.session.commit()
    flash(_("Wir haben Ihnen einen Link an %(email)s geschickt.", email=current_user.email), "success")
    return redirect(url_for("auth.mfa_settings"))


@login_required
def disable():  # type: ignore[no-untyped-def]
    form = DisableMfaForm()
    if not form.validate_on_submit():
        abort(400)
    if mfa.mfa_required(current_user):
        flash(_("Für Ihre Rolle ist die Zwei-Faktor-Anmeldung vorgeschrieben."), "error")
        return redirect(url_for("auth.mfa_settings"))
    if not verify_password(current_user.password_hash, form.password.data) or not mfa.verify_second_factor(
        current_user, form.code.data
    ):
        db.session.rollback()
        flash(_("Passwort oder Code ist falsch."), "error")
        return redirect(url_for("auth.mfa_settings"))
    mfa.disable(current_user)
    record_auth("mfa_disable", user_id=current_user.id)
    db.session.commit()
    flash(_("Die Zwei-Faktor-Anmeldung ist ausgeschaltet."), "success")
    return redirect(url_for("auth.mfa_settings"))


@login_required
def new_codes():  # type: ignore[no-untyped-def]
    form = EnableMfaForm()
    if not form.validate_on_submit() or not mfa.mfa_enabled(current_user):
        abort(400)
    if mfa.verify_second_factor(current_user, form.code.data) != "totp":
        db.session.rollback()
        flash(_("Der Code ist falsch oder abgelaufen."), "error")
        return redirect(url_for("auth.mfa_settings"))
    codes = mfa.regenerate_recovery_codes(current_user)
    record_auth("mfa_codes", user_id=current_user.id)
    db.session.commit()
    return render_template("auth/mfa_codes.html", codes=codes)


ENROLMENT_ENDPOINTS = {
    "auth.mfa_settings",
    "auth.mfa_enable",
    "auth.mfa_link",
    "auth.reset_password",  # the mailed link that makes the password the person's own (point 10b)
    "auth.confirm_office",
    "auth.logout",
    "auth.set_language",
    "static",
    "core.health",
    "auth.change_password",
}


def enforce_enrolment():  # type: ignore[no-untyped-def]
    """Admins, analysts and operators without a second factor can do nothing but set one up."""
    if not current_user.is_authenticated or request.endpoint in ENROLMENT_ENDPOINTS:
        return None
    if mfa.mfa_enabled(current_user) or not mfa.mfa_required(current_user):
        return None
    if request.path.startswith("/api/"):
        return None
    flash(_("Für Ihre Rolle ist die Zwei-Faktor-Anmeldung vorgeschrieben. Bitte richten Sie sie jetzt ein."), "warning")
    return redirect(url_for("auth.mfa_settings"))
