from flask import Blueprint
from flask.typing import ResponseReturnValue

from saas.auth import public, views

bp = Blueprint("auth", __name__, template_folder="templates")

bp.add_url_rule("/login", "login", public.login, methods=["GET", "POST"])
bp.add_url_rule("/logout", "logout", public.logout, methods=["POST"])
bp.add_url_rule("/konto", "account", views.account)
bp.add_url_rule("/konto/passwort", "change_password", views.change_password, methods=["GET", "POST"])
bp.add_url_rule("/passwort-vergessen", "reset_request", public.reset_request, methods=["GET", "POST"])
bp.add_url_rule("/passwort-zuruecksetzen/<token>", "reset_password", public.reset_password, methods=["GET", "POST"])
bp.add_url_rule("/zugang/<token>", "confirm_office", public.confirm_office, methods=["GET", "POST"])
bp.add_url_rule("/sprache/<lang>", "set_language", public.set_language, methods=["GET", "POST"])
bp.add_url_rule("/login/zweiter-faktor", "mfa_verify", public.verify, methods=["GET", "POST"])
bp.add_url_rule("/konto/zwei-faktor", "mfa_settings", views.settings)
bp.add_url_rule("/konto/zwei-faktor/einrichten", "mfa_enable", views.enable, methods=["POST"])
bp.add_url_rule("/konto/zwei-faktor/link", "mfa_link", views.request_link, methods=["POST"])
bp.add_url_rule("/konto/zwei-faktor/ausschalten", "mfa_disable", views.disable, methods=["POST"])
bp.add_url_rule("/konto/zwei-faktor/neue-codes", "mfa_new_codes", views.new_codes, methods=["POST"])


@bp.before_app_request
def _require_second_factor() -> ResponseReturnValue | None:
    from flask import current_app

    if current_app.config.get("MFA_ENFORCED", True):
        return views.enforce_enrolment()
    return None
