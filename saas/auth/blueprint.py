from flask import Blueprint

from saas.auth import views

bp = Blueprint("auth", __name__, template_folder="templates")

bp.add_url_rule("/login", "login", views.login, methods=["GET", "POST"])
bp.add_url_rule("/logout", "logout", views.logout, methods=["POST"])
bp.add_url_rule("/konto", "account", views.account)
bp.add_url_rule("/konto/passwort", "change_password", views.change_password, methods=["GET", "POST"])
bp.add_url_rule("/passwort-vergessen", "reset_request", views.reset_request, methods=["GET", "POST"])
bp.add_url_rule("/passwort-zuruecksetzen/<token>", "reset_password", views.reset_password, methods=["GET", "POST"])
bp.add_url_rule("/sprache/<lang>", "set_language", views.set_language, methods=["POST"])
