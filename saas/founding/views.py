"""Request handlers of founding support and effort cases: load → check access → act → commit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, flash, g, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from saas.auth.models import Role
from saas.core.access import can, office_required
from saas.core.errors import perform
from saas.extensions import db
from saas.founding import forms as f
from saas.founding import operations as ops
from saas.founding import queries, wegweiser
from saas.founding.access import case_or_404, interest_or_404, process_or_404
from saas.founding.models import (
    CASE_KINDS,
    INTEREST_SOURCES,
    INTEREST_STATES,
    MILESTONES,
    PROCESS_STATES,
    FoundingProcess,
    SupportCase,
)
from tenants.models import Site

LABELS = {
    "states": PROCESS_STATES,
    "milestones": MILESTONES,
    "sources": INTEREST_SOURCES,
    "interest_states": INTEREST_STATES,
    "cases": CASE_KINDS,
}


def _sites() -> list[Site]:
    return queries.sites()


# --- overview ---------------------------------------------------------------------------------------------


def _overview(
    form: f.ProcessForm | None = None, threshold_form: f.ThresholdForm | None = None, status: int = 200
) -> ResponseReturnValue:
    form = form or f.ProcessForm()
    form.site.choices = [(0, _("– ohne Standort –"))] + [(s.id, s.name) for s in _sites()]
    if form.started_on.data is None:
        form.started_on.data = ops.today()
    limit = ops.threshold(g.tenant)
    threshold_form = threshold_form or f.ThresholdForm(data={"threshold": limit})
    processes = queries.processes()
    return render_template(
        "founding/overview.html",
        candidates=wegweiser.candidates(),
        start_form=f.FromInterestForm(),
        form=form,
        threshold_form=threshold_form,
        threshold=limit,
        waiting=queries.waiting_by_topic(limit),
        processes=processes,
        labels=LABELS,
        can_staff=can(Role.staff),
        can_admin=can(Role.admin),
    ), status


@office_required()
def overview(slug: str) -> ResponseReturnValue:
    return _overview()


@office_required(Role.staff)
def process_new(slug: str) -> ResponseReturnValue:
    form = f.ProcessForm()
    form.site.choices = [(0, "")] + [(s.id, s.name) for s in _sites()]
    if not form.validate_on_submit():
        return _overview(form=form, status=400)
    created: list[FoundingProcess] = []
    ok = perform(
        lambda: created.append(
            ops.create_process(
                topic_name=form.topic_name.data, site_id=form.site.data or None, started_on=form.started_on.data
            )
        ),
        success=_("Gründungsprozess angelegt."),
        field=form.topic_name,
    )
    if not ok:
        return _overview(form=form, status=400)
    return redirect(url_for("founding.process_detail", process_id=created[0].id))


@office_required(Role.staff)
def process_from_interest(slug: str) -> ResponseReturnValue:
    """Start a process for a topic people asked for in the Wegweiser; it takes up their interests."""
    from saas.core.access import office_row_or_404
    from saas.directory.models import GroupInterest

    form = f.FromInterestForm()
    if not form.validate_on_submit():
        return _overview(status=400)
    interest = office_row_or_404(GroupInterest, form.interest.data)
    created: list[FoundingProcess] = []
    if not perform(lambda: created.append(wegweiser.start_process(interest)), success=_("Gründungsprozess angelegt.")):
        return redirect(url_for("founding.overview"))
    return redirect(url_for("founding.process_detail", process_id=created[0].id))


@office_required(Role.admin)
def threshold_save(slug: str) -> ResponseReturnValue:
    form = f.ThresholdForm()
    if not form.validate_on_submit():
        return _overview(threshold_form=form, status=400)
    perform(lambda: ops.set_threshold(g.tenant, form.threshold.data), success=_("Schwelle gespeichert."))
    return redirect(url_for("founding.overview"))


# --- one process --------------------------------------------------------------------------------------------


def _detail(process: FoundingProcess, status: int = 200, **given: Any) -> ResponseReturnValue:
    forms = {
        "interest_form": f.InterestForm(),
        "inquiry_form": f.InquiryInterestForm(),
        "milestone_form": f.MilestoneForm(),
        "meeting_form": f.FirstMeetingForm(),
        "invitations_form": f.InvitationsForm(),
        "founded_form": f.FoundedForm(),
        "abandon_form": f.AbandonForm(),
        "withdraw_form": f.WithdrawForm(),
        **given,
    }
    today = ops.today()
    for name, field in (
        ("milestone_form", "step_on"),
        ("founded_form", "founded_on"),
        ("abandon_form", "abandoned_on"),
    ):
        if getattr(forms[name], field).data is None:
            getattr(forms[name], field).data = today
    rooms = queries.active_rooms()
    forms["meeting_form"].room.choices = [(r.id, f"{r.name} ({r.site.name})") for r in rooms]
    inquiries = queries.open_inquiries()
    forms["inquiry_form"].inquiry.choices = [(i.id, f"{i.name} ({i.created_at:%d.%m.%Y})") for i in inquiries]
    linked_contacts, linked_minutes = queries.linked_contacts(process.id)
    return render_template(
        "founding/process.html",
        process=process,
        labels=LABELS,
        can_staff=can(Role.staff),
        linked_contacts=linked_contacts,
        linked_minutes=linked_minutes,
        **forms,
    ), status


@office_required()
def process_detail(slug: str, process_id: int) -> ResponseReturnValue:
    return _detail(process_or_404(process_id))


def _step(
    process_id: int, form_name: str, form: Any, action: Callable[[FoundingProcess], Any], success: str
) -> ResponseReturnValue:
    process = process_or_404(process_id)
    if not form.validate_on_submit():
        return _detail(process, 400, **{form_name: form})
    if not perform(lambda: action(process), success=success):
        db.session.expire_all()
        return _detail(process_or_404(process_id), 400, **{form_name: form})
    return redirect(url_for("founding.process_detail", process_id=process_id))


@office_required(Role.staff)
def interest_add(slug: str, process_id: int) -> ResponseReturnValue:
    form = f.InterestForm()
    notices: list[str] = []

    def act(process: FoundingProcess) -> None:
        _interest, notice = ops.add_interest(
            process,
            name=form.name.data,
            reach=form.reach.data,
            consent_text=form.consent_text.data,
            source=form.source.data,
        )
        if notice:
            notices.append(notice)

    response = _step(process_id, "interest_form", form, act, _("Auf die Liste gesetzt."))
    for notice in notices:
        flash(_("Schwelle erreicht: %(n)s.", n=notice), "warning")
    return response


@office_required(Role.staff)
def interest_from_inquiry(slug: str, process_id: int) -> ResponseReturnValue:
    from saas.directory.access import inquiry_or_404

    form = f.InquiryInterestForm()
    form.inquiry.choices = [(form.inquiry.data or 0, "")]
    notices: list[str] = []

    def act(process: FoundingProcess) -> None:
        _interest, notice = ops.interest_from_inquiry(process, inquiry_or_404(form.inquiry.data))
        if notice:
            notices.append(notice)

    response = _step(process_id, "inquiry_form", form, act, _("Aus der Anfrage übernommen."))
    for notice in notices:
        flash(_("Schwelle erreicht: %(n)s.", n=notice), "warning")
    return response


@office_required(Role.staff)
def interest_withdraw(slug: str, process_id: int, interest_id: int) -> ResponseReturnValue:
    process = process_or_404(process_id)
    interest = interest_or_404(process, interest_id)
    if not f.WithdrawForm().validate_on_submit():
        abort(400)
    perform(lambda: ops.withdraw_interest(interest), success=_("Als zurückgezogen vermerkt."))
    return redirect(url_for("founding.process_detail", process_id=process.id))


@office_required(Role.staff)
def milestone_add(slug: str, process_id: int) -> ResponseReturnValue:
    form = f.MilestoneForm()
    return _step(
        process_id,
        "milestone_form",
        form,
        lambda p: ops.record_milestone(
            p, form.kind.data, on=form.step_on.data, note=form.note.data or "", user=current_user
        ),
        _("Schritt eingetragen."),
    )


@office_required(Role.staff)
def first_meeting(slug: str, process_id: int) -> ResponseReturnValue:
    from saas.rooms.access import room_or_404

    form = f.FirstMeetingForm()
    form.room.choices = [(form.room.data or 0, "")]
    return _step(
        process_id,
        "meeting_form",
        form,
        lambda p: ops.book_first_meeting(
            p, room_or_404(form.room.data), day=form.day.data, start=form.start.data, end=form.end.data,
            user=current_user,
        ),
        _("Raum für das erste Treffen gebucht; die Gruppe steht als „im Aufbau“ in der Beratungsdatei."),
    )  # fmt: skip


@office_required(Role.staff)
def invitations(slug: str, process_id: int) -> ResponseReturnValue:
    counts: list[tuple[int, int]] = []
    response = _step(
        process_id,
        "invitations_form",
        f.InvitationsForm(),
        lambda p: counts.append(ops.send_invitations(p, user=current_user)),
        _("Einladungen vermerkt."),
    )
    if counts:
        flash(_("%(m)s per E-Mail eingeladen, %(c)s bitte anrufen.", m=counts[0][0], c=counts[0][1]), "info")
    return response


@office_required(Role.staff)
def founded(slug: str, process_id: int) -> ResponseReturnValue:
    form = f.FoundedForm()
    return _step(
        process_id,
        "founded_form",
        form,
        lambda p: ops.found_group(p, on=form.founded_on.data, user=current_user),
        _("Die Gruppe ist gegründet und steht als aktiv in der Beratungsdatei."),
    )


@office_required(Role.staff)
def abandon(slug: str, process_id: int) -> ResponseReturnValue:
    form = f.AbandonForm()
    return _step(
        process_id,
        "abandon_form",
        form,
        lambda p: ops.abandon(p, reason=form.reason.data, on=form.abandoned_on.data, user=current_user),
        _("Der Aufbau ist als abgebrochen vermerkt."),
    )


# --- support cases ------------------------------------------------------------------------------------------


def _cases_page(form: f.CaseForm | None = None, status: int = 200) -> ResponseReturnValue:
    form = form or f.CaseForm()
    form.group.choices = [(gr.id, gr.name) for gr in queries.live_groups()]
    if form.opened_on.data is None:
        form.opened_on.data = ops.today()
    cases = queries.cases()
    return render_template(
        "founding/cases.html", form=form, cases=cases, labels=LABELS, can_staff=can(Role.staff)
    ), status


@office_required()
def cases(slug: str) -> ResponseReturnValue:
    return _cases_page()


@office_required(Role.staff)
def case_new(slug: str) -> ResponseReturnValue:
    from saas.directory.access import group_or_404

    form = f.CaseForm()
    form.group.choices = [(form.group.data or 0, "")]
    if not form.validate_on_submit():
        return _cases_page(form, 400)
    created: list[SupportCase] = []
    group = group_or_404(form.group.data)
    if not perform(
        lambda: created.append(ops.open_case(group_id=group.id, kind=form.kind.data, opened_on=form.opened_on.data)),
        success=_("Begleitung angelegt."),
    ):
        return _cases_page(form, 400)
    return redirect(url_for("founding.case_detail", case_id=created[0].id))


def _case_page(case: SupportCase, form: f.SessionForm | None = None, status: int = 200) -> ResponseReturnValue:
    form = form or f.SessionForm()
    if form.day.data is None:
        form.day.data = ops.today()
    return render_template(
        "founding/case.html",
        case=case,
        form=form,
        close_form=f.CloseCaseForm(),
        labels=LABELS,
        can_staff=can(Role.staff),
    ), status


@office_required()
def case_detail(slug: str, case_id: int) -> ResponseReturnValue:
    return _case_page(case_or_404(case_id))


@office_required(Role.staff)
def session_add(slug: str, case_id: int) -> ResponseReturnValue:
    case = case_or_404(case_id)
    form = f.SessionForm()
    if not form.validate_on_submit():
        return _case_page(case, form, 400)
    if not perform(
        lambda: ops.add_session(case, day=form.day.data, minutes=form.minutes.data), success=_("Termin eingetragen.")
    ):
        return _case_page(case_or_404(case_id), form, 400)
    return redirect(url_for("founding.case_detail", case_id=case_id))


@office_required(Role.staff)
def case_close(slug: str, case_id: int) -> ResponseReturnValue:
    case = case_or_404(case_id)
    if not f.CloseCaseForm().validate_on_submit():
        abort(400)
    perform(lambda: ops.close_case(case), success=_("Begleitung abgeschlossen."))
    return redirect(url_for("founding.case_detail", case_id=case_id))
