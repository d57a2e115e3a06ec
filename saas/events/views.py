"""Request handlers for events: public list, detail, registration, iCalendar; staff management.

Load → check access → act → commit. Public pages work without JavaScript.
"""

from __future__ import annotations

from types import SimpleNamespace

from flask import Response, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from saas.auth.models import Role
from saas.core.access import can, office_required
from saas.core.csvio import write_csv
from saas.core.errors import on_field, perform
from saas.events import ics, queries
from saas.events import operations as ops
from saas.events.access import event_or_404, public_event_or_404, registration_or_404
from saas.events.forms import (
    ActionForm,
    CancelEventForm,
    EventForm,
    RegistrationForm,
    SettingsForm,
    StaffRegistrationForm,
)
from saas.events.models import CancelReason, EventStatus, RegistrationStatus
from saas.extensions import limiter
from saas.rooms.queries import rooms as room_list

# --- public -------------------------------------------------------------------------------------------


def public_list(slug: str):  # type: ignore[no-untyped-def]
    events = queries.public_events()
    counts = queries.counts_for([e.id for e in events])
    return render_template("events/public_list.html", events=events, counts=counts)


def public_feed(slug: str) -> Response:
    events = queries.public_events() + queries.public_events(upcoming=False)[:50]
    body = ics.calendar_bytes(events, g.tenant, current_app.config["BASE_URL"], f"Veranstaltungen – {g.tenant.name}")
    return Response(body, mimetype="text/calendar", headers={"Content-Disposition": f'inline; filename="{slug}.ics"'})


def public_event_ics(slug: str, event_id: int) -> Response:
    event = public_event_or_404(event_id)
    body = ics.calendar_bytes([event], g.tenant, current_app.config["BASE_URL"], event.title)
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="veranstaltung-{event.id}.ics"'},
    )


@limiter.limit("20/minute", methods=["POST"])
def public_detail(slug: str, event_id: int):  # type: ignore[no-untyped-def]
    event = public_event_or_404(event_id)
    form = RegistrationForm()
    form.group_id.choices = queries.group_choices()
    open_ = ops.registration_open(event)
    if request.method == "POST":
        if not open_:
            flash(_("Die Anmeldung für diese Veranstaltung ist geschlossen."), "error")
            return redirect(url_for("events.public_detail", event_id=event.id))
        if form.validate_on_submit():
            if form.website.data:  # the honeypot: a bot filled the hidden field
                return redirect(url_for("events.public_thanks", event_id=event.id))
            done = perform(
                lambda: ops.register(
                    event.id,
                    name=form.name.data,
                    email=form.email.data,
                    persons=form.persons.data,
                    group_id=form.group_id.data or None,
                    accessibility_needs=form.accessibility_needs.data or "",
                ),
                field=form.persons,
            )
            if done:
                return redirect(url_for("events.public_thanks", event_id=event.id))
    counts = queries.counts_for([event.id])[event.id]
    status = 422 if request.method == "POST" else 200
    return render_template("events/public_detail.html", event=event, form=form, open=open_, counts=counts), status


def public_thanks(slug: str, event_id: int):  # type: ignore[no-untyped-def]
    event = public_event_or_404(event_id)
    return render_template("events/public_thanks.html", event=event)


def manage_registration(slug: str, token: str):  # type: ignore[no-untyped-def]
    """The link in every mail: see one's registration, accept an offered place, or withdraw."""
    registration = ops.registration_from_token(token)
    if registration is None:
        abort(404)
    form = ActionForm()
    if request.method == "POST" and form.validate_on_submit():
        action = request.form.get("action")
        if action == "accept":
            perform(
                lambda: ops.accept_offer(registration),
                success=_("Sie haben den Platz angenommen. Eine Bestätigung ist unterwegs."),
            )
        elif action == "cancel":
            perform(lambda: ops.cancel_registration(registration), success=_("Sie sind abgemeldet."))
        else:
            abort(400)
        return redirect(url_for("events.manage_registration", token=token))
    return render_template("events/manage.html", registration=registration, event=registration.event, form=form)


# --- staff --------------------------------------------------------------------------------------------


def _room_choices() -> list[tuple[int, str]]:
    return [(0, _("– Raum wählen –")), *((room.id, room.label) for room in room_list())]


@office_required()
def staff_list(slug: str):  # type: ignore[no-untyped-def]
    scope = "past" if request.args.get("zeitraum") == "vergangen" else "upcoming"
    events = queries.staff_events(scope)
    counts = queries.counts_for([e.id for e in events])
    return render_template(
        "events/staff_list.html",
        events=events,
        counts=counts,
        scope=scope,
        pending=queries.decisions_pending(),
        can_edit=can(Role.staff),
        is_admin=can(Role.admin),
    )


@office_required(Role.staff)
def staff_new(slug: str):  # type: ignore[no-untyped-def]
    form = EventForm()
    form.room_id.choices = _room_choices()
    if form.validate_on_submit():
        done = perform(
            lambda: ops.create_event(form.data_for_operations(), acting_user=current_user),
            success=_("Die Veranstaltung ist als Entwurf gespeichert."),
            field=on_field(form),
        )
        if done.value is not None:
            return redirect(url_for("events.staff_detail", event_id=done.value.id))
    return render_template("events/staff_form.html", form=form, event=None), 422 if form.errors else 200


@office_required(Role.staff)
def staff_edit(slug: str, event_id: int):  # type: ignore[no-untyped-def]
    event = event_or_404(event_id)
    if event.status == EventStatus.cancelled:
        abort(404)
    form = EventForm(obj=event)
    form.room_id.choices = _room_choices()
    if request.method == "GET":
        form.kind.data, form.place_kind.data, form.audience.data = event.kind, event.place_kind, event.audience
        form.room_id.data = event.room_id or 0
    saved = _("Gespeichert.")
    if form.validate_on_submit() and perform(
        lambda: ops.update_event(event, form.data_for_operations()),
        success=saved,
        field=on_field(form),
    ):
        return redirect(url_for("events.staff_detail", event_id=event.id))
    return render_template("events/staff_form.html", form=form, event=event), 422 if form.errors else 200


@office_required()
def staff_detail(slug: str, event_id: int):  # type: ignore[no-untyped-def]
    event = event_or_404(event_id)
    counts = queries.counts_for([event.id])[event.id]
    return render_template(
        "events/staff_detail.html",
        event=event,
        counts=counts,
        action_form=ActionForm(),
        cancel_form=CancelEventForm(),
        held=queries.is_held(event),
        can_edit=can(Role.staff),
    )


def _act(event_id: int, action) -> Response:  # type: ignore[no-untyped-def]
    event = event_or_404(event_id)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    done = perform(lambda: action(event))
    if done:
        flash(done.value, "success")  # type: ignore[arg-type]
    return redirect(url_for("events.staff_detail", event_id=event.id))  # type: ignore[return-value]


@office_required(Role.staff)
def staff_publish(slug: str, event_id: int) -> Response:
    def act(event):  # type: ignore[no-untyped-def]
        ops.publish_event(event)
        return _("Die Veranstaltung ist veröffentlicht.")

    return _act(event_id, act)


@office_required(Role.staff)
def staff_unpublish(slug: str, event_id: int) -> Response:
    def act(event):  # type: ignore[no-untyped-def]
        ops.unpublish_event(event)
        return _("Die Veranstaltung ist wieder ein Entwurf.")

    return _act(event_id, act)


@office_required(Role.staff)
def staff_keep(slug: str, event_id: int) -> Response:
    def act(event):  # type: ignore[no-untyped-def]
        ops.keep_event(event)
        return _("Die Veranstaltung findet statt.")

    return _act(event_id, act)


@office_required(Role.staff)
def staff_cancel(slug: str, event_id: int) -> Response:
    event = event_or_404(event_id)
    form = CancelEventForm()
    if not form.validate_on_submit():
        abort(400)
    done = perform(
        lambda: ops.cancel_event(
            event, reason=CancelReason(form.reason.data), note=form.note.data or "", acting_user=current_user
        )
    )
    if done:
        flash(
            _("Die Veranstaltung ist abgesagt; %(n)s Personen werden per E-Mail informiert.", n=done.value), "success"
        )
    return redirect(url_for("events.staff_detail", event_id=event.id))  # type: ignore[return-value]


@office_required()
def participants(slug: str, event_id: int):  # type: ignore[no-untyped-def]
    event = event_or_404(event_id)
    regs = queries.participants(event)
    counts = queries.counts_for([event.id])[event.id]
    return render_template(
        "events/participants.html", event=event, regs=regs, counts=counts, form=ActionForm(), can_edit=can(Role.staff)
    )


@office_required()
def participants_print(slug: str, event_id: int):  # type: ignore[no-untyped-def]
    event = event_or_404(event_id)
    regs = [r for r in queries.participants(event) if r.status == RegistrationStatus.confirmed]
    return render_template("events/participants_print.html", event=event, regs=regs)


@office_required()
def participants_csv(slug: str, event_id: int) -> Response:
    event = event_or_404(event_id)
    rows = (
        [
            RegistrationStatus(r.status).label,
            r.name,
            r.email,
            r.persons,
            r.group.name if r.group else "",
            r.accessibility_needs,
            r.created_at.strftime("%Y-%m-%d %H:%M") if r.created_at else "",
            "" if r.attended_persons is None else r.attended_persons,
        ]
        for r in queries.participants(event)
    )
    body = write_csv(
        ["status", "name", "email", "persons", "group", "accessibility_needs", "registered_at", "attended"],
        rows,
        lineterminator="\r\n",
    )
    return Response(
        "\ufeff" + body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="teilnehmende-{event.id}.csv"'},
    )


@office_required(Role.staff)
def participant_new(slug: str, event_id: int):  # type: ignore[no-untyped-def]
    event = event_or_404(event_id)
    form = StaffRegistrationForm()
    form.group_id.choices = queries.group_choices()
    if form.validate_on_submit() and perform(
        lambda: ops.register(
            event.id, name=form.name.data, email=form.email.data or "", persons=form.persons.data,
            group_id=form.group_id.data or None, accessibility_needs=form.accessibility_needs.data or "",
            source="staff",
        ),
        success=_("Anmeldung eingetragen."),
        field=form.persons,
    ):  # fmt: skip
        return redirect(url_for("events.participants", event_id=event.id))
    return render_template(
        "events/participant_form.html", event=event, form=form, reg=None
    ), 422 if form.errors else 200


@office_required(Role.staff)
def participant_edit(slug: str, event_id: int, registration_id: int):  # type: ignore[no-untyped-def]
    event = event_or_404(event_id)
    reg = registration_or_404(event, registration_id)
    if reg.anonymized_at is not None:
        abort(404)
    form = StaffRegistrationForm(obj=reg)
    form.group_id.choices = queries.group_choices()
    if request.method == "GET":
        form.group_id.data = reg.group_id or 0
    if form.validate_on_submit() and perform(
        lambda: ops.update_registration(
            reg, name=form.name.data, email=form.email.data or "", persons=form.persons.data,
            group_id=form.group_id.data or None, accessibility_needs=form.accessibility_needs.data or "",
        ),
        success=_("Gespeichert."),
        field=form.persons,
    ):  # fmt: skip
        return redirect(url_for("events.participants", event_id=event.id))
    return render_template("events/participant_form.html", event=event, form=form, reg=reg), 422 if form.errors else 200


@office_required(Role.staff)
def participant_cancel(slug: str, event_id: int, registration_id: int) -> Response:
    event = event_or_404(event_id)
    reg = registration_or_404(event, registration_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    perform(lambda: ops.cancel_registration(reg, by_staff=True), success=_("Die Anmeldung ist storniert."))
    return redirect(url_for("events.participants", event_id=event.id))  # type: ignore[return-value]


@office_required(Role.staff)
def attendance(slug: str, event_id: int):  # type: ignore[no-untyped-def]
    event = event_or_404(event_id)
    regs = [r for r in queries.participants(event) if r.status == RegistrationStatus.confirmed]
    form = ActionForm()
    errors: list[str] = []
    if request.method == "POST" and form.validate_on_submit():
        values: dict[int, int | None] = {}
        for r in regs:
            raw = (request.form.get(f"attended-{r.id}") or "").strip()
            if raw == "":
                values[r.id] = None
            elif raw.isdigit() and int(raw) <= 10:
                values[r.id] = int(raw)
            else:
                errors.append(_("Bitte eine Zahl von 0 bis 10 eingeben (Anmeldung %(n)s).", n=r.id))
        if not errors:
            shown = SimpleNamespace(errors=errors)  # the page lists refusals above the table
            if perform(
                lambda: ops.record_attendance(event, values), success=_("Anwesenheit gespeichert."), field=shown
            ):
                return redirect(url_for("events.staff_detail", event_id=event.id))
            errors = shown.errors
    held = queries.is_held(event)
    status = 422 if errors else 200
    return render_template(
        "events/attendance.html", event=event, regs=regs, form=form, errors=errors, held=held
    ), status


@office_required(Role.admin)
def settings(slug: str):  # type: ignore[no-untyped-def]
    form = SettingsForm()
    if request.method == "GET":
        form.auto_cancel.data = "auto" if ops.auto_cancel(g.tenant) else "ask"
    if form.validate_on_submit():
        perform(lambda: ops.set_auto_cancel(g.tenant, form.auto_cancel.data == "auto"), success=_("Gespeichert."))
        return redirect(url_for("events.staff_list"))
    return render_template("events/settings.html", form=form)
