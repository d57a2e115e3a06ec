"""Staff side of the group area: what groups proposed, side by side, edited if need be, approved or declined in one
place; the funding overview and its deadlines."""

from __future__ import annotations

from typing import Any

from flask import abort, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from saas.auth.models import Role
from saas.core import timeutil
from saas.core.access import office_required, office_row_or_404
from saas.core.errors import perform
from saas.directory.public import rhythm_text
from saas.grouparea import funding
from saas.grouparea import operations as ops
from saas.grouparea.forms import (
    ROOM_PATTERNS,
    DeadlineForm,
    DecisionForm,
    StaffEntryForm,
    StaffEventForm,
    StaffNewsForm,
)
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


class _EntryValues:
    """The entry as the staff form starts: the current entry with the group's proposal over it (form text)."""

    def __init__(self, item: GroupChangeProposal) -> None:
        values = {**ops.entry_values(item.group), **item.submitted_values()}
        for field in ops.PROPOSABLE:
            value = ops.from_text(field, values[field])
            if field in ("weekday", "nth_weekday", "rhythm"):
                value = "" if value is None else str(value)
            setattr(self, field, value)


def _edit_form(kind: str, item: Any) -> Any:
    """The form staff edit a submission in before approving: from the request, or the group's values."""
    if kind == "aenderungen":
        return StaffEntryForm(obj=None if request.method == "POST" else _EntryValues(item))
    if kind == "veranstaltungen":
        return StaffEventForm(obj=None if request.method == "POST" else item)
    return StaffNewsForm(obj=None if request.method == "POST" else item)


_PAGES = {
    "aenderungen": "grouparea/staff_proposal.html",
    "veranstaltungen": "grouparea/staff_event.html",
    "beitraege": "grouparea/staff_news.html",
}


def _page(kind: str, item: Any, form: Any, status: int = 200) -> Any:
    context: dict[str, Any] = {"item": item, "form": form, "label": KINDS[kind][1]}
    if kind == "aenderungen":
        context.update(rows=ops.proposal_rows(item), rhythm=rhythm_text(item.group))
    else:
        sent, published = item.submitted_values(), item.published
        context["rows"] = [
            {
                "label": ops.SUBMISSION_LABELS[f],
                "sent": show_value(f, sent[f]),
                "published": show_value(f, published[f]) if f in published else None,
                "edited": f in item.edited_fields,
            }
            for f in sent
        ]
    return render_template(_PAGES[kind], **context), status


@office_required(Role.readonly)
def proposal(slug: str, proposal_id: int) -> ResponseReturnValue:
    item = office_row_or_404(GroupChangeProposal, proposal_id)
    return _page("aenderungen", item, _edit_form("aenderungen", item))


@office_required(Role.readonly)
def event_submission(slug: str, submission_id: int) -> ResponseReturnValue:
    item = office_row_or_404(GroupEventSubmission, submission_id)
    return _page("veranstaltungen", item, _edit_form("veranstaltungen", item))


@office_required(Role.readonly)
def news_item(slug: str, item_id: int) -> ResponseReturnValue:
    item = office_row_or_404(GroupNewsItem, item_id)
    return _page("beitraege", item, _edit_form("beitraege", item))


def _edited_values(kind: str, form: Any) -> dict[str, Any]:
    if kind == "aenderungen":
        return {field: getattr(form, field).data for field in ops.PROPOSABLE}
    if kind == "veranstaltungen":
        return {field: getattr(form, field).data for field in ops.EVENT_FIELDS}
    return {"title": form.title.data, "body": form.body.data}


def _decide(kind: str, item_id: int, action: str) -> Any:
    """Approve or decline; on a detail page staff may first edit what the group sent (``bearbeitet=1``)."""
    model, label = KINDS[kind]
    item: Any = office_row_or_404(model, item_id)
    approve = action == "freigeben"
    edited: dict[str, Any] | None = None
    if approve and kind in _PAGES and request.form.get("bearbeitet") == "1":
        form: Any = _edit_form(kind, item)
        if not form.validate_on_submit():
            return _page(kind, item, form, 422)
        edited = _edited_values(kind, form)
    else:
        form = DecisionForm()
        if not form.validate_on_submit():
            abort(400)
    note = form.note.data or ""

    def act() -> None:
        if not approve:
            ops.reject(item, acting_user=current_user, note=note)
        elif model is GroupChangeProposal:
            ops.approve_changes(item, acting_user=current_user, note=note, edited=edited)
        elif model is GroupEventSubmission:
            ops.approve_event(item, acting_user=current_user, note=note, edited=edited)
        elif model is GroupNewsItem:
            ops.pick_news(item, acting_user=current_user, note=note, edited=edited)
        else:
            ops.approve_room(item, acting_user=current_user, note=note)  # a clash is refused (BookingConflict)
        group = item.group
        edits = ops.edits_for_mail(item) if approve and kind in _PAGES else []
        send_decision(g.tenant, group, contact_addresses(group), ops.mail_locale(group.id), what=label,
                      approved=approve, note=note, edits=edits)  # fmt: skip

    on_field = form.start_date if edited is not None and kind == "veranstaltungen" else None
    done = perform(act, success=_("Freigegeben.") if approve else _("Abgelehnt."), field=on_field)
    if not done and edited is not None:
        return _page(kind, item, form, 422)  # the edit stays in the form, with the reason
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
    year = int(value) if value.isdigit() and len(value) == 4 else timeutil.today().year
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
        deadlines=funding.deadlines_for_staff(year),
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
