"""Staff side of the group area: what groups proposed, side by side, approved or declined in one place; the
funding overview and its deadlines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import abort, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from saas.auth.models import Role
from saas.core.access import office_required, office_row_or_404
from saas.core.errors import perform
from saas.directory.public import rhythm_text
from saas.grouparea import funding
from saas.grouparea import operations as ops
from saas.grouparea.forms import ROOM_PATTERNS, DeadlineForm, DecisionForm
from saas.grouparea.mails import contact_addresses, send_decision
from saas.grouparea.models import (
    DEADLINE_KINDS,
    FUNDING_STREAMS,
    GroupChangeProposal,
    GroupEventSubmission,
    GroupNewsItem,
    GroupRoomRequest,
)
from saas.grouparea.presentation import show_value

KINDS: dict[str, tuple[type, str]] = {
    "aenderungen": (GroupChangeProposal, "Änderung des Eintrags"),
    "veranstaltungen": (GroupEventSubmission, "Veranstaltung"),
    "beitraege": (GroupNewsItem, "Newsletter-Beitrag"),
    "raeume": (GroupRoomRequest, "Raumanfrage"),
}


@office_required(Role.readonly)
def inbox(slug: str) -> ResponseReturnValue:
    return render_template(
        "grouparea/staff_inbox.html",
        proposals=ops.pending(GroupChangeProposal),
        events=ops.pending(GroupEventSubmission),
        news=ops.pending(GroupNewsItem),
        rooms=ops.pending(GroupRoomRequest),
        picked=ops.news_for_next_issue(),
        patterns=ROOM_PATTERNS,
        form=DecisionForm(),
    )


@office_required(Role.readonly)
def proposal(slug: str, proposal_id: int) -> ResponseReturnValue:
    item = office_row_or_404(GroupChangeProposal, proposal_id)
    current = ops.entry_values(item.group)
    rows = [
        {
            "label": ops.FIELD_LABELS[field],
            "old": show_value(field, change["old"]),
            "new": show_value(field, change["new"]),
            "moved": current[field] != change["old"],  # the entry changed since the group proposed
        }
        for field, change in item.changes.items()
    ]
    return render_template(
        "grouparea/staff_proposal.html", item=item, rows=rows, rhythm=rhythm_text(item.group), form=DecisionForm()
    )


def _decide(kind: str, item_id: int, action: str) -> Any:
    model, label = KINDS[kind]
    item: Any = office_row_or_404(model, item_id)
    form = DecisionForm()
    if not form.validate_on_submit():
        abort(400)
    note = form.note.data or ""
    approve = action == "freigeben"

    def act() -> None:
        if not approve:
            ops.reject(item, acting_user=current_user, note=note)
        elif model is GroupChangeProposal:
            ops.approve_changes(item, acting_user=current_user, note=note)
        elif model is GroupEventSubmission:
            ops.approve_event(item, acting_user=current_user, note=note)
        elif model is GroupNewsItem:
            ops.pick_news(item, acting_user=current_user, note=note)
        else:
            ops.approve_room(item, acting_user=current_user, note=note)  # a clash is refused (BookingConflict)
        group = item.group
        send_decision(g.tenant, group, contact_addresses(group), ops.mail_locale(group.id), what=label,
                      approved=approve, note=note)  # fmt: skip

    perform(act, success=_("Freigegeben.") if approve else _("Abgelehnt."))
    return redirect(url_for("grouparea.staff_inbox"), 303)


@office_required(Role.staff)
def decide_proposal(slug: str, proposal_id: int, action: str) -> ResponseReturnValue:
    return _decide("aenderungen", proposal_id, action)


@office_required(Role.staff)
def decide_event(slug: str, submission_id: int, action: str) -> ResponseReturnValue:
    return _decide("veranstaltungen", submission_id, action)


@office_required(Role.staff)
def decide_news(slug: str, item_id: int, action: str) -> ResponseReturnValue:
    return _decide("beitraege", item_id, action)


@office_required(Role.staff)
def decide_room(slug: str, request_id: int, action: str) -> ResponseReturnValue:
    return _decide("raeume", request_id, action)


def _year_arg() -> int:
    value = request.args.get("jahr", "")
    year = int(value) if value.isdigit() and len(value) == 4 else dt.date.today().year
    if not 2000 <= year <= 2100:
        abort(400)
    return year


@office_required(Role.readonly)
def overview(slug: str) -> ResponseReturnValue:
    year = _year_arg()
    form = DeadlineForm()
    return render_template(
        "grouparea/staff_funding.html",
        data=funding.year_overview(year),
        deadlines=funding.deadlines(year),
        year=year,
        form=form,
        streams=FUNDING_STREAMS,
        kinds=DEADLINE_KINDS,
    )


@office_required(Role.staff)
def add_deadline(slug: str) -> ResponseReturnValue:
    year = _year_arg()
    form = DeadlineForm()
    if not form.validate_on_submit():
        abort(400)
    perform(
        lambda: funding.set_deadline(year=year, stream=form.stream.data, kind=form.kind.data, due_on=form.due_on.data),
        success=_("Frist gespeichert."),
    )
    return redirect(url_for("grouparea.funding_overview", jahr=year), 303)
