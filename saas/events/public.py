"""Public pages of events (no login): list, detail with registration, iCalendar, managing a registration.

Load → act → commit through ``perform``. The pages work without JavaScript.
"""

from __future__ import annotations

from flask import Response, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from saas.core.errors import perform
from saas.events import ics, queries
from saas.events import operations as ops
from saas.events.access import public_event_or_404
from saas.events.forms import (
    ActionForm,
    RegistrationForm,
)
from saas.extensions import limiter


def public_list(slug: str) -> ResponseReturnValue:
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
def public_detail(slug: str, event_id: int) -> ResponseReturnValue:
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


def public_thanks(slug: str, event_id: int) -> ResponseReturnValue:
    event = public_event_or_404(event_id)
    return render_template("events/public_thanks.html", event=event)


def manage_registration(slug: str, token: str) -> ResponseReturnValue:
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
