"""The group's own area: sign in by link, then its entry, events, newsletter items, rooms and funding.

Views load, check access (``group_required``: only the signed-in group), act and commit; the group is
always ``g.group``, never an id from the URL, so a group cannot even name another group's rows.
"""

from __future__ import annotations

import datetime as dt

from flask import Response, abort, flash, g, make_response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from saas.core import timeutil
from saas.core.errors import perform, perform_or_fail
from saas.directory.models import MEETING_MODES, Group
from saas.directory.public import rhythm_text
from saas.grouparea import funding
from saas.grouparea import operations as ops
from saas.grouparea import session as group_session
from saas.grouparea.forms import (
    ROOM_PATTERNS,
    EntryChangeForm,
    EventSubmissionForm,
    FundingForm,
    LanguageForm,
    NewsItemForm,
    RoomRequestForm,
    SignInForm,
)
from saas.grouparea.mails import send_sign_in_links
from saas.grouparea.models import (
    DEADLINE_KINDS,
    FUNDING_STREAMS,
    GroupChangeProposal,
    GroupEventSubmission,
    GroupNewsItem,
    GroupRoomRequest,
)
from saas.grouparea.rooms import ROOM_TERMS, free_slots
from saas.grouparea.session import group_required
from tenants.models import WEEKDAYS_LONG


def _private(response: ResponseReturnValue) -> Response:
    """Pages of the group area are personal: never cached, never sent as a referrer."""
    response = make_response(response)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def sign_in(slug: str) -> ResponseReturnValue:
    """The contract: a link is mailed only to a group's contact address; the answer is the same either way."""
    if request.method == "GET" and group_session.signed_in_group() is not None:
        return redirect(url_for("grouparea.home"))
    form = SignInForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            return _private((render_template("grouparea/sign_in.html", form=form), 400))
        address = form.email.data.strip().lower()

        def send_links() -> None:
            links = []
            for group in group_session.groups_for_address(address):
                token = group_session.issue_token(group, address)
                if token is not None:
                    links.append((group, token))
            if links:
                send_sign_in_links(g.tenant, address, links, str(get_locale() or "de"))

        perform_or_fail(send_links)
        return _private(render_template("grouparea/sign_in_sent.html"))
    return _private(render_template("grouparea/sign_in.html", form=form))


def redeem(slug: str, token: str) -> ResponseReturnValue:
    """The mailed link: signs the browser in and opens the group's area (a few uses within its life, so a
    mail scanner's visit does not use it up). A HEAD request is answered without counting a use."""
    if request.method == "HEAD":
        return _private(("", 204 if group_session.token_group(token) is not None else 400))
    redeemed = perform_or_fail(lambda: group_session.redeem_token(token))  # a used-up token changes nothing
    if redeemed is None:
        return _private((render_template("grouparea/link_invalid.html"), 400))
    group_session.start_session(*redeemed)
    return _private(redirect(url_for("grouparea.home"), 303))


def sign_out(slug: str) -> ResponseReturnValue:
    data = group_session.session_data()
    if data is not None and data.get("t") == g.tenant.id:
        perform_or_fail(lambda: group_session.end_links(int(data["g"]), str(data.get("a", ""))))
    group_session.end_session()
    flash(_("Sie sind abgemeldet."), "success")
    return redirect(url_for("grouparea.sign_in"), 303)


@group_required
def home(slug: str) -> ResponseReturnValue:
    group = g.group
    return _private(
        render_template(
            "grouparea/home.html",
            group=group,
            rhythm=rhythm_text(group),
            proposals=ops.recent(GroupChangeProposal, group.id),
            events=ops.recent(GroupEventSubmission, group.id),
            news=ops.recent(GroupNewsItem, group.id),
            room_requests=ops.recent(GroupRoomRequest, group.id),
            language_form=LanguageForm(locale=ops.mail_locale(group.id)),
            modes=MEETING_MODES,
            patterns=ROOM_PATTERNS,
        )
    )


@group_required
def confirm(slug: str) -> ResponseReturnValue:
    perform(
        lambda: ops.confirm_entry(g.group), success=_("Danke! Die Angaben Ihrer Gruppe sind für dieses Jahr bestätigt.")
    )
    return redirect(url_for("grouparea.home"), 303)


@group_required
def language(slug: str) -> ResponseReturnValue:
    form = LanguageForm()
    if not form.validate_on_submit():
        abort(400)
    perform(lambda: ops.set_mail_locale(g.group, form.locale.data), success=_("Gespeichert."))
    return redirect(url_for("grouparea.home"), 303)


@group_required
def propose(slug: str) -> ResponseReturnValue:
    group = g.group
    form = EntryChangeForm(obj=None if request.method == "POST" else _EntryDefaults(group))
    if form.validate_on_submit():
        wanted = {field: getattr(form, field).data for field in ops.PROPOSABLE}
        done = perform(
            lambda: ops.propose_changes(group, wanted),
            success=_("Danke! Die Kontaktstelle prüft Ihre Änderungen und schaltet sie frei."),
        )
        if done:
            return redirect(url_for("grouparea.home"), 303)
    status = 400 if request.method == "POST" else 200
    return _private((render_template("grouparea/propose.html", group=group, form=form), status))


class _EntryDefaults:
    """The group's current values in the shape the form expects (selects hold text)."""

    def __init__(self, group: Group) -> None:
        for field in ops.PROPOSABLE:
            value = getattr(group, field)
            if field in ("weekday", "nth_weekday", "rhythm"):
                value = "" if value is None else str(value)
            setattr(self, field, value)


@group_required
def submit_event(slug: str) -> ResponseReturnValue:
    form = EventSubmissionForm()
    if form.validate_on_submit():
        data = {k: getattr(form, k).data for k in ("title", "start_date", "start_time", "end_time", "address")}
        data["description"] = form.description.data or ""
        done = perform(
            lambda: ops.submit_event(g.group, data),
            success=_("Danke! Die Kontaktstelle prüft Ihre Veranstaltung und veröffentlicht sie."),
            field=form.start_date,
        )
        if done:
            return redirect(url_for("grouparea.home"), 303)
    status = 400 if request.method == "POST" else 200
    return _private((render_template("grouparea/event.html", group=g.group, form=form), status))


@group_required
def submit_news(slug: str) -> ResponseReturnValue:
    form = NewsItemForm()
    if form.validate_on_submit():
        perform(
            lambda: ops.submit_news(g.group, title=form.title.data, body=form.body.data),
            success=_("Danke! Die Kontaktstelle nimmt Ihren Beitrag in einen der nächsten Newsletter auf."),
        )
        return redirect(url_for("grouparea.home"), 303)
    status = 400 if request.method == "POST" else 200
    return _private((render_template("grouparea/news.html", group=g.group, form=form), status))


@group_required
def request_room(slug: str) -> ResponseReturnValue:
    from saas.rooms.queries import rooms

    room_list = rooms()
    form = RoomRequestForm()
    form.room_id.choices = [(r.id, f"{r.name} ({r.site.name})" if r.site else r.name) for r in room_list]
    if not room_list:
        return _private(render_template("grouparea/room.html", group=g.group, form=None, slots=[], room=None))
    chosen = request.args.get("raum", type=int) or (form.room_id.data if request.method == "POST" else None)
    room = next((r for r in room_list if r.id == chosen), room_list[0])
    if request.method == "GET":
        form.room_id.data = room.id
    if form.validate_on_submit():
        data = {k: getattr(form, k).data for k in ("room_id", "pattern", "start_date", "until_date", "start_time")}
        data.update(end_time=form.end_time.data, note=form.note.data)
        done = perform(
            lambda: ops.request_room(g.group, data, terms_text=str(ROOM_TERMS)),
            success=_("Danke! Die Kontaktstelle prüft Ihre Raumanfrage."),
            field=form.start_date,
        )
        if done:
            return redirect(url_for("grouparea.home"), 303)
    status = 400 if request.method == "POST" else 200
    today = timeutil.today()
    return _private(
        (
            render_template(
                "grouparea/room.html",
                group=g.group,
                form=form,
                room=room,
                rooms=room_list,
                slots=free_slots(room, today, today + dt.timedelta(days=27), own_group_id=g.group.id),
                terms=str(ROOM_TERMS),
                weekdays=WEEKDAYS_LONG,
            ),
            status,
        )
    )


def _years() -> list[int]:
    this = timeutil.today().year
    return [this + 1, this, this - 1]


@group_required
def group_funding(slug: str) -> ResponseReturnValue:
    form = FundingForm()
    form.year.choices = [(y, str(y)) for y in _years()]
    if request.method == "GET":
        form.year.data = timeutil.today().year
    if form.validate_on_submit():
        data = {
            "year": form.year.data,
            "stream": form.stream.data,
            "status": form.status.data,
            "amount_applied": form.amount_applied.data,
            "amount_granted": form.amount_granted.data,
            "amount_paid": form.amount_paid.data,
            "proof_submitted": form.proof_submitted.data,
        }
        if perform(lambda: funding.save_funding(g.group.id, data), success=_("Gespeichert."), field=form.amount_paid):
            return redirect(url_for("grouparea.funding"), 303)
    return (
        render_template(
            "grouparea/funding.html",
            group=g.group,
            form=form,
            rows=funding.fundings_of_group(g.group.id),
            deadlines=funding.upcoming_deadlines(),
            streams=FUNDING_STREAMS,
            kinds=DEADLINE_KINDS,
        ),
        400 if request.method == "POST" else 200,
    )
