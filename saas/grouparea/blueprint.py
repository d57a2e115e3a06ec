"""URL rules of the group area: ``/<slug>/gruppenbereich`` for groups, ``/<slug>/intern/gruppenbereich`` for staff."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from sqlalchemy import select

from saas.core.dashboard import Card, register_card
from saas.core.errors import N_
from saas.core.nav import add_public_nav, add_staff_nav
from saas.core.reports import register_annual_section
from saas.extensions import db, limiter
from saas.grouparea import demo as _demo  # noqa: F401 - registers the demo seeder
from saas.grouparea import funding, funding_views, staff_views, views
from saas.grouparea.models import GroupChangeProposal, GroupEventSubmission, GroupNewsItem, GroupRoomRequest

bp = Blueprint("grouparea", __name__, template_folder="templates")

# the group's side (contract: GET/POST /<slug>/gruppenbereich)
bp.add_url_rule(
    "/<slug>/gruppenbereich",
    "sign_in",
    limiter.limit("5 per 15 minutes", methods=["POST"])(views.sign_in),
    methods=["GET", "POST"],
)
bp.add_url_rule("/<slug>/gruppenbereich/anmelden/<token>", "redeem", limiter.limit("20 per hour")(views.redeem))
bp.add_url_rule("/<slug>/gruppenbereich/abmelden", "sign_out", views.sign_out, methods=["POST"])
bp.add_url_rule("/<slug>/gruppenbereich/start", "home", views.home)
bp.add_url_rule("/<slug>/gruppenbereich/bestaetigen", "confirm", views.confirm, methods=["POST"])
bp.add_url_rule("/<slug>/gruppenbereich/sprache", "language", views.language, methods=["POST"])
bp.add_url_rule("/<slug>/gruppenbereich/eintrag", "propose", views.propose, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/gruppenbereich/veranstaltung", "submit_event", views.submit_event, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/gruppenbereich/newsletter", "submit_news", views.submit_news, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/gruppenbereich/raum", "request_room", views.request_room, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/gruppenbereich/foerderung", "funding", funding_views.group_funding, methods=["GET", "POST"])

# staff
bp.add_url_rule("/<slug>/intern/gruppenbereich/", "staff_inbox", staff_views.inbox)
bp.add_url_rule("/<slug>/intern/gruppenbereich/aenderungen/<int:proposal_id>", "staff_proposal", staff_views.proposal)
bp.add_url_rule(
    "/<slug>/intern/gruppenbereich/veranstaltungen/<int:submission_id>", "staff_event", staff_views.event_submission
)
bp.add_url_rule("/<slug>/intern/gruppenbereich/beitraege/<int:item_id>", "staff_news", staff_views.news_item)
_ACTION = "<any(freigeben,ablehnen):action>"
bp.add_url_rule(
    f"/<slug>/intern/gruppenbereich/aenderungen/<int:proposal_id>/{_ACTION}",
    "decide_proposal",
    staff_views.decide_proposal,
    methods=["POST"],
)
bp.add_url_rule(
    f"/<slug>/intern/gruppenbereich/veranstaltungen/<int:submission_id>/{_ACTION}",
    "decide_event",
    staff_views.decide_event,
    methods=["POST"],
)
bp.add_url_rule(
    f"/<slug>/intern/gruppenbereich/beitraege/<int:item_id>/{_ACTION}",
    "decide_news",
    staff_views.decide_news,
    methods=["POST"],
)
bp.add_url_rule(
    f"/<slug>/intern/gruppenbereich/raeume/<int:request_id>/{_ACTION}",
    "decide_room",
    staff_views.decide_room,
    methods=["POST"],
)
bp.add_url_rule("/<slug>/intern/foerderung/", "funding_overview", funding_views.overview, methods=["GET"])
bp.add_url_rule("/<slug>/intern/foerderung/fristen", "funding_deadline", funding_views.add_deadline, methods=["POST"])

register_annual_section("funding", funding.annual_section)

add_public_nav("grouparea.sign_in", "Für Gruppen", order=90)
add_staff_nav("grouparea.staff_inbox", "Von Gruppen", order=13)
add_staff_nav("grouparea.funding_overview", "Förderung", order=14)


@register_card
def _pending_card() -> Card | None:
    from saas.core.access import current_membership

    if current_membership() is None:
        return None
    waiting: list[Any] = []
    for model in (GroupChangeProposal, GroupEventSubmission, GroupNewsItem, GroupRoomRequest):
        waiting += db.session.scalars(select(model).where(model.state == "pending")).all()
    if not waiting:
        return None
    names = sorted({item.group.name for item in waiting})
    return Card(
        N_("Von Gruppen: wartet auf Freigabe"),
        str(len(waiting)),
        "grouparea.staff_inbox",
        note=", ".join(names[:3]) + (" …" if len(names) > 3 else ""),
    )
