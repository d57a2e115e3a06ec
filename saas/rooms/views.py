"""Request handlers for rooms: rooms and opening hours, bookings, calendars, door sign, closures."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from saas.auth.models import Role
from saas.core import timeutil
from saas.core.access import can, office_required
from saas.core.errors import on_field, perform, perform_or_fail
from saas.core.recurrence import Pattern, month_bounds, week_start
from saas.directory.models import LIVE_STATUSES, Group
from saas.extensions import db
from saas.rooms import operations as ops
from saas.rooms import queries
from saas.rooms.access import booking_or_404, closure_or_404, group_or_404, room_or_404, site_or_404
from saas.rooms.forms import ActionForm, BookingForm, CancelDateForm, ClosureForm, RoomForm
from saas.rooms.models import Booking, BookingKind, BookingStatus, Closure, Room
from tenants.models import Site
from tenants.operations import parse_hours

# --- helpers ------------------------------------------------------------------------------------------


def _sites() -> list[Site]:
    return list(db.session.scalars(select(Site).order_by(Site.position, Site.id)))


def _day_arg(name: str = "datum") -> dt.date:
    raw = request.args.get(name)
    if not raw:
        return timeutil.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        abort(400)


def _month_arg() -> dt.date:
    raw = request.args.get("monat")
    if not raw:
        return timeutil.today().replace(day=1)
    try:
        return dt.date.fromisoformat(f"{raw}-01")
    except ValueError:
        abort(400)


def _group_choices(include: int | None = None) -> list[tuple[int, str]]:
    rows = db.session.execute(select(Group.id, Group.name, Group.status).order_by(Group.name)).all()
    choices = [(0, _("– Gruppe wählen –"))]
    for gid, name, status in rows:
        if status in LIVE_STATUSES or gid == include:
            choices.append((gid, name))
    return choices


def _room_choices() -> list[tuple[int, str]]:
    return [(room.id, room.label) for room in queries.rooms()]


def _hours_text(room: Room) -> str:
    return "; ".join(room.opening_lines).replace(" Uhr", "")


# --- rooms --------------------------------------------------------------------------------------------


@office_required()
def overview(slug: str) -> ResponseReturnValue:
    sites = _sites()
    all_rooms = queries.rooms(active_only=False)
    by_site = defaultdict(list)
    for room in all_rooms:
        by_site[room.site_id].append(room)
    today = timeutil.today()
    closures = db.session.scalars(select(Closure).where(Closure.last_day >= today).order_by(Closure.first_day)).all()
    return render_template(
        "rooms/overview.html", sites=sites, by_site=by_site, closures=closures, can_edit=can(Role.staff),
        is_admin=can(Role.admin),
    )  # fmt: skip


def _room_form_choices(form: RoomForm) -> None:
    form.site_id.choices = [(s.id, s.name) for s in _sites()]


@office_required(Role.admin)
def room_new(slug: str) -> ResponseReturnValue:
    form = RoomForm()
    _room_form_choices(form)
    if form.validate_on_submit():
        site = site_or_404(form.site_id.data)

        def create() -> None:
            room = ops.create_room(
                site, name=form.name.data, capacity=form.capacity.data or 0,
                wheelchair_accessible=form.wheelchair_accessible.data,
                accessibility_note=form.accessibility_note.data or "", equipment=form.equipment.data or "",
                active=form.active.data,
            )  # fmt: skip
            ops.set_opening_hours(room, parse_hours(form.opening.data or ""))

        if perform(create, success=_("Der Raum ist angelegt."), field=form.name):
            return redirect(url_for("rooms.overview"))
    return render_template("rooms/room_form.html", form=form, room=None), 422 if form.errors else 200


@office_required(Role.admin)
def room_edit(slug: str, room_id: int) -> ResponseReturnValue:
    room = room_or_404(room_id)
    form = RoomForm(obj=room)
    _room_form_choices(form)
    if request.method == "GET":
        form.opening.data = _hours_text(room)
    if form.validate_on_submit():
        site_or_404(form.site_id.data)

        def save() -> None:
            ops.update_room(
                room, site_id=form.site_id.data, name=form.name.data.strip(), capacity=form.capacity.data or 0,
                wheelchair_accessible=form.wheelchair_accessible.data,
                accessibility_note=form.accessibility_note.data or "", equipment=form.equipment.data or "",
                active=form.active.data,
            )  # fmt: skip
            ops.set_opening_hours(room, parse_hours(form.opening.data or ""))

        perform_or_fail(save, success=_("Gespeichert."))
        return redirect(url_for("rooms.overview"))
    return render_template("rooms/room_form.html", form=form, room=room), 422 if form.errors else 200


# --- calendars ----------------------------------------------------------------------------------------


def _week(room_list: list[Room], anchor: dt.date) -> dict:
    monday = week_start(anchor)
    days = [monday + dt.timedelta(days=i) for i in range(7)]
    occ = queries.occurrences(room_list, days[0], days[-1], include_cancelled=True)
    cells: dict[tuple[dt.date, int], list] = defaultdict(list)
    for o in occ:
        cells[(o.day, o.room.id)].append(o)
    site_id = room_list[0].site_id if room_list else None
    return {
        "days": days,
        "cells": cells,
        "closed": queries.closures_in(site_id, days[0], days[-1]),
        "prev": (monday - dt.timedelta(days=7)).isoformat(),
        "next": (monday + dt.timedelta(days=7)).isoformat(),
        "today": timeutil.today(),
        "iso_week": monday.isocalendar().week,
    }


def _month(room_list: list[Room], first_of_month: dt.date) -> dict:
    first, last = month_bounds(first_of_month)
    occ = queries.occurrences(room_list, first, last, include_cancelled=True)
    by_day: dict[dt.date, list] = defaultdict(list)
    for o in occ:
        by_day[o.day].append(o)
    grid_start = week_start(first)
    weeks = []
    day = grid_start
    while day <= last:
        weeks.append([day + dt.timedelta(days=i) for i in range(7)])
        day += dt.timedelta(days=7)
    prev_month = (first - dt.timedelta(days=1)).replace(day=1)
    next_month = last + dt.timedelta(days=1)
    site_id = room_list[0].site_id if room_list else None
    return {
        "first": first,
        "weeks": weeks,
        "by_day": by_day,
        "closed": queries.closures_in(site_id, first, last),
        "prev": prev_month.strftime("%Y-%m"),
        "next": next_month.strftime("%Y-%m"),
        "today": timeutil.today(),
    }


@office_required()
def room_week(slug: str, room_id: int) -> ResponseReturnValue:
    room = room_or_404(room_id)
    return render_template("rooms/week.html", rooms=[room], room=room, site=room.site, **_week([room], _day_arg()))


@office_required()
def site_week(slug: str, site_id: int) -> ResponseReturnValue:
    site = site_or_404(site_id)
    room_list = queries.rooms(site.id)
    return render_template("rooms/week.html", rooms=room_list, room=None, site=site, **_week(room_list, _day_arg()))


@office_required()
def room_month(slug: str, room_id: int) -> ResponseReturnValue:
    room = room_or_404(room_id)
    return render_template("rooms/month.html", rooms=[room], room=room, site=room.site, **_month([room], _month_arg()))


@office_required()
def site_month(slug: str, site_id: int) -> ResponseReturnValue:
    site = site_or_404(site_id)
    room_list = queries.rooms(site.id)
    return render_template("rooms/month.html", rooms=room_list, room=None, site=site, **_month(room_list, _month_arg()))


@office_required()
def door(slug: str, room_id: int) -> ResponseReturnValue:
    """A sheet to hang at the door: the regular plan by weekday, and the next two weeks' changes."""
    room = room_or_404(room_id)
    today = _day_arg()
    horizon = today + dt.timedelta(days=13)
    regular: dict[int, list[Booking]] = defaultdict(list)
    for booking in queries.bookings_in([room.id], today, today):
        if booking.pattern != Pattern.once:
            regular[booking.start_date.weekday()].append(booking)
    for items in regular.values():
        items.sort(key=lambda b: b.start_time)
    upcoming = queries.occurrences([room], today, horizon, include_cancelled=True)
    changes = [o for o in upcoming if o.cancelled or o.booking.pattern == Pattern.once]
    closed = queries.closures_in(room.site_id, today, horizon)
    return render_template(
        "rooms/door.html", room=room, regular=regular, changes=changes, closed=closed, today=today, horizon=horizon
    )


# --- bookings -----------------------------------------------------------------------------------------


@office_required()
def bookings(slug: str) -> ResponseReturnValue:
    room_id = request.args.get("raum", type=int)
    query = select(Booking).where(Booking.status == BookingStatus.active)
    if room_id:
        room_or_404(room_id)
        query = query.where(Booking.room_id == room_id)
    if request.args.get("alle") != "1":
        today = timeutil.today()
        query = query.where((Booking.until_date >= today) | (Booking.start_date >= today))
    rows = db.session.scalars(query.order_by(Booking.room_id, Booking.start_time)).all()
    rows = sorted(rows, key=lambda b: (b.room.site.position, b.room.position, b.start_date.weekday(), b.start_time))
    return render_template(
        "rooms/bookings.html", bookings=rows, rooms=queries.rooms(), room_id=room_id, can_edit=can(Role.staff)
    )


def _booking_form(booking: Booking | None = None) -> BookingForm:
    form = BookingForm(obj=booking)
    form.room_id.choices = _room_choices()
    form.group_id.choices = _group_choices(booking.group_id if booking else None)
    if request.method == "GET":
        if booking is not None:
            form.group_id.data = booking.group_id or 0
            form.kind.data = "group" if booking.kind == BookingKind.group else "other"
            form.nth.data = booking.nth or 0
            form.pattern.data = booking.pattern
        else:
            if request.args.get("gruppe", type=int):
                form.group_id.data = request.args.get("gruppe", type=int)
            if request.args.get("raum", type=int):
                form.room_id.data = request.args.get("raum", type=int)
    return form


def _booking_values(form: BookingForm) -> dict:
    pattern = Pattern(form.pattern.data)
    return {
        "pattern": pattern,
        "start_date": form.start_date.data,
        "until_date": form.until_date.data if pattern != Pattern.once else None,
        "start_time": form.start_time.data,
        "end_time": form.end_time.data,
        "nth": (form.nth.data or None) if pattern == Pattern.monthly else None,
    }


@office_required(Role.staff)
def booking_new(slug: str) -> ResponseReturnValue:
    form = _booking_form()
    conflicts = []
    if form.validate_on_submit():
        room = room_or_404(form.room_id.data)
        group_id = form.group_id.data or None
        if group_id:
            group_or_404(group_id)
        kind = BookingKind.group if form.kind.data == "group" else BookingKind.other
        done = perform(
            lambda: ops.create_booking(
                room, **_booking_values(form), group_id=group_id if kind == BookingKind.group else None, kind=kind,
                title=form.title.data or "", note=form.note.data or "", acting_user=current_user,
            ),
            field=on_field(form, default=form.start_date),
        )  # fmt: skip
        if done.value is not None:
            flash(_("Gebucht: %(r)s, %(t)s.", r=room.label, t=done.value.rhythm), "success")
            return redirect(url_for("rooms.booking_detail", booking_id=done.value.id))
        if isinstance(done.error, ops.BookingConflict):
            conflicts = done.error.conflicts
    status = 422 if form.errors else 200
    return render_template("rooms/booking_form.html", form=form, booking=None, conflicts=conflicts), status


@office_required(Role.staff)
def booking_edit(slug: str, booking_id: int) -> ResponseReturnValue:
    booking = booking_or_404(booking_id)
    if booking.kind == BookingKind.event or booking.status != BookingStatus.active:
        abort(404)  # event bookings change with their event
    form = _booking_form(booking)
    conflicts = []
    if form.validate_on_submit():
        room = room_or_404(form.room_id.data)

        def reschedule() -> None:
            ops.reschedule_booking(booking, room=room, **_booking_values(form), title=form.title.data or "",
                                   note=form.note.data or "")  # fmt: skip
            if booking.kind == BookingKind.group and form.group_id.data:
                group_or_404(form.group_id.data)
                booking.group_id = form.group_id.data

        done = perform(reschedule, success=_("Gespeichert."), field=on_field(form, default=form.start_date))
        if done:
            return redirect(url_for("rooms.booking_detail", booking_id=booking.id))
        if isinstance(done.error, ops.BookingConflict):
            conflicts = done.error.conflicts
    status = 422 if form.errors else 200
    return render_template("rooms/booking_form.html", form=form, booking=booking, conflicts=conflicts), status


@office_required()
def booking_detail(slug: str, booking_id: int) -> ResponseReturnValue:
    booking = booking_or_404(booking_id)
    return render_template(
        "rooms/booking_detail.html",
        booking=booking,
        next_dates=queries.next_dates(booking, 6) if booking.status == BookingStatus.active else [],
        cancel_form=CancelDateForm(),
        action_form=ActionForm(),
        can_edit=can(Role.staff),
    )


@office_required(Role.staff)
def booking_cancel_date(slug: str, booking_id: int) -> ResponseReturnValue:
    booking = booking_or_404(booking_id)
    form = CancelDateForm()
    if form.validate_on_submit():
        perform(
            lambda: ops.cancel_date(booking, form.day.data, form.note.data or ""),
            success=_("Der Termin am %(d)s fällt aus; der Raum ist dann frei.", d=form.day.data.strftime("%d.%m.%Y")),
        )
    else:
        flash(_("Bitte ein gültiges Datum angeben."), "error")
    return redirect(url_for("rooms.booking_detail", booking_id=booking.id))


@office_required(Role.staff)
def booking_restore_date(slug: str, booking_id: int, day: str) -> ResponseReturnValue:
    booking = booking_or_404(booking_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        parsed = dt.date.fromisoformat(day)
    except ValueError:
        abort(404)
    perform_or_fail(lambda: ops.restore_date(booking, parsed), success=_("Der Termin findet wieder statt."))
    return redirect(url_for("rooms.booking_detail", booking_id=booking.id))


@office_required(Role.staff)
def booking_end(slug: str, booking_id: int) -> ResponseReturnValue:
    booking = booking_or_404(booking_id)
    if not ActionForm().validate_on_submit() or booking.kind == BookingKind.event:
        abort(400)
    perform_or_fail(
        lambda: ops.end_booking(booking, reason=_("beendet von %(n)s", n=current_user.name or current_user.email)),
        success=_("Die Buchung ist beendet; künftige Termine sind frei."),
    )
    return redirect(url_for("rooms.booking_detail", booking_id=booking.id))


@office_required(Role.staff)
def group_end_bookings(slug: str, group_id: int) -> ResponseReturnValue:
    """Confirm, then end every future booking of a group (the step after dissolving it)."""
    group = group_or_404(group_id)
    form = ActionForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        ended = perform_or_fail(lambda: ops.end_future_bookings(group.id, current_user))
        flash(_("%(n)s Raumbuchungen der Gruppe sind beendet.", n=len(ended)), "success")
        return redirect(url_for("rooms.bookings"))
    pending = ops.future_bookings_for_group(group.id)
    return render_template("rooms/group_end.html", group=group, bookings=pending, form=form)


# --- closures -----------------------------------------------------------------------------------------


@office_required(Role.staff)
def closures(slug: str) -> ResponseReturnValue:
    form = ClosureForm()
    form.site_id.choices = [(0, _("alle Standorte")), *((s.id, s.name) for s in _sites())]
    if form.validate_on_submit():
        site_id = form.site_id.data or None
        if site_id:
            site_or_404(site_id)
        if perform(
            lambda: ops.add_closure(first_day=form.first_day.data, last_day=form.last_day.data, label=form.label.data,
                                    site_id=site_id),
            success=_("Schließzeit eingetragen: an diesen Tagen finden keine Buchungen statt."),
            field=form.last_day,
        ):  # fmt: skip
            return redirect(url_for("rooms.closures"))
    rows = db.session.scalars(select(Closure).order_by(Closure.first_day.desc())).all()
    return render_template("rooms/closures.html", form=form, closures=rows, action_form=ActionForm()), (
        422 if form.errors else 200
    )


@office_required(Role.staff)
def closure_delete(slug: str, closure_id: int) -> ResponseReturnValue:
    closure = closure_or_404(closure_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    perform_or_fail(lambda: db.session.delete(closure), success=_("Schließzeit gelöscht."))
    return redirect(url_for("rooms.closures"))
