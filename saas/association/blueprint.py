from flask import Blueprint

from saas.association import views
from saas.auth.models import Role
from saas.core.nav import add_staff_nav

bp = Blueprint("association", __name__, template_folder="templates")

# Office admins: what the office shares with its associations.
bp.add_url_rule("/<slug>/intern/verbaende", "consent", views.consent)
bp.add_url_rule("/<slug>/intern/verbaende/<int:association_id>", "consent_save", views.consent_save, methods=["POST"])
bp.add_url_rule(
    "/<slug>/intern/verbaende/<int:association_id>/wegweiser", "finder_save", views.finder_save, methods=["POST"]
)

# Association analysts: aggregates only.
bp.add_url_rule("/verband/<assoc_slug>/", "dashboard", views.dashboard)
bp.add_url_rule("/verband/<assoc_slug>/export.csv", "export_csv", views.export_csv)
bp.add_url_rule("/verband/<assoc_slug>/export.xlsx", "export_xlsx", views.export_xlsx)
bp.add_url_rule("/verband/<assoc_slug>/bericht.json", "report_json", views.report_json)
bp.add_url_rule("/verband/<assoc_slug>/aktualisieren", "aggregate_now", views.aggregate_now, methods=["POST"])

add_staff_nav("association.consent", "Verbände", min_role=Role.admin, order=90)


from saas.association import demo  # noqa: E402, F401 - registers the demo seeder
