"""URL rules of the newsletter: public sign-up and unsubscribe, the inbound endpoint, staff pages."""

from flask import Blueprint

from saas.auth.models import Role
from saas.core.nav import add_public_nav, add_staff_nav
from saas.core.reports import register_annual_section
from saas.newsletter import dashboard as _dashboard  # noqa: F401 - registers the start page panel
from saas.newsletter import demo, public, queries, views

bp = Blueprint("newsletter", __name__, template_folder="templates")

# public
bp.add_url_rule("/<slug>/newsletter", "subscribe", public.subscribe, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/newsletter/bitte-bestaetigen", "subscribe_pending", public.subscribe_pending)
bp.add_url_rule("/<slug>/newsletter/bestaetigen/<token>", "confirm", public.confirm, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/newsletter/abmelden/<token>", "unsubscribe", public.unsubscribe, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/newsletter/eingang", "inbound", public.inbound, methods=["POST"])
bp.add_url_rule("/<slug>/newsletter/archiv", "archive", public.archive)
bp.add_url_rule("/<slug>/newsletter/archiv/<int:issue_id>", "archive_issue", public.archive_issue)
bp.add_url_rule("/<slug>/newsletter.atom", "feed", public.feed)

# staff
S = "/<slug>/intern/newsletter"
bp.add_url_rule(f"{S}/", "index", views.index)
bp.add_url_rule(f"{S}/abonnenten", "subscribers", views.subscribers)
bp.add_url_rule(f"{S}/abonnenten/<int:subscriber_id>", "subscriber_detail", views.subscriber_detail)
bp.add_url_rule(f"{S}/abonnenten/import", "subscribers_import", views.subscribers_import, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/abonnenten/export.csv", "subscribers_export", views.subscribers_export)
bp.add_url_rule(f"{S}/loeschen", "erasure", views.erasure, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/ausgaben/neu", "issue_new", views.issue_new, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>", "issue_detail", views.issue_detail)
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/bearbeiten", "issue_edit", views.issue_edit, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/vorschau", "issue_preview", views.issue_preview)
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/vorschau.html", "issue_preview_mail", views.issue_preview_mail)
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/fortschritt.json", "issue_progress", views.issue_progress)
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/test", "issue_test", views.issue_test, methods=["POST"])
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/senden", "issue_send", views.issue_send, methods=["POST"])
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/planen", "issue_schedule", views.issue_schedule, methods=["POST"])
bp.add_url_rule(
    f"{S}/ausgaben/<int:issue_id>/planung-aufheben", "issue_unschedule", views.issue_unschedule, methods=["POST"]
)
bp.add_url_rule(f"{S}/einstellungen", "settings", views.settings, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/einstellungen/bounce-token", "bounce_token", views.bounce_token, methods=["POST"])

add_staff_nav("newsletter.index", "Newsletter", Role.readonly, order=60)
add_public_nav("newsletter.subscribe", "Newsletter", order=60)
register_annual_section("newsletter", queries.annual_section)


_ = demo  # registers the demo seeder


@bp.context_processor
def _newsletter_rights() -> dict:
    from saas.core.access import can

    return {"nl_can_admin": lambda: can(Role.admin)}
