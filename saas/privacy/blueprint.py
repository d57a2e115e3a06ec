from flask import Blueprint

from saas.auth.models import Role
from saas.core.nav import add_staff_nav
from saas.privacy import views

bp = Blueprint("privacy", __name__, template_folder="templates")
bp.add_url_rule("/<slug>/intern/datenschutz/", "person", views.person)
bp.add_url_rule("/<slug>/intern/datenschutz/auskunft", "export", views.export, methods=["POST"])
bp.add_url_rule("/<slug>/intern/datenschutz/loeschen", "erase", views.erase, methods=["POST"])
bp.add_url_rule("/<slug>/intern/datenschutz/aufbewahrung", "retention", views.retention, methods=["GET", "POST"])

add_staff_nav("privacy.person", "Datenschutz", min_role=Role.admin, order=95)
