from flask import Blueprint

from saas.admin import demo as _demo  # noqa: F401 - registers the demo seeder
from saas.admin import views
from saas.auth.models import Role
from saas.core.nav import add_staff_nav

bp = Blueprint("admin", __name__, template_folder="templates")

_base = "/<slug>/intern/verwaltung"
bp.add_url_rule(f"{_base}/", "index", views.index)
bp.add_url_rule(f"{_base}/personen", "people", views.people, methods=["GET", "POST"])
bp.add_url_rule(f"{_base}/personen/<int:membership_id>/rolle", "change_role", views.change_role, methods=["POST"])
bp.add_url_rule(
    f"{_base}/personen/<int:membership_id>/entfernen", "remove_person", views.remove_person, methods=["GET", "POST"]
)
_invite = f"{_base}/personen/einladungen/<int:invite_id>"
bp.add_url_rule(f"{_invite}/erneut-senden", "resend_invite", views.resend_invite, methods=["POST"])
bp.add_url_rule(f"{_invite}/zurueckziehen", "cancel_invite", views.cancel_invite, methods=["POST"])
bp.add_url_rule(f"{_base}/profil", "profile", views.profile, methods=["GET", "POST"])
bp.add_url_rule(f"{_base}/logo", "logo", views.logo, methods=["GET", "POST"])
bp.add_url_rule(f"{_base}/logo.png", "logo_image", views.logo_image)
bp.add_url_rule(f"{_base}/standorte", "sites", views.sites)
bp.add_url_rule(f"{_base}/standorte/neu", "new_site", views.new_site, methods=["GET", "POST"])
bp.add_url_rule(f"{_base}/standorte/<int:site_id>", "edit_site", views.edit_site, methods=["GET", "POST"])
bp.add_url_rule(f"{_base}/standorte/<int:site_id>/loeschen", "delete_site", views.delete_site, methods=["GET", "POST"])
bp.add_url_rule(
    f"{_base}/standorte/<int:site_id>/sprechzeiten", "site_hours", views.site_hours, methods=["GET", "POST"]
)

add_staff_nav("admin.index", "Verwaltung", min_role=Role.admin, order=900)
