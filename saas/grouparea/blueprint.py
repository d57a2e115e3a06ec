"""URL rules of the group area: ``/<slug>/gruppenbereich`` for groups, ``/<slug>/intern/gruppenbereich`` for staff."""

from __future__ import annotations

from flask import Blueprint

from saas.core.nav import add_public_nav, add_staff_nav
from saas.core.reports import register_annual_section
from saas.extensions import limiter
from saas.grouparea import dashboard as _dashboard  # noqa: F401 - registers the start page panel
from saas.grouparea import demo as _demo  # noqa: F401 - registers the demo seeder
from saas.grouparea import funding, public, views

bp = Blueprint("grouparea", __name__, template_folder="templates")

# the group's side (contract: GET/POST /<slug>/gruppenbereich)
bp.add_url_rule(
    "/<slug>/gruppenbereich",
    "sign_in",
    limiter.limit("5 per 15 minutes", methods=["POST"])(public.sign_in),
    methods=["GET", "POST"],
)
bp.add_url_rule("/<slug>/gruppenbereich/anmelden/<token>", "redeem", limiter.limit("20 per hour")(public.redeem))
bp.add_url_rule("/<slug>/gruppenbereich/abmelden", "sign_out", public.sign_out, methods=["POST"])
bp.add_url_rule("/<slug>/gruppenbereich/start", "home", public.home)
bp.add_url_rule("/<slug>/gruppenbereich/bestaetigen", "confirm", public.confirm, methods=["POST"])
bp.add_url_rule("/<slug>/gruppenbereich/sprache", "language", public.language, methods=["POST"])
bp.add_url_rule("/<slug>/gruppenbereich/eintrag", "propose", public.propose, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/gruppenbereich/veranstaltung", "submit_event", public.submit_event, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/gruppenbereich/newsletter", "submit_news", public.submit_news, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/gruppenbereich/raum", "request_room", public.request_room, methods=["GET", "POST"])
bp.add_url_rule("/<slug>/gruppenbereich/foerderung", "funding", public.group_funding, methods=["GET", "POST"])

# staff
bp.add_url_rule("/<slug>/intern/gruppenbereich/", "staff_inbox", views.inbox)
bp.add_url_rule("/<slug>/intern/gruppenbereich/aenderungen/<int:proposal_id>", "staff_proposal", views.proposal)
bp.add_url_rule(
    "/<slug>/intern/gruppenbereich/veranstaltungen/<int:submission_id>", "staff_event", views.event_submission
)
bp.add_url_rule("/<slug>/intern/gruppenbereich/beitraege/<int:item_id>", "staff_news", views.news_item)
_ACTION = "<any(freigeben,ablehnen):action>"
bp.add_url_rule(
    f"/<slug>/intern/gruppenbereich/aenderungen/<int:proposal_id>/{_ACTION}",
    "decide_proposal",
    views.decide_proposal,
    methods=["POST"],
)
bp.add_url_rule(
    f"/<slug>/intern/gruppenbereich/veranstaltungen/<int:submission_id>/{_ACTION}",
    "decide_event",
    views.decide_event,
    methods=["POST"],
)
bp.add_url_rule(
    f"/<slug>/intern/gruppenbereich/beitraege/<int:item_id>/{_ACTION}",
    "decide_news",
    views.decide_news,
    methods=["POST"],
)
bp.add_url_rule(
    f"/<slug>/intern/gruppenbereich/raeume/<int:request_id>/{_ACTION}",
    "decide_room",
    views.decide_room,
    methods=["POST"],
)
bp.add_url_rule("/<slug>/intern/foerderung/", "funding_overview", views.overview, methods=["GET"])
bp.add_url_rule("/<slug>/intern/foerderung/fristen", "funding_deadline", views.add_deadline, methods=["POST"])

register_annual_section("funding", funding.annual_section)

add_public_nav("grouparea.sign_in", "Für Gruppen", order=90)
add_staff_nav("grouparea.staff_inbox", "Von Gruppen", order=13)
add_staff_nav("grouparea.funding_overview", "Förderung", order=14)
