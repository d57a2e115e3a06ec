"""URL rules of founding support (Gründungsbegleitung) and effort cases (staff area of an office)."""

from flask import Blueprint

from saas.auth.models import Role
from saas.core.nav import add_staff_nav
from saas.core.reports import register_annual_section
from saas.founding import demo as _demo  # noqa: F401 - registers the demo seeder
from saas.founding import views
from saas.founding.queries import founding_section, support_section

bp = Blueprint("founding", __name__, template_folder="templates")

_G = "/<slug>/intern/gruendungen"
_P = f"{_G}/<int:process_id>"
_B = "/<slug>/intern/begleitung"
bp.add_url_rule(f"{_G}/", "overview", views.overview)
bp.add_url_rule(f"{_G}/neu", "process_new", views.process_new, methods=["POST"])
bp.add_url_rule(f"{_G}/aus-wegweiser", "process_from_interest", views.process_from_interest, methods=["POST"])
bp.add_url_rule(f"{_G}/schwelle", "threshold_save", views.threshold_save, methods=["POST"])
bp.add_url_rule(f"{_P}", "process_detail", views.process_detail)
bp.add_url_rule(f"{_P}/interessierte", "interest_add", views.interest_add, methods=["POST"])
bp.add_url_rule(f"{_P}/aus-anfrage", "interest_from_inquiry", views.interest_from_inquiry, methods=["POST"])
bp.add_url_rule(
    f"{_P}/interessierte/<int:interest_id>/zurueckgezogen",
    "interest_withdraw",
    views.interest_withdraw,
    methods=["POST"],
)
bp.add_url_rule(f"{_P}/schritt", "milestone_add", views.milestone_add, methods=["POST"])
bp.add_url_rule(f"{_P}/erstes-treffen", "first_meeting", views.first_meeting, methods=["POST"])
bp.add_url_rule(f"{_P}/einladungen", "invitations", views.invitations, methods=["POST"])
bp.add_url_rule(f"{_P}/gegruendet", "founded", views.founded, methods=["POST"])
bp.add_url_rule(f"{_P}/abgebrochen", "abandon", views.abandon, methods=["POST"])
bp.add_url_rule(f"{_B}/", "cases", views.cases)
bp.add_url_rule(f"{_B}/neu", "case_new", views.case_new, methods=["POST"])
bp.add_url_rule(f"{_B}/<int:case_id>", "case_detail", views.case_detail)
bp.add_url_rule(f"{_B}/<int:case_id>/termin", "session_add", views.session_add, methods=["POST"])
bp.add_url_rule(f"{_B}/<int:case_id>/abschliessen", "case_close", views.case_close, methods=["POST"])

register_annual_section("founding", founding_section)
register_annual_section("support", support_section)

add_staff_nav("founding.overview", "Gründungen", Role.readonly, order=25)
add_staff_nav("founding.cases", "Gruppenbegleitung", Role.readonly, order=26)
