"""URL rules of the directory: public Wegweiser under ``/<slug>/gruppen``, staff pages under ``/<slug>/intern``."""

from __future__ import annotations

from flask import Blueprint

from saas.auth.models import Role
from saas.core.nav import add_public_nav, add_staff_nav
from saas.core.reports import register_annual_section
from saas.directory import dashboard as _dashboard  # noqa: F401 - registers the start page panel
from saas.directory import demo as _demo  # noqa: F401 - registers the demo seeder
from saas.directory import public, views
from saas.directory.queries import annual_groups_section
from saas.extensions import limiter

bp = Blueprint("directory", __name__, template_folder="templates")

# public
bp.add_url_rule("/<slug>/gruppen", "public_search", public.public_search)
bp.add_url_rule("/<slug>/gruppen/einbetten", "embed", public.embed)
bp.add_url_rule("/<slug>/gruppen/<int:group_id>", "public_group", public.public_group)
bp.add_url_rule(
    "/<slug>/gruppen/<int:group_id>/anfrage",
    "inquiry",
    limiter.limit("10 per hour", methods=["POST"])(public.inquiry),
    methods=["POST"],
)
bp.add_url_rule("/<slug>/gruppen/<int:group_id>/danke", "inquiry_thanks", public.inquiry_thanks)
bp.add_url_rule(
    "/<slug>/gruppen/mitmachen",
    "interest",
    limiter.limit("10 per hour", methods=["POST"])(public.interest),
    methods=["GET", "POST"],
)
bp.add_url_rule("/<slug>/gruppen/mitmachen/danke", "interest_thanks", public.interest_thanks)
bp.add_url_rule("/<slug>/themen", "topics_az", public.topics_az)
bp.add_url_rule("/verband/<assoc_slug>/gruppen", "regional_search", public.regional_search)
bp.add_url_rule("/<slug>/gruppen/bestaetigen/<token>", "confirm_entry", public.confirm_entry, methods=["GET", "POST"])

# staff
bp.add_url_rule("/<slug>/intern/gruppen/", "group_list", views.group_list)
bp.add_url_rule("/<slug>/intern/gruppen/neu", "group_new", views.group_new, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/intern/gruppen/<int:group_id>", "group_detail", views.group_detail)
bp.add_url_rule(
    "/<slug>/intern/gruppen/<int:group_id>/bearbeiten", "group_edit", views.group_edit, methods=["GET", "POST"]
)
bp.add_url_rule("/<slug>/intern/gruppen/<int:group_id>/status", "group_status", views.group_status, methods=["POST"])
bp.add_url_rule("/<slug>/intern/gruppen/<int:group_id>/loeschen", "group_delete", views.group_delete, methods=["POST"])
bp.add_url_rule(
    "/<slug>/intern/gruppen/<int:group_id>/bestaetigung",
    "group_send_confirmation",
    views.group_send_confirmation,
    methods=["POST"],
)
bp.add_url_rule(
    "/<slug>/intern/gruppen/<int:group_id>/korrektur-erledigt",
    "group_correction_done",
    views.group_correction_done,
    methods=["POST"],
)
bp.add_url_rule("/<slug>/intern/gruppen/export.csv", "group_export", views.group_export)
bp.add_url_rule("/<slug>/intern/gruppen/import", "group_import", views.group_import, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/intern/gruppen/widget", "widget", views.widget)
bp.add_url_rule("/<slug>/intern/gruppen/nachbarn", "neighbours", views.neighbours)
bp.add_url_rule("/<slug>/intern/nachfrage", "demand", views.demand)
bp.add_url_rule("/<slug>/intern/themen/", "topic_list", views.topic_list)
bp.add_url_rule("/<slug>/intern/themen/neu", "topic_new", views.topic_edit, methods=["GET", "POST"])
bp.add_url_rule(
    "/<slug>/intern/themen/<int:topic_id>/bearbeiten", "topic_edit", views.topic_edit, methods=["GET", "POST"]
)
bp.add_url_rule("/<slug>/intern/themen/<int:topic_id>/loeschen", "topic_delete", views.topic_delete, methods=["POST"])
bp.add_url_rule("/<slug>/intern/anfragen/", "inquiry_list", views.inquiry_list)
bp.add_url_rule("/<slug>/intern/anfragen/<int:inquiry_id>", "inquiry_detail", views.inquiry_detail)
bp.add_url_rule(
    "/<slug>/intern/anfragen/<int:inquiry_id>/<any(forward,referred,close):action>",
    "inquiry_action",
    views.inquiry_action,
    methods=["POST"],
)

add_public_nav("directory.public_search", "Selbsthilfegruppen finden", order=10)
add_public_nav("directory.topics_az", "Themen A–Z", order=11)
add_staff_nav("directory.group_list", "Gruppen", order=10)
add_staff_nav("directory.topic_list", "Themen", order=11)
add_staff_nav("directory.inquiry_list", "Anfragen", min_role=Role.staff, order=12)
add_staff_nav("directory.demand", "Nachfrage", min_role=Role.staff, order=13)

register_annual_section("groups", annual_groups_section)
