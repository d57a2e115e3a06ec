"""Funding pages: the group enters its streams; the office sets deadlines and sees the year at a glance."""

from __future__ import annotations

from flask import abort, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from saas.auth.models import Role
from saas.core import timeutil
from saas.core.access import office_required
from saas.core.errors import perform
from saas.grouparea import funding
from saas.grouparea.forms import DeadlineForm, FundingForm
from saas.grouparea.models import DEADLINE_KINDS, FUNDING_STREAMS
from saas.grouparea.session import group_required


def _years() -> list[int]:
    this = timeutil.today().year
    return [this + 1, this, this - 1]


def _year_arg() -> int:
    value = request.args.get("jahr", "")
    year = int(value) if value.isdigit() and len(value) == 4 else timeutil.today().year
    if not 2000 <= year <= 2100:
        abort(400)
    return year


@group_required
def group_funding(slug: str):  # type: ignore[no-untyped-def]
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
    year = timeutil.today().year
    return (
        render_template(
            "grouparea/funding.html",
            group=g.group,
            form=form,
            rows=funding.fundings_of_group(g.group.id),
            deadlines=funding.deadlines(year) + funding.deadlines(year + 1),
            streams=FUNDING_STREAMS,
            kinds=DEADLINE_KINDS,
        ),
        400 if request.method == "POST" else 200,
    )


@office_required(Role.readonly)
def overview(slug: str):  # type: ignore[no-untyped-def]
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
def add_deadline(slug: str):  # type: ignore[no-untyped-def]
    year = _year_arg()
    form = DeadlineForm()
    if not form.validate_on_submit():
        abort(400)
    perform(
        lambda: funding.set_deadline(year=year, stream=form.stream.data, kind=form.kind.data, due_on=form.due_on.data),
        success=_("Frist gespeichert."),
    )
    return redirect(url_for("grouparea.funding_overview", jahr=year), 303)
