"""URL rules for rooms (staff only): rooms, bookings, calendars, door sign, closures."""

from flask import Blueprint

from saas.auth.models import Role
from saas.core.nav import add_staff_nav
from saas.core.reports import register_annual_section
from saas.rooms import dashboard as _dashboard  # noqa: F401 - registers the start page panel
from saas.rooms import demo as _demo  # noqa: F401 - registers the demo seeder
from saas.rooms import views
from saas.rooms.queries import annual_figures

bp = Blueprint("rooms", __name__, template_folder="templates")

S = "/<slug>/intern/raeume"
bp.add_url_rule(f"{S}/", "overview", views.overview)
bp.add_url_rule(f"{S}/neu", "room_new", views.room_new, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/<int:room_id>/bearbeiten", "room_edit", views.room_edit, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/<int:room_id>/woche", "room_week", views.room_week)
bp.add_url_rule(f"{S}/<int:room_id>/monat", "room_month", views.room_month)
bp.add_url_rule(f"{S}/<int:room_id>/aushang", "door", views.door)
bp.add_url_rule(f"{S}/standort/<int:site_id>/woche", "site_week", views.site_week)
bp.add_url_rule(f"{S}/standort/<int:site_id>/monat", "site_month", views.site_month)
bp.add_url_rule(f"{S}/buchungen/", "bookings", views.bookings)
bp.add_url_rule(f"{S}/buchungen/neu", "booking_new", views.booking_new, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/buchungen/<int:booking_id>", "booking_detail", views.booking_detail)
bp.add_url_rule(
    f"{S}/buchungen/<int:booking_id>/bearbeiten", "booking_edit", views.booking_edit, methods=["GET", "POST"]
)
bp.add_url_rule(
    f"{S}/buchungen/<int:booking_id>/ausfall", "booking_cancel_date", views.booking_cancel_date, methods=["POST"]
)
bp.add_url_rule(
    f"{S}/buchungen/<int:booking_id>/ausfall/<day>/zuruecknehmen",
    "booking_restore_date",
    views.booking_restore_date,
    methods=["POST"],
)
bp.add_url_rule(f"{S}/buchungen/<int:booking_id>/beenden", "booking_end", views.booking_end, methods=["POST"])
bp.add_url_rule(
    f"{S}/gruppe/<int:group_id>/beenden", "group_end_bookings", views.group_end_bookings, methods=["GET", "POST"]
)
bp.add_url_rule(f"{S}/schliesszeiten", "closures", views.closures, methods=["GET", "POST"])
bp.add_url_rule(
    f"{S}/schliesszeiten/<int:closure_id>/loeschen", "closure_delete", views.closure_delete, methods=["POST"]
)

add_staff_nav("rooms.overview", "Räume", Role.readonly, order=45)
register_annual_section("rooms", annual_figures)


@bp.app_context_processor
def _room_helpers() -> dict:
    """``room_bookings_for_group(group_id)`` for the include ``rooms/_group_bookings.html``."""
    from saas.rooms.queries import bookings_for_group, next_dates

    return {"room_bookings_for_group": bookings_for_group, "room_booking_next_dates": next_dates}
