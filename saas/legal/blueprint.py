"""URL rules of the legal pages (CONTRACTS.md: /<slug>/impressum, /datenschutz, /barrierefreiheit,
/leichte-sprache) and the office admin's forms for them."""

from flask import Blueprint, g

from saas.auth.models import Role
from saas.core.nav import add_staff_nav
from saas.legal import demo as _demo  # noqa: F401 - registers the demo seeder
from saas.legal import views
from saas.legal.models import OfficeLegal

bp = Blueprint("legal", __name__, template_folder="templates")

bp.add_url_rule("/<slug>/impressum", "impressum", views.impressum)
bp.add_url_rule("/<slug>/datenschutz", "datenschutz", views.datenschutz)
bp.add_url_rule("/<slug>/datenschutz/fassung/<int:version_id>", "datenschutz_version", views.datenschutz_version)
bp.add_url_rule("/<slug>/barrierefreiheit", "barrierefreiheit", views.barrierefreiheit)
bp.add_url_rule("/<slug>/barrierefreiheit/rueckmeldung", "feedback", views.feedback, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/leichte-sprache", "leichte_sprache", views.leichte_sprache)

A = "/<slug>/intern/rechtliches"
bp.add_url_rule(f"{A}/", "admin_index", views.admin_index)
bp.add_url_rule(
    f"{A}/<any(impressum, datenschutz, barrierefreiheit, 'leichte-sprache'):section>",
    "admin_edit",
    views.admin_edit,
    methods=["GET", "POST"],
)

add_staff_nav("legal.admin_index", "Rechtliches", min_role=Role.admin, order=890)


@bp.app_context_processor
def _legal_status() -> dict:
    """``office_legal()`` for the layout: the footer links and the notice to staff while incomplete."""

    def office_legal() -> OfficeLegal | None:
        tenant = g.get("tenant")
        if tenant is None:
            return None
        if "office_legal" not in g:
            from saas.legal.operations import legal_of

            g.office_legal = legal_of(tenant)
        return g.office_legal

    def may_edit_legal() -> bool:
        from saas.core.access import current_membership

        membership = current_membership()
        return membership is not None and membership.role.allows(Role.admin)

    return {"office_legal": office_legal, "may_edit_legal": may_edit_legal}
