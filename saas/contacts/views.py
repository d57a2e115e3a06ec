"""Request handlers of the contact log, statistics and annual report: load → check access → act → commit."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from flask import Response, abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from saas.auth.models import Role
from saas.contacts import operations as ops
from saas.contacts import queries
from saas.contacts.access import chapter_or_404, contact_or_404, render_or_404
from saas.contacts.forms import (
    PERIODS,
    ChapterForm,
    ContactForm,
    CopyChaptersForm,
    DeleteForm,
    ImportForm,
    RenderForm,
    StatisticsForm,
    duration_choices,
)
from saas.contacts.importer import export_contacts, import_contacts
from saas.contacts.models import (
    CHANNELS,
    CONCERNS,
    PLACEMENTS,
    TOPIC_AREAS,
    Contact,
    ReportRender,
    counted_kinds,
    fold_kinds,
    relatives_apart,
)
from saas.contacts.queries import Figures
from saas.contacts.report import LABELS, annual_report, draft_chapter, paragraphs, report_csv, report_view
from saas.core.access import can, office_required
from saas.core.charts import Series, bar_chart, line_chart
from saas.core.errors import perform, perform_or_fail
from saas.core.formatting import format_percent
from saas.core.paging import page_number
from saas.directory.models import Topic

PAGE_SIZE = 50
MAX_RANGE_DAYS = 3700
DEFAULT_CHAPTERS = [
    ("intro", 10, "Arbeitsschwerpunkte"),
    ("intro", 20, "Besondere Vorkommnisse"),
    ("intro", 30, "Rahmenbedingungen und personelle Situation"),
    ("closing", 10, "Veranstaltungen und Fortbildungsangebote"),
    ("closing", 20, "Öffentlichkeitsarbeit"),
    ("closing", 30, "Projekte und Kooperationen"),
    ("closing", 40, "Ausblick"),
]


def _contact_form(contact: Contact | None = None, **kwargs: Any) -> tuple[ContactForm, list[Topic]]:
    topics = queries.topics()
    form = ContactForm(topic_areas={t.id: t.topic_area for t in topics}, **kwargs)
    form.topic.choices = [(0, _("– kein Thema –"))] + [(t.id, t.name) for t in topics]
    sites = queries.sites()
    form.site.choices = [(0, _("– ohne Standort –"))] + [(s.id, s.name) for s in sites]
    # A correction may keep a referral to a group that has ended since.
    named = [r.group_id for r in contact.referrals if r.group_id] if contact is not None else []
    groups = queries.live_groups(also=named)
    form.groups.choices = [(g.id, g.name) for g in groups]
    form.supported_group.choices = [(0, _("– keine –"))] + [(g.id, g.name) for g in groups]
    form.duration.choices = duration_choices()
    # An office that counts relatives among the citizens is not asked for them; a contact recorded as a
    # relative's before it chose so keeps its kind when corrected.
    kinds = counted_kinds(relatives_apart(g.tenant.settings) or (contact is not None and contact.kind == "relative"))
    form.kind.choices = [(code, _(label)) for code, label in kinds.items()]
    if contact is not None:
        minutes = contact.duration_minutes
        if minutes is not None and minutes not in {c[0] for c in form.duration.choices}:  # an odd imported one
            form.duration.choices.append((minutes, f"{minutes} Min."))
        if contact.supported_group_id and contact.supported_group_id not in {g.id for g in groups}:
            form.supported_group.choices.append((contact.supported_group_id, _("(Gruppe beendet)")))
    keep = contact.founding_process_id if contact is not None else None
    form.founding_process.choices = [(0, _("– keiner –"))] + [
        (p.id, p.title) for p in queries.open_founding_processes(also=keep)
    ]
    return form, topics


def _data_from(form: ContactForm) -> ops.ContactData:
    return ops.ContactData(
        day=form.day.data,
        kind=form.kind.data,
        channel=form.channel.data,
        topic_area=form.topic_area.data,
        concern=form.concern.data,
        site_id=form.site.data or None,
        topic_id=form.topic.data or None,
        referrals_to_professionals=form.referrals_to_professionals.data or 0,
        group_ids=list(form.groups.data or []),
        # A medium belongs to written contacts only: a choice left over after switching the channel is dropped.
        medium=(form.medium.data or None) if form.channel.data == "written" else None,
        duration_minutes=form.duration.data if (form.duration.data or 0) >= 0 else None,
        founding_process_id=form.founding_process.data or None,
        supported_group_id=form.supported_group.data or None,
    )


# --- contact log -----------------------------------------------------------------------------------------


@office_required(Role.staff)
def quick_entry(slug: str) -> ResponseReturnValue:
    form, topics = _contact_form()
    if request.method == "GET":
        form.day.data = _arg_date("day") or ops.today()
        if request.args.get("site", type=int) in {c[0] for c in form.site.choices}:
            form.site.data = request.args.get("site", type=int)
        if request.args.get("channel") in CHANNELS:
            form.channel.data = request.args["channel"]
        process = request.args.get("prozess", type=int)
        if process in {c[0] for c in form.founding_process.choices} and process:
            form.founding_process.data, form.concern.data = process, "founding_group"  # a contact of this founding
    if form.validate_on_submit():
        done = perform(
            lambda: ops.record_contact(_data_from(form)),
            success=_("Kontakt gespeichert."),
            field=lambda exc: form.day if isinstance(exc, ops.LockedYear) else form.kind,
        )
        if done.value is not None:
            contact = done.value
            if form.save.data:
                return redirect(url_for("contacts.log", year=contact.day.year))
            return redirect(
                url_for(
                    "contacts.quick_entry",
                    day=contact.day.isoformat(),
                    site=contact.site_id or None,
                    channel=contact.channel,
                )
            )
    status = 400 if request.method == "POST" else 200
    return render_template(
        "contacts/entry.html", form=form, topics=topics, contact=None, editable=ops.editable_years()
    ), status


def _arg_date(name: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None


@office_required(Role.staff)
def edit(slug: str, contact_id: int) -> ResponseReturnValue:
    contact = contact_or_404(contact_id)
    if not ops.is_editable(contact.day):
        abort(403)
    form, topics = _contact_form(contact)
    if request.method == "GET":
        data = ops.contact_data(contact)
        form.kind.data, form.channel.data, form.topic_area.data = data.kind, data.channel, data.topic_area
        form.concern.data, form.day.data = data.concern, data.day
        form.topic.data, form.site.data = data.topic_id or 0, data.site_id or 0
        form.groups.data = data.group_ids
        form.referrals_to_professionals.data = data.referrals_to_professionals
        form.medium.data = data.medium or ""
        form.duration.data = data.duration_minutes if data.duration_minutes is not None else -1
        form.founding_process.data = data.founding_process_id or 0
        form.supported_group.data = data.supported_group_id or 0
    if form.validate_on_submit():
        data = _data_from(form)
        if contact.topic_unmatched and not data.topic_id:  # keep an imported free-text topic unless replaced
            data.topic_label, data.topic_unmatched = contact.topic_label, True
        extra = contact.referrals_to_groups - len([r for r in contact.referrals if r.group_id])
        data.referrals_to_groups = len(set(data.group_ids)) + max(extra, 0)  # imported counts without group links
        if perform(lambda: ops.update_contact(contact, data), success=_("Kontakt korrigiert."), field=form.day):
            return redirect(url_for("contacts.log", year=contact.day.year))
    status = 400 if request.method == "POST" else 200
    return render_template(
        "contacts/entry.html",
        form=form,
        topics=topics,
        contact=contact,
        delete_form=DeleteForm(),
        editable=ops.editable_years(),
    ), status


@office_required(Role.staff)
def delete(slug: str, contact_id: int) -> ResponseReturnValue:
    contact = contact_or_404(contact_id)
    form = DeleteForm()
    if not form.validate_on_submit():
        abort(400)
    year = contact.day.year
    if not perform(lambda: ops.delete_contact(contact), success=_("Kontakt gelöscht."), show=False):
        abort(403)  # ops.LockedYear: the year is closed
    return redirect(url_for("contacts.log", year=year))


@office_required()
def log(slug: str) -> ResponseReturnValue:
    year = request.args.get("year", type=int) or ops.today().year
    if not 1980 <= year <= 2100:
        abort(404)
    page = page_number()
    contacts, total = queries.log_page(year, page, PAGE_SIZE)
    years = queries.years_with_data(year, *ops.editable_years())
    sites = {s.id: s.name for s in queries.sites()}
    imports = queries.recent_imports()
    return render_template(
        "contacts/log.html",
        contacts=contacts,
        year=year,
        years=years,
        page=page,
        total=total,
        pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
        sites=sites,
        labels=LABELS,
        editable=ops.is_editable(dt.date(year, 1, 1)) and can(Role.staff),
        can_staff=can(Role.staff),
        imports=imports,
    )


@office_required(Role.staff)
def import_view(slug: str) -> ResponseReturnValue:
    form = ImportForm()
    errors: list[str] = []
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.read()
        done = perform(
            lambda: import_contacts(
                data, filename=upload.filename or "", force=form.force.data, user_id=current_user.id
            ),
            show=False,
        )
        if not done:
            errors = done.messages
        elif (result := done.value) is not None:
            flash(_("%(n)s Kontakte importiert.", n=result.rows), "success")
            if result.unmatched_topics:
                flash(
                    _(
                        "%(n)s Themen wurden nicht in der Themenliste gefunden und als Freitext markiert: %(t)s",
                        n=sum(result.unmatched_topics.values()),
                        t=", ".join(sorted(result.unmatched_topics)[:20]),
                    ),
                    "warning",
                )
            return redirect(url_for("contacts.log", year=result.years[-1]))
    status = 400 if request.method == "POST" else 200
    return render_template(
        "contacts/import.html", form=form, errors=errors[:200], more=max(len(errors) - 200, 0), columns=LABELS
    ), status


@office_required(Role.staff)
def export(slug: str) -> ResponseReturnValue:
    from saas.audit.operations import record

    year = request.args.get("year", type=int)
    if year is not None:
        _check_year(year)
    body = export_contacts(year)
    perform_or_fail(lambda: record("contact.export", "contact", None, f"Jahr {year}" if year else "alle Jahre"))
    name = f"kontakte-{g.tenant.slug}{'-' + str(year) if year else ''}.csv"
    return Response(
        body, mimetype="text/csv; charset=utf-8", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


# --- statistics -------------------------------------------------------------------------------------------


def _period(form: StatisticsForm) -> queries.Period | None:
    year = form.year.data or ops.today().year
    kind = form.period.data
    if kind == "quarter":
        return queries.Period.quarter(year, form.quarter.data or 1)
    if kind == "month":
        return queries.Period.month(year, form.month.data or 1)
    if kind == "range":
        start, end = form.start.data, form.end.data
        if not start or not end:
            form.start.errors = [*form.start.errors, _("Bitte Anfang und Ende des Zeitraums angeben.")]
            return None
        if end < start:
            form.end.errors = [*form.end.errors, _("Das Ende liegt vor dem Anfang.")]
            return None
        if (end - start).days > MAX_RANGE_DAYS:
            form.end.errors = [*form.end.errors, _("Der Zeitraum darf höchstens zehn Jahre umfassen.")]
            return None
        return queries.Period(start, end, "range")
    return queries.Period.year(year)


@office_required()
def statistics(slug: str) -> ResponseReturnValue:
    form = StatisticsForm(formdata=request.args if request.args else None)
    form.month.choices = [(i + 1, _(name)) for i, name in enumerate(queries.MONTHS)]
    form.year.choices = [(y, str(y)) for y in queries.years_with_data(ops.today().year)]
    sites = queries.sites()
    form.site.choices = [(0, _("alle Standorte"))] + [(s.id, s.name) for s in sites]
    valid = form.validate() if request.args else True
    if form.year.data is None and valid:
        form.year.data = ops.today().year
    if valid and form.year.data not in dict(form.year.choices):
        form.year.choices.append((form.year.data, str(form.year.data)))
    period = _period(form) if valid else None
    if period is None:
        return render_template("contacts/statistics.html", form=form, period=None, periods=PERIODS), 400
    site = form.site.data or None
    if site is not None and site not in {s.id for s in sites}:
        abort(404)
    period = period.up_to(ops.today())
    previous = period.previous()
    cur = queries.figures(period.start, period.end, site)
    prev = queries.figures(previous.start, previous.end, site)
    ctx = _statistics_context(period, previous, cur, prev, site)
    return render_template(
        "contacts/statistics.html",
        form=form,
        period=period,
        previous=previous,
        cur=cur,
        prev=prev,
        periods=PERIODS,
        labels=LABELS,
        **ctx,
    )


def _rows(codes: dict[str, str], cur: dict[str, int], prev: dict[str, int], base: int, prev_base: int) -> list[dict]:
    return [
        {
            "label": _(label),
            "n": cur[c],
            "prev": prev[c],
            "share": queries.share_pct(cur[c], base),
            "prev_share": queries.share_pct(prev[c], prev_base),
            "change": queries.change_pct(cur[c], prev[c]),
        }
        for c, label in codes.items()
    ]


def _statistics_context(
    period: queries.Period, previous: queries.Period, cur: Figures, prev: Figures, site: int | None
) -> dict:
    apart = relatives_apart(g.tenant.settings)
    tables = {
        "kinds": _rows(
            counted_kinds(apart), fold_kinds(cur.by_kind, apart), fold_kinds(prev.by_kind, apart), cur.total, prev.total
        ),
        "channels": _rows(CHANNELS, cur.by_channel, prev.by_channel, cur.total, prev.total),
        "areas": _rows(TOPIC_AREAS, cur.by_area(), prev.by_area(), cur.total, prev.total),
        "citizen_areas": _rows(TOPIC_AREAS, cur.citizen_area, prev.citizen_area, cur.citizen_total, prev.citizen_total),
        "concerns": _rows(CONCERNS, cur.by_concern, prev.by_concern, cur.total, prev.total),
    }
    names = (period.label, previous.label)

    def pair_chart(title: str, key: str) -> object:
        rows = tables[key]
        return bar_chart(
            title,
            [r["label"] for r in rows],
            [Series(names[0], [r["n"] for r in rows]), Series(names[1], [r["prev"] for r in rows])],
        )

    charts = {
        "kinds": pair_chart(_("Kontakte nach Art"), "kinds"),
        "channels": pair_chart(_("Kontakte nach Weg"), "channels"),
        "citizen_areas": bar_chart(
            _("Anfragen von Bürger*innen und Angehörigen nach Themenbereich (Anteil)"),
            [r["label"] for r in tables["citizen_areas"]],
            [
                Series(names[0], [r["share"] for r in tables["citizen_areas"]]),
                Series(names[1], [r["prev_share"] for r in tables["citizen_areas"]]),
            ],
            unit="%",
        ),
        "concerns": pair_chart(_("Kontakte nach Anliegen"), "concerns"),
    }
    months = queries.monthly_totals(period.start, period.end, site)
    month_keys = _month_keys(period.start, period.end)
    if len(month_keys) > 1:
        charts["trend"] = line_chart(
            _("Kontakte je Monat"),
            [f"{_(queries.MONTHS[m - 1])[:3]} {str(y)[2:]}" for y, m in month_keys],
            [Series(_("Kontakte"), [months.get(k, 0) for k in month_keys])],
        )
    return {
        "tables": tables,
        "charts": charts,
        "topics": cur.topics(),
        "by_group": queries.referrals_by_group(period.start, period.end) if site is None else [],
        "lifecycle": queries.group_lifecycle(period.start, period.end),
        "prev_lifecycle": queries.group_lifecycle(previous.start, previous.end),
        "change_of": queries.change_pct,
        "pct": format_percent,
    }


def _month_keys(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    keys: list[tuple[int, int]] = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month) and len(keys) < 132:
        keys.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return keys


# --- annual report ----------------------------------------------------------------------------------------


def _check_year(year: int) -> None:
    if not 1980 <= year <= 2100:
        abort(404)


@office_required()
def report_index(slug: str) -> ResponseReturnValue:
    year = request.args.get("year", type=int) or ops.today().year - 1
    _check_year(year)
    return redirect(url_for("contacts.report", year=year))


@office_required()
def report(slug: str, year: int) -> ResponseReturnValue:
    _check_year(year)
    view = report_view(g.tenant, year)
    renders = queries.recent_renders(year)
    return render_template(
        "contacts/report.html",
        view=view,
        paragraphs=paragraphs,
        labels=LABELS,
        render_form=RenderForm(),
        renders=renders,
        years=queries.years_with_data(year),
        can_staff=can(Role.staff),
    )


@office_required()
def report_json(slug: str, year: int) -> ResponseReturnValue:
    _check_year(year)
    body = json.dumps(annual_report(g.tenant, year), ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="jahresbericht-{g.tenant.slug}-{year}.json"'},
    )


@office_required()
def report_csv_view(slug: str, year: int) -> ResponseReturnValue:
    _check_year(year)
    return Response(
        report_csv(annual_report(g.tenant, year)),
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="jahresbericht-{g.tenant.slug}-{year}.csv"'},
    )


@office_required(Role.staff)
def render_start(slug: str, year: int) -> ResponseReturnValue:
    _check_year(year)
    if not RenderForm().validate_on_submit():
        abort(400)
    render = perform_or_fail(lambda: ops.start_report_render(g.tenant.id, year))
    return redirect(url_for("contacts.render_status_page", year=year, render_id=render.id))


def _render_state(render: ReportRender, year: int) -> dict:
    labels = {
        "queued": _("in der Warteschlange"),
        "running": _("wird erstellt"),
        "done": _("fertig"),
        "failed": _("fehlgeschlagen"),
    }
    return {
        "state": render.state,
        "label": labels.get(render.state, render.state),
        "progress": render.progress,
        "error": render.error,
        "download": url_for("contacts.render_download", year=year, render_id=render.id)
        if render.state == "done"
        else None,
    }


@office_required()
def render_status_page(slug: str, year: int, render_id: int) -> ResponseReturnValue:
    render = render_or_404(render_id, year)
    return render_template(
        "contacts/render.html", render=render, year=year, status=_render_state(render, year), render_form=RenderForm()
    )


@office_required()
def render_status(slug: str, year: int, render_id: int) -> ResponseReturnValue:
    render = render_or_404(render_id, year)
    return jsonify(_render_state(render, year))


@office_required()
def render_download(slug: str, year: int, render_id: int) -> ResponseReturnValue:
    render = render_or_404(render_id, year)
    if render.state != "done" or not render.pdf:
        abort(404)
    return Response(
        render.pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="jahresbericht-{g.tenant.slug}-{year}.pdf"'},
    )


# --- narrative chapters ----------------------------------------------------------------------------------


@office_required(Role.staff)
def chapters(slug: str, year: int) -> ResponseReturnValue:
    _check_year(year)
    form = ChapterForm()
    if form.validate_on_submit():
        perform_or_fail(
            lambda: ops.add_chapter(
                g.tenant.id,
                year,
                title=form.title.data,
                placement=form.placement.data,
                position=form.position.data,
                body=form.body.data or "",
            ),
            success=_("Kapitel angelegt."),
        )
        return redirect(url_for("contacts.chapters", year=year))
    items = queries.chapters(year)
    status = 400 if request.method == "POST" else 200
    return render_template(
        "contacts/chapters.html",
        form=form,
        chapters=items,
        year=year,
        placements=PLACEMENTS,
        copy_form=CopyChaptersForm(),
        delete_form=DeleteForm(),
    ), status


@office_required(Role.staff)
def chapters_template(slug: str, year: int) -> ResponseReturnValue:
    """Create this year's chapters (last year's headings or the usual ones), each with a draft from the figures."""
    _check_year(year)
    if not CopyChaptersForm().validate_on_submit():
        abort(400)
    data = annual_report(g.tenant, year)
    draft = lambda title: draft_chapter(title, data, g.tenant)  # noqa: E731 - a first draft from the figures
    if not perform_or_fail(lambda: ops.start_chapters(g.tenant.id, year, DEFAULT_CHAPTERS, draft)):
        flash(_("Für dieses Jahr gibt es schon Kapitel."), "warning")
        return redirect(url_for("contacts.chapters", year=year))
    flash(_("Kapitel angelegt."), "success")
    return redirect(url_for("contacts.chapters", year=year))


@office_required(Role.staff)
def chapter_edit(slug: str, year: int, chapter_id: int) -> ResponseReturnValue:
    chapter = chapter_or_404(chapter_id, year)
    form = ChapterForm(obj=chapter)
    if form.validate_on_submit():
        perform_or_fail(
            lambda: ops.update_chapter(
                chapter,
                title=form.title.data,
                placement=form.placement.data,
                position=form.position.data,
                body=form.body.data or "",
            ),
            success=_("Kapitel gespeichert."),
        )
        return redirect(url_for("contacts.chapters", year=year))
    status = 400 if request.method == "POST" else 200
    return render_template("contacts/chapter_edit.html", form=form, chapter=chapter, year=year), status


@office_required(Role.staff)
def chapter_delete(slug: str, year: int, chapter_id: int) -> ResponseReturnValue:
    chapter = chapter_or_404(chapter_id, year)
    if not DeleteForm().validate_on_submit():
        abort(400)
    perform_or_fail(lambda: ops.delete_chapter(chapter), success=_("Kapitel gelöscht."))
    return redirect(url_for("contacts.chapters", year=year))
