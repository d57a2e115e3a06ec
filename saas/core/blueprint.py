from flask import Blueprint, request, url_for

from saas.core import views
from saas.core.nav import add_public_nav, add_staff_nav

bp = Blueprint("core", __name__, template_folder="templates")

bp.add_url_rule("/", "index", views.index)
bp.add_url_rule("/healthz", "health", views.health)
bp.add_url_rule("/<slug>/", "office_home", views.office_home)
bp.add_url_rule("/<slug>/intern/", "dashboard", views.dashboard)

add_staff_nav("core.dashboard", "Übersicht", order=0)
add_public_nav("core.office_home", "Start", order=0)


@bp.app_context_processor
def _navigation() -> dict:
    from flask_babel import get_locale

    from saas.core.access import current_membership
    from saas.core.nav import PUBLIC_NAV, STAFF_NAV, current_endpoint, staff_menu

    def staff_nav_items() -> list:
        membership = current_membership()
        if membership is None:
            return []
        return [item for item in STAFF_NAV if membership.role.allows(item.min_role)]

    def staff_menu_current() -> str | None:
        slug = (request.view_args or {}).get("slug")
        if not slug:
            return None
        urls = {item.endpoint: url_for(item.endpoint, slug=slug) for item in staff_nav_items()}
        return current_endpoint(request.path, urls)

    return {
        "staff_nav_items": staff_nav_items,
        "staff_menu_current": staff_menu_current,
        "staff_menu": lambda: staff_menu(staff_nav_items()),
        "public_nav_items": lambda: PUBLIC_NAV,
        "staff_member": lambda: current_membership() is not None,
        "current_locale": lambda: str(get_locale() or "de"),
    }
