"""URL rules of the newsletter: public sign-up and unsubscribe, the inbound endpoint, staff pages."""

from flask import Blueprint

from saas.auth.models import Role
from saas.core.dashboard import Card, register_card
from saas.core.errors import N_
from saas.core.nav import add_public_nav, add_staff_nav
from saas.core.reports import register_annual_section
from saas.newsletter import archive, demo, queries, staff_views, views
from saas.newsletter import dashboard as _dashboard  # noqa: F401 - registers the start page panel

bp = Blueprint("newsletter", __name__, template_folder="templates")

# public
bp.add_url_rule("/<slug>/newsletter", "subscribe", views.subscribe, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/newsletter/bitte-bestaetigen", "subscribe_pending", views.subscribe_pending)
bp.add_url_rule("/<slug>/newsletter/bestaetigen/<token>", "confirm", views.confirm, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/newsletter/abmelden/<token>", "unsubscribe", views.unsubscribe, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/newsletter/eingang", "inbound", views.inbound, methods=["POST"])
bp.add_url_rule("/<slug>/newsletter/archiv", "archive", archive.archive)
bp.add_url_rule("/<slug>/newsletter/archiv/<int:issue_id>", "archive_issue", archive.archive_issue)
bp.add_url_rule("/<slug>/newsletter.atom", "feed", archive.feed)

# staff
S = "/<slug>/intern/newsletter"
bp.add_url_rule(f"{S}/", "index", staff_views.index)
bp.add_url_rule(f"{S}/abonnenten", "subscribers", staff_views.subscribers)
bp.add_url_rule(f"{S}/abonnenten/<int:subscriber_id>", "subscriber_detail", staff_views.subscriber_detail)
bp.add_url_rule(f"{S}/abonnenten/import", "subscribers_import", staff_views.subscribers_import, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/abonnenten/export.csv", "subscribers_export", staff_views.subscribers_export)
bp.add_url_rule(f"{S}/loeschen", "erasure", staff_views.erasure, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/ausgaben/neu", "issue_new", staff_views.issue_new, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>", "issue_detail", staff_views.issue_detail)
bp.add_url_rule(
    f"{S}/ausgaben/<int:issue_id>/bearbeiten", "issue_edit", staff_views.issue_edit, methods=["GET", "POST"]
)
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/vorschau", "issue_preview", staff_views.issue_preview)
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/vorschau.html", "issue_preview_mail", staff_views.issue_preview_mail)
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/fortschritt.json", "issue_progress", staff_views.issue_progress)
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/test", "issue_test", staff_views.issue_test, methods=["POST"])
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/senden", "issue_send", staff_views.issue_send, methods=["POST"])
bp.add_url_rule(f"{S}/ausgaben/<int:issue_id>/planen", "issue_schedule", staff_views.issue_schedule, methods=["POST"])
bp.add_url_rule(
    f"{S}/ausgaben/<int:issue_id>/planung-aufheben", "issue_unschedule", staff_views.issue_unschedule, methods=["POST"]
)
bp.add_url_rule(f"{S}/einstellungen", "settings", staff_views.settings, methods=["GET", "POST"])
bp.add_url_rule(f"{S}/einstellungen/bounce-token", "bounce_token", staff_views.bounce_token, methods=["POST"])

add_staff_nav("newsletter.index", "Newsletter", Role.readonly, order=60)
add_public_nav("newsletter.subscribe", "Newsletter", order=60)
register_annual_section("newsletter", queries.annual_section)


@register_card
def _subscribers_card() -> Card | None:
    return Card(
        N_("Newsletter-Abonnements"),
        f"{queries.confirmed_count():,}".replace(",", "."),
        "newsletter.index",
        N_("bestätigte Abonnentinnen und Abonnenten"),
    )


_ = demo  # registers the demo seeder


@bp.context_processor
def _newsletter_rights() -> dict:
    from saas.core.access import can

    return {"nl_can_admin": lambda: can(Role.admin)}
