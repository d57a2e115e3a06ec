"""Staff pages of the directory (``/<slug>/intern/…``): load → check access → act → commit."""

from __future__ import annotations

from flask import Response, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from saas.auth.models import Role
from saas.core import timeutil
from saas.core.access import can, office_required
from saas.core.errors import perform, perform_or_fail
from saas.directory import operations as ops
from saas.directory import queries
from saas.directory.access import group_or_404, inquiry_or_404, topic_or_404
from saas.directory.forms import ActionForm, GroupForm, ImportForm, StatusForm, TopicForm
from saas.directory.groups_csv import export_groups, import_groups
from saas.directory.models import (
    GROUP_STATUSES,
    STATUS_TRANSITIONS,
    TOPIC_AREAS,
    VISIBILITIES,
    Group,
    GroupInquiry,
    Topic,
)
from saas.directory.rhythm import format_rhythm
from saas.extensions import db
from tenants.models import Site

PER_PAGE = 25


def _int_arg(name: str) -> int | None:
    value = request.args.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else None


def _page() -> int:
    return max(1, min(_int_arg("page") or 1, 10_000))


def _sites() -> list[Site]:
    return list(db.session.scalars(select(Site).order_by(Site.position, Site.id)))


def _topics() -> list[Topic]:
    return list(db.session.scalars(select(Topic).order_by(func.lower(Topic.name))))


# --- groups ------------------------------------------------------------------------------------------


@office_required()
def group_list(slug: str) -> ResponseReturnValue:
    f = queries.GroupFilter(
        q=request.args.get("q", "")[:100],
        status=request.args.get("status", "") if request.args.get("status") in GROUP_STATUSES else "",
        topic_area=request.args.get("topic_area", "") if request.args.get("topic_area") in TOPIC_AREAS else "",
        topic_id=_int_arg("topic"),
        site_id=_int_arg("site"),
        visibility=request.args.get("visibility", "") if request.args.get("visibility") in VISIBILITIES else "",
        welcome=request.args.get("welcome", "") if request.args.get("welcome") in ("yes", "no") else "",
        stale=request.args.get("stale") == "1",
        sort=request.args.get("sort", "name") if request.args.get("sort") in queries.SORTS else "name",
    )
    stmt = queries.staff_group_query(f)
    total = queries.count(stmt)
    page = _page()
    groups = db.session.scalars(stmt.offset((page - 1) * PER_PAGE).limit(PER_PAGE)).all()
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template(
        "directory/staff_list.html",
        groups=groups,
        total=total,
        page=page,
        pages=max(1, -(-total // PER_PAGE)),
        filt=f,
        args=args,
        sites=_sites(),
        topics=_topics(),
        statuses=GROUP_STATUSES,
        areas=TOPIC_AREAS,
        visibilities=VISIBILITIES,
        sorts={
            "name": _("Name A–Z"),
            "-name": _("Name Z–A"),
            "status": _("Status"),
            "updated": _("zuletzt geändert"),
            "confirmed": _("am längsten unbestätigt"),
        },
        is_stale=queries.is_stale,
        can_edit=can(Role.staff),
        open_inquiries=queries.open_inquiries_count() if can(Role.staff) else 0,
    )


def _group_form(group: Group | None = None) -> GroupForm:
    form = GroupForm()
    form.topics.choices = [(t.id, t.name) for t in _topics()]
    form.site_id.choices = [(0, "—"), *[(s.id, s.name) for s in _sites()]]
    if group is not None and request.method == "GET":
        form.fill_from(group)
    return form


def _selected_topics(form: GroupForm) -> list[Topic]:
    wanted = set(form.topics.data or [])
    return [t for t in _topics() if t.id in wanted]


def _valid_site(form: GroupForm) -> bool:
    if form.site_id.data and form.site_id.data not in {s.id for s in _sites()}:
        form.site_id.errors = [*form.site_id.errors, _("Unbekannter Standort.")]
        return False
    return True


@office_required(Role.staff)
def group_new(slug: str) -> ResponseReturnValue:
    form = _group_form()
    if form.validate_on_submit() and _valid_site(form):
        group = perform_or_fail(
            lambda: ops.create_group(
                form.group_data(_selected_topics(form)),
                acting_user=current_user,
                status=form.status.data,
                since=form.since.data,
            ),
            success=_("Die Gruppe wurde angelegt."),
        )
        return redirect(url_for("directory.group_detail", group_id=group.id))
    return render_template("directory/staff_form.html", form=form, group=None), 400 if form.errors else 200


@office_required()
def group_detail(slug: str, group_id: int) -> ResponseReturnValue:
    group = group_or_404(group_id)
    status_form = StatusForm(formdata=None, changed_on=timeutil.today())
    status_form.status.choices = [(s, _(GROUP_STATUSES[s])) for s in STATUS_TRANSITIONS.get(group.status, ())]
    return render_template(
        "directory/staff_detail.html",
        group=group,
        rhythm=format_rhythm(group.rhythm, group.weekday, group.nth_weekday, group.time_start, group.time_end),
        status_form=status_form,
        action_form=ActionForm(),
        stale=queries.is_stale(group),
        can_edit=can(Role.staff),
        inquiries=db.session.scalars(
            select(GroupInquiry).where(GroupInquiry.group_id == group.id).order_by(GroupInquiry.created_at.desc())
        ).all()
        if can(Role.staff)
        else [],
    )


@office_required(Role.staff)
def group_edit(slug: str, group_id: int) -> ResponseReturnValue:
    group = group_or_404(group_id)
    form = _group_form(group)
    del form.status, form.since  # the lifecycle changes through the status form only
    if form.validate_on_submit() and _valid_site(form):
        perform_or_fail(
            lambda: ops.update_group(group, form.group_data(_selected_topics(form)), acting_user=current_user),
            success=_("Die Änderungen wurden gespeichert."),
        )
        return redirect(url_for("directory.group_detail", group_id=group.id))
    return render_template("directory/staff_form.html", form=form, group=group), 400 if form.errors else 200


@office_required(Role.staff)
def group_status(slug: str, group_id: int) -> ResponseReturnValue:
    group = group_or_404(group_id)
    form = StatusForm()
    form.status.choices = [(s, _(GROUP_STATUSES[s])) for s in STATUS_TRANSITIONS.get(group.status, ())]
    if not form.validate_on_submit():
        flash(_("Bitte einen erlaubten Status und ein Datum angeben."), "error")
        return redirect(url_for("directory.group_detail", group_id=group.id)), 303
    if form.changed_on.data > timeutil.today():
        flash(_("Das Datum darf nicht in der Zukunft liegen."), "error")
        return redirect(url_for("directory.group_detail", group_id=group.id)), 303
    done = perform(
        lambda: ops.change_status(
            group, form.status.data, acting_user=current_user, on=form.changed_on.data, note=form.note.data or ""
        ),
        success=_("Der Status wurde geändert."),
    )
    if not done:
        return redirect(url_for("directory.group_detail", group_id=group_id)), 303
    if form.status.data in ("dissolved", "abandoned"):
        from saas.rooms.operations import future_bookings_for_group

        if future_bookings_for_group(group.id):
            # A group that has ended keeps no rooms: the next step confirms ending its future bookings.
            return redirect(url_for("rooms.group_end_bookings", group_id=group.id)), 303
    return redirect(url_for("directory.group_detail", group_id=group.id)), 303


@office_required(Role.staff)
def group_delete(slug: str, group_id: int) -> ResponseReturnValue:
    group = group_or_404(group_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    perform_or_fail(lambda: ops.delete_group(group), success=_("Der Eintrag wurde gelöscht."))
    return redirect(url_for("directory.group_list")), 303


@office_required(Role.staff)
def group_send_confirmation(slug: str, group_id: int) -> ResponseReturnValue:
    group = group_or_404(group_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if perform_or_fail(lambda: ops.send_confirmation_request(group, g.tenant.slug)):
        flash(_("Die Bitte um Bestätigung wurde verschickt."), "success")
    else:
        flash(_("Für diese Gruppe ist keine E-Mail-Adresse einer Ansprechperson hinterlegt."), "error")
    return redirect(url_for("directory.group_detail", group_id=group.id)), 303


@office_required(Role.staff)
def group_correction_done(slug: str, group_id: int) -> ResponseReturnValue:
    group = group_or_404(group_id)
    if not ActionForm().validate_on_submit():
        abort(400)

    def correction_done() -> None:
        group.correction_request = ""

    perform_or_fail(correction_done)
    return redirect(url_for("directory.group_detail", group_id=group.id)), 303


@office_required()
def group_export(slug: str) -> ResponseReturnValue:
    from saas.audit.operations import record

    body = export_groups()  # holds contact persons' data: who exported it is logged
    perform_or_fail(lambda: record("group.export", "group", None, "CSV"))
    filename = f"gruppen-{g.tenant.slug}-{timeutil.today().isoformat()}.csv"
    return Response(
        body,
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@office_required(Role.staff)
def group_import(slug: str) -> ResponseReturnValue:
    form = ImportForm()
    errors: list[str] = []
    if form.validate_on_submit():
        data = form.file.data.read(current_app.config.get("MAX_CONTENT_LENGTH") or 20 * 1024 * 1024 + 1)
        done = perform(lambda: import_groups(data, acting_user=current_user, force=bool(form.force.data)), show=False)
        if not done:
            errors = done.messages
        elif (count := done.value) is not None:
            flash(_("%(count)s Gruppen wurden importiert.", count=count), "success")
            return redirect(url_for("directory.group_list")), 303
    status = 400 if errors or form.errors else 200
    return render_template(
        "directory/staff_import.html", form=form, errors=errors[:200], more=len(errors) - 200
    ), status


@office_required(Role.admin)
def widget(slug: str) -> ResponseReturnValue:
    base = current_app.config["BASE_URL"]
    return render_template(
        "directory/staff_widget.html",
        embed_url=base + url_for("directory.embed", slug=slug),
        search_url=base + url_for("directory.public_search", slug=slug),
        api_url=base + url_for("api.groups", slug=slug),
    )


# --- topics ------------------------------------------------------------------------------------------


@office_required()
def topic_list(slug: str) -> ResponseReturnValue:
    counts = dict(
        db.session.execute(
            select(Topic.id, func.count(Group.id)).join(Topic.groups, isouter=True).group_by(Topic.id)
        ).all()
    )
    return render_template(
        "directory/staff_topics.html", topics=_topics(), counts=counts, can_edit=can(Role.staff), form=ActionForm()
    )


@office_required(Role.staff)
def topic_edit(slug: str, topic_id: int | None = None) -> ResponseReturnValue:
    topic = topic_or_404(topic_id) if topic_id is not None else None
    form = TopicForm(obj=topic)
    if form.validate_on_submit():
        existing = ops.find_topic(form.name.data)
        if existing is not None and existing is not topic:
            form.name.errors = [*form.name.errors, _("Dieses Thema gibt es schon.")]
        else:
            perform_or_fail(
                lambda: ops.save_topic(
                    topic,
                    name=form.name.data,
                    topic_area=form.topic_area.data,
                    search_words=form.search_words.data or "",
                    relatives=bool(form.relatives.data),
                ),
                success=_("Das Thema wurde gespeichert."),
            )
            return redirect(url_for("directory.topic_list")), 303
    return render_template("directory/staff_topic_form.html", form=form, topic=topic), 400 if form.errors else 200


@office_required(Role.staff)
def topic_delete(slug: str, topic_id: int) -> ResponseReturnValue:
    topic = topic_or_404(topic_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    perform(
        lambda: ops.delete_topic(topic),
        success=_("Das Thema wurde gelöscht."),
        refuse={ValueError: _("Das Thema ist noch Gruppen zugeordnet und kann nicht gelöscht werden.")},
    )
    return redirect(url_for("directory.topic_list")), 303


# --- inquiries ---------------------------------------------------------------------------------------


@office_required(Role.staff)
def inquiry_list(slug: str) -> ResponseReturnValue:
    state = request.args.get("state", "open")
    stmt = select(GroupInquiry).options(selectinload(GroupInquiry.group)).order_by(GroupInquiry.created_at.desc())
    if state in ("open", "forwarded", "closed"):
        stmt = stmt.where(GroupInquiry.state == state)
    return render_template("directory/staff_inquiries.html", inquiries=db.session.scalars(stmt).all(), state=state)


@office_required(Role.staff)
def inquiry_detail(slug: str, inquiry_id: int) -> ResponseReturnValue:
    inquiry = inquiry_or_404(inquiry_id)
    return render_template("directory/staff_inquiry.html", inquiry=inquiry, form=ActionForm())


@office_required(Role.staff)
def inquiry_action(slug: str, inquiry_id: int, action: str) -> ResponseReturnValue:
    inquiry = inquiry_or_404(inquiry_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if action in ("forward", "referred"):
        if inquiry.state != "open":
            flash(_("Diese Anfrage ist nicht mehr offen."), "error")
            return redirect(url_for("directory.inquiry_detail", inquiry_id=inquiry.id)), 303
        perform(
            lambda: ops.forward_inquiry(inquiry, acting_user=current_user, send_mail=action == "forward"),
            success=_("Die Anfrage wurde an die Gruppe vermittelt."),
            refuse={ValueError: _("Weiterleiten nicht möglich: keine E-Mail-Adresse der Ansprechperson hinterlegt.")},
        )
    elif action == "close":
        perform_or_fail(
            lambda: ops.close_inquiry(inquiry),
            success=_("Die Anfrage wurde abgeschlossen; sie wird nach 90 Tagen gelöscht."),
        )
    else:
        abort(404)
    return redirect(url_for("directory.inquiry_detail", inquiry_id=inquiry.id)), 303


# --- demand, neighbouring offices ------------------------------------------------------------------------


@office_required(Role.staff)
def demand(slug: str) -> ResponseReturnValue:
    """What people looked for and did not find: founding interest and repeated searches without result."""
    from saas.directory.models import GroupInterest

    interests = db.session.scalars(select(GroupInterest).order_by(GroupInterest.created_at.desc())).all()
    return render_template(
        "directory/staff_demand.html",
        interests=interests,
        misses=ops.demand_terms(),
        threshold=ops.MISS_VISIBLE_FROM,
    )


@office_required()
def neighbours(slug: str) -> ResponseReturnValue:
    """Search the public directories of neighbouring offices (same association, taking part in its
    regional finder) to refer someone across the border."""
    from saas.directory import finder, regional

    q = request.args.get("q", "")[:200]
    associations = regional.neighbour_offices()
    offices = list({o.id: o for _a, found in associations for o in found}.values())
    offices.sort(key=lambda o: o.name)
    filters = finder.parse(request.args, strict=False)
    results = regional.search_offices(q, offices, filters) if q and offices else []
    return render_template(
        "directory/staff_neighbours.html",
        q=q,
        associations=associations,
        offices=offices,
        results=results,
        total=sum(r.total for r in results),
    )
