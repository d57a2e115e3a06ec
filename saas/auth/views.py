"""The signed-in person's own account: overview, password change and the second factor's settings; and the
rule that staff must enrol a second factor before anything else.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user

from saas.audit.operations import record_auth
from saas.auth import mfa
from saas.auth import operations as ops
from saas.auth.forms import (
    ChangePasswordForm,
    DisableMfaForm,
    EnableMfaForm,
    LogoutForm,
)
from saas.auth.passwords import verify_password
from saas.core.errors import perform, perform_or_fail
from saas.core.limitkeys import keyed
from saas.extensions import limiter


@login_required
def account() -> ResponseReturnValue:
    memberships, seats = ops.destinations(current_user)
    return render_template("auth/account.html", memberships=memberships, seats=seats)


@login_required
def change_password() -> ResponseReturnValue:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not verify_password(current_user.password_hash, form.current.data):
            form.current.errors.append(_("Das bisherige Passwort ist falsch."))
        else:

            def new_password() -> None:
                ops.set_password(current_user, form.password.data)
                record_auth("password_change", user_id=current_user.id)

            perform_or_fail(new_password)
            login_user(current_user._get_current_object())  # keep this session, end all others
            flash(_("Ihr Passwort wurde geändert."), "success")
            return redirect(url_for("auth.account"))
    return render_template("auth/change_password.html", form=form)


@login_required
def settings() -> ResponseReturnValue:
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
def enable() -> ResponseReturnValue:
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
    perform_or_fail(lambda: record_auth("mfa_enable", user_id=current_user.id))
    session.pop("mfa_enrol", None)
    return render_template("auth/mfa_codes.html", codes=codes)


@login_required
@limiter.limit("3 per hour", key_func=lambda: keyed("mfa-link", str(current_user.id)), methods=["POST"])
def request_link() -> ResponseReturnValue:
    """Mail the person a link to set their own password (which then allows enrolment)."""
    if not LogoutForm().validate_on_submit():
        abort(400)

    def send() -> None:
        ops.send_password_reset(current_user)
        record_auth("mfa_link", user_id=current_user.id)

    perform_or_fail(send, success=_("Wir haben Ihnen einen Link an %(email)s geschickt.", email=current_user.email))
    return redirect(url_for("auth.mfa_settings"))


@login_required
def disable() -> ResponseReturnValue:
    form = DisableMfaForm()
    if not form.validate_on_submit():
        abort(400)
    if mfa.mfa_required(current_user):
        flash(_("Für Ihre Rolle ist die Zwei-Faktor-Anmeldung vorgeschrieben."), "error")
        return redirect(url_for("auth.mfa_settings"))

    def switch_off() -> None:
        if not verify_password(current_user.password_hash, form.password.data) or not mfa.verify_second_factor(
            current_user, form.code.data
        ):
            raise ops.UserError(_("Passwort oder Code ist falsch."))
        mfa.disable(current_user)
        record_auth("mfa_disable", user_id=current_user.id)

    perform(switch_off, success=_("Die Zwei-Faktor-Anmeldung ist ausgeschaltet."))
    return redirect(url_for("auth.mfa_settings"))


@login_required
def new_codes() -> ResponseReturnValue:
    form = EnableMfaForm()
    if not form.validate_on_submit() or not mfa.mfa_enabled(current_user):
        abort(400)

    def renew() -> list[str]:
        if mfa.verify_second_factor(current_user, form.code.data) != "totp":
            raise ops.UserError(_("Der Code ist falsch oder abgelaufen."))
        codes = mfa.regenerate_recovery_codes(current_user)
        record_auth("mfa_codes", user_id=current_user.id)
        return codes

    done = perform(renew)
    if not done:
        return redirect(url_for("auth.mfa_settings"))
    return render_template("auth/mfa_codes.html", codes=done.value)


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


def enforce_enrolment() -> ResponseReturnValue | None:
    """Admins, analysts and operators without a second factor can do nothing but set one up."""
    if not current_user.is_authenticated or request.endpoint in ENROLMENT_ENDPOINTS:
        return None
    if mfa.mfa_enabled(current_user) or not mfa.mfa_required(current_user):
        return None
    if request.path.startswith("/api/"):
        return None
    flash(_("Für Ihre Rolle ist die Zwei-Faktor-Anmeldung vorgeschrieben. Bitte richten Sie sie jetzt ein."), "warning")
    return redirect(url_for("auth.mfa_settings"))
