"""URL rules for events: the public pages under ``/<slug>/veranstaltungen`` and the staff pages."""

from flask import Blueprint

from saas.auth.models import Role
from saas.core.dashboard import Card, register_card
from saas.core.errors import N_
from saas.core.nav import add_public_nav, add_staff_nav
from saas.core.reports import register_annual_section
from saas.events import dashboard as _dashboard  # noqa: F401 - registers the start page panel
from saas.events import demo as _demo  # noqa: F401 - registers the demo seeder
from saas.events import views
from saas.events.queries import annual_figures

bp = Blueprint("events", __name__, template_folder="templates")

P = "/<slug>/veranstaltungen"
bp.add_url_rule(P, "public_list", views.public_list)
bp.add_url_rule(f"{P}.ics", "public_feed", views.public_feed)
bp.add_url_rule(f"{P}/<int:event_id>", "public_detail", views.public_detail, methods=["GET", "POST"])
bp.add_url_rule(f"{P}/<int:event_id>.ics", "public_event_ics", views.public_event_ics)
bp.add_url_rule(f"{P}/<int:event_id>/danke", "public_thanks", views.public_thanks)
bp.add_url_rule(f"{P}/anmeldung/<token>", "manage_registration", views.manage_registration, methods=["GET", "POST"])

S = "/<slug>/intern/veranstaltungen"
bp.add_url_rule(f"{S}/", "staff_list", views.staff_list)
bp.add_url_rule(f"{S}/neu", "staff_new", views.staff_new, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/einstellungen", "settings", views.settings, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/<int:event_id>", "staff_detail", views.staff_detail)
bp.add_url_rule(f"{S}/<int:event_id>/bearbeiten", "staff_edit", views.staff_edit, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/<int:event_id>/veroeffentlichen", "staff_publish", views.staff_publish, methods=["POST"])
bp.add_url_rule(f"{S}/<int:event_id>/zurueckziehen", "staff_unpublish", views.staff_unpublish, methods=["POST"])
bp.add_url_rule(f"{S}/<int:event_id>/stattfinden", "staff_keep", views.staff_keep, methods=["POST"])
bp.add_url_rule(f"{S}/<int:event_id>/absagen", "staff_cancel", views.staff_cancel, methods=["POST"])
bp.add_url_rule(f"{S}/<int:event_id>/teilnehmende", "participants", views.participants)
bp.add_url_rule(f"{S}/<int:event_id>/teilnehmende.csv", "participants_csv", views.participants_csv)
bp.add_url_rule(f"{S}/<int:event_id>/teilnehmende/druck", "participants_print", views.participants_print)
bp.add_url_rule(
    f"{S}/<int:event_id>/teilnehmende/neu", "participant_new", views.participant_new, methods=["GET", "POST"]
)
bp.add_url_rule(
    f"{S}/<int:event_id>/teilnehmende/<int:registration_id>/bearbeiten",
    "participant_edit",
    views.participant_edit,
    methods=["GET", "POST"],
)
bp.add_url_rule(
    f"{S}/<int:event_id>/teilnehmende/<int:registration_id>/stornieren",
    "participant_cancel",
    views.participant_cancel,
    methods=["POST"],
)
bp.add_url_rule(f"{S}/<int:event_id>/anwesenheit", "attendance", views.attendance, methods=["GET", "POST"])

add_staff_nav("events.staff_list", "Veranstaltungen", Role.readonly, order=40)
add_public_nav("events.public_list", "Veranstaltungen", order=40)
register_annual_section("events", annual_figures)


@register_card
def _decisions_card() -> Card | None:
    from saas.core.access import current_membership
    from saas.events.queries import decisions_pending

    if current_membership() is None:
        return None
    pending = decisions_pending()
    if not pending:
        return None
    return Card(
        title=N_("Veranstaltungen: Entscheidung nötig"),
        value=str(len(pending)),
        endpoint="events.staff_list",
        note=", ".join(e.title for e in pending[:3]),
    )
