"""URL rules of the contact log, statistics and annual report (staff area of an office)."""

from flask import Blueprint

from saas.auth.models import Role
from saas.contacts import (
    dashboard,  # noqa: F401 - registers the start page panel
    demo,  # noqa: F401 - registers the demo seeder
    views,
)
from saas.core.nav import add_staff_nav

bp = Blueprint("contacts", __name__, template_folder="templates")

_K = "/<slug>/intern/kontakte"
_R = "/<slug>/intern/jahresbericht"
bp.add_url_rule(f"{_K}/", "log", views.log)
bp.add_url_rule(f"{_K}/neu", "quick_entry", views.quick_entry, methods=["GET", "POST"])
bp.add_url_rule(f"{_K}/<int:contact_id>/bearbeiten", "edit", views.edit, methods=["GET", "POST"])
bp.add_url_rule(f"{_K}/<int:contact_id>/loeschen", "delete", views.delete, methods=["POST"])
bp.add_url_rule(f"{_K}/import", "import_view", views.import_view, methods=["GET", "POST"])
bp.add_url_rule(f"{_K}/export.csv", "export", views.export)
bp.add_url_rule("/<slug>/intern/statistik", "statistics", views.statistics)
bp.add_url_rule(f"{_R}/", "report_index", views.report_index)
bp.add_url_rule(f"{_R}/<int:year>", "report", views.report)
bp.add_url_rule(f"{_R}/<int:year>.json", "report_json", views.report_json)
bp.add_url_rule(f"{_R}/<int:year>.csv", "report_csv", views.report_csv_view)
bp.add_url_rule(f"{_R}/<int:year>/pdf", "render_start", views.render_start, methods=["POST"])
bp.add_url_rule(f"{_R}/<int:year>/pdf/<int:render_id>", "render_status_page", views.render_status_page)
bp.add_url_rule(f"{_R}/<int:year>/pdf/<int:render_id>/status", "render_status", views.render_status)
bp.add_url_rule(f"{_R}/<int:year>/pdf/<int:render_id>/datei", "render_download", views.render_download)
bp.add_url_rule(f"{_R}/<int:year>/texte", "chapters", views.chapters, methods=["GET", "POST"])
bp.add_url_rule(f"{_R}/<int:year>/texte/vorlage", "chapters_template", views.chapters_template, methods=["POST"])
bp.add_url_rule(f"{_R}/<int:year>/texte/<int:chapter_id>", "chapter_edit", views.chapter_edit, methods=["GET", "POST"])
bp.add_url_rule(
    f"{_R}/<int:year>/texte/<int:chapter_id>/loeschen", "chapter_delete", views.chapter_delete, methods=["POST"]
)

add_staff_nav("contacts.quick_entry", "Kontakt erfassen", Role.staff, order=10)
add_staff_nav("contacts.log", "Kontakte", Role.readonly, order=11)
add_staff_nav("contacts.statistics", "Statistik", Role.readonly, order=40)
add_staff_nav("contacts.report_index", "Jahresbericht", Role.readonly, order=41)
