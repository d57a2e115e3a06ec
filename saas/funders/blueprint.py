"""URL rules of the funders' reports: Sachbericht (PDF, DOCX), the annual report as DOCX, the NAKOS sheet."""

from flask import Blueprint

from saas.auth.models import Role
from saas.core.nav import add_staff_nav
from saas.core.reports import register_annual_section
from saas.funders import views
from saas.funders.queries import profile_section

bp = Blueprint("funders", __name__, template_folder="templates")

_R = "/<slug>/intern/jahresbericht"
bp.add_url_rule("/<slug>/intern/foerderberichte/", "index", views.index)
bp.add_url_rule(f"{_R}/<int:year>/sachbericht.pdf", "sachbericht_pdf", views.sachbericht_pdf)
bp.add_url_rule(f"{_R}/<int:year>/sachbericht.docx", "sachbericht_docx", views.sachbericht_docx)
bp.add_url_rule(f"{_R}/<int:year>.docx", "annual_docx", views.annual_docx)
bp.add_url_rule(f"{_R}/<int:year>/nakos.xlsx", "nakos", views.nakos)
bp.add_url_rule("/verband/<assoc_slug>/nakos/<int:year>.xlsx", "association_nakos", views.association_nakos)

register_annual_section("profile", profile_section)

add_staff_nav("funders.index", "Förderberichte", Role.readonly, order=42)
