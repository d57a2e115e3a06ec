"""Staff pages: subscribers (list, consent proof, import, export, erasure), issues (compose, preview,
test, schedule, send, progress, report) and settings. Views load → check access → act → commit."""

from __future__ import annotations

import datetime as dt

from flask import Response, flash, g, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from saas.auth.models import Role
from saas.core import timeutil
from saas.core.access import can, office_required
from saas.core.csvio import MAX_CSV_BYTES, write_csv
from saas.core.errors import perform, perform_or_fail
from saas.core.paging import page_number
from saas.core.timeutil import OFFICE_TZ
from saas.extensions import db
from saas.newsletter import issue_operations as issue_ops
from saas.newsletter import operations as ops
from saas.newsletter import queries
from saas.newsletter.access import issue_or_404, subscriber_or_404
from saas.newsletter.blocks import available_blocks
from saas.newsletter.forms import ActionForm, ErasureForm, ImportForm, IssueForm, ScheduleForm, SettingsForm
from saas.newsletter.models import Bounce, Issue, IssueStatus, SubscriberStatus


@office_required(Role.readonly)
def index(slug: str) -> ResponseReturnValue:
    return render_template(
        "newsletter/staff/index.html", issues=queries.issues(), counts=queries.status_counts(), can_edit=can(Role.staff)
    )


@office_required(Role.readonly)
def subscribers(slug: str) -> ResponseReturnValue:
    q = request.args.get("q", "")[:100]
    status = request.args.get("status", "")
    page = page_number()
    rows, total = queries.search_subscribers(q, status, page)
    return render_template(
        "newsletter/staff/subscribers.html",
        rows=rows,
        total=total,
        q=q,
        status=status,
        page=page,
        per_page=queries.PER_PAGE,
        statuses=[s for s in SubscriberStatus if s.value not in ("unsubscribed", "erased")],
        counts=queries.status_counts(),
        can_edit=can(Role.staff),
    )


@office_required(Role.readonly)
def subscriber_detail(slug: str, subscriber_id: int) -> ResponseReturnValue:
    subscriber = subscriber_or_404(subscriber_id)
    bounce_rows = db.session.scalars(
        select(Bounce).where(Bounce.subscriber_id == subscriber.id).order_by(Bounce.received_at.desc())
    ).all()
    return render_template(
        "newsletter/staff/subscriber.html",
        s=subscriber,
        bounces=bounce_rows,
        erase_form=ErasureForm(email=subscriber.email),
        can_edit=can(Role.staff),
    )


@office_required(Role.staff)
def subscribers_import(slug: str) -> ResponseReturnValue:
    form = ImportForm()
    errors: list[str] = []
    if form.validate_on_submit():
        data = form.file.data.read(MAX_CSV_BYTES + 1)
        done = perform(lambda: ops.import_subscribers(g.tenant, data), show=False)
        if not done:
            errors = done.messages
        elif (result := done.value) is not None:
            flash(
                _(
                    "Import abgeschlossen: %(c)s angemeldet (mit Einwilligung), %(i)s Bestätigungs-E-Mails "
                    "versandt, %(e)s bereits vorhanden, %(s)s auf der Sperrliste übersprungen.",
                    c=result.confirmed,
                    i=result.invited,
                    e=result.skipped_existing,
                    s=result.skipped_suppressed,
                ),
                "success",
            )
            return redirect(url_for("newsletter.subscribers", slug=slug))
    return render_template("newsletter/staff/import.html", form=form, errors=errors), (400 if errors else 200)


@office_required(Role.staff)
def subscribers_export(slug: str) -> ResponseReturnValue:
    body = write_csv(ops.EXPORT_COLUMNS, ops.export_rows())
    stamp = timeutil.today().isoformat()
    return Response(
        body.encode("utf-8"),
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="newsletter-{slug}-{stamp}.csv"'},
    )


@office_required(Role.staff)
def erasure(slug: str) -> ResponseReturnValue:
    form = ErasureForm()
    if form.validate_on_submit():
        done = perform(
            lambda: ops.erase(form.email.data, keep_suppression=not form.from_suppression.data),
            field=form.email,  # ops.NewsletterError
        )
        if (result := done.value) is not None:
            parts = []
            parts.append(
                _("Die Daten der Person wurden gelöscht.")
                if result.subscriber_erased
                else _("Zu dieser Adresse gibt es keine Abonnementdaten.")
            )
            if form.from_suppression.data:
                parts.append(
                    _("Der Eintrag in der Sperrliste wurde gelöscht.")
                    if result.suppression_removed
                    else _("Die Adresse stand nicht auf der Sperrliste.")
                )
            flash(" ".join(parts), "success")
            return redirect(url_for("newsletter.erasure", slug=slug))
    return render_template("newsletter/staff/erasure.html", form=form)


# --- issues ----------------------------------------------------------------------------------------


def _issue_form(**kwargs: object) -> IssueForm:
    form = IssueForm(**kwargs)
    form.blocks.choices = [(b.key, _(b.label)) for b in available_blocks()]
    return form


@office_required(Role.staff)
def issue_new(slug: str) -> ResponseReturnValue:
    form = _issue_form()
    if form.validate_on_submit() and not _wants_preview():
        issue = perform_or_fail(
            lambda: issue_ops.create_issue(
                g.tenant, form.subject.data, form.body_md.data or "", form.blocks.data, user_id=current_user.id
            ),
            success=_("Entwurf gespeichert."),
        )
        return redirect(url_for("newsletter.issue_detail", slug=slug, issue_id=issue.id))
    return render_template("newsletter/staff/issue_form.html", form=form, issue=None, preview=_form_preview(form))


def _wants_preview() -> bool:
    return request.form.get("action") == "preview"


def _form_preview(form: IssueForm, issue: Issue | None = None) -> str:
    """The body as it would be sent now, rendered on the server beside the editor: the saved draft on
    the first view, the typed text after "Vorschau aktualisieren" (nothing is saved for that)."""
    if request.method == "GET" and issue is None:
        return ""
    draft = Issue(
        subject=" ".join((form.subject.data or "").split()),  # a preview only: a refused line break is blanked
        body_md=form.body_md.data or "",
        blocks=list(form.blocks.data or []),
        status=IssueStatus.draft,
    )
    html, _text = issue_ops.preview(g.tenant, draft)
    return html


@office_required(Role.staff)
def issue_edit(slug: str, issue_id: int) -> ResponseReturnValue:
    issue = issue_or_404(issue_id)
    if issue.status != IssueStatus.draft:
        flash(_("Nur Entwürfe können bearbeitet werden."), "error")
        return redirect(url_for("newsletter.issue_detail", slug=slug, issue_id=issue.id))
    form = _issue_form(obj=issue) if request.method == "GET" else _issue_form()
    if form.validate_on_submit() and not _wants_preview():
        perform_or_fail(
            lambda: issue_ops.update_issue(issue, form.subject.data, form.body_md.data or "", form.blocks.data),
            success=_("Entwurf gespeichert."),
        )
        return redirect(url_for("newsletter.issue_detail", slug=slug, issue_id=issue.id))
    preview = _form_preview(form, issue)
    return render_template("newsletter/staff/issue_form.html", form=form, issue=issue, preview=preview)


@office_required(Role.readonly)
def issue_detail(slug: str, issue_id: int) -> ResponseReturnValue:
    issue = issue_or_404(issue_id)
    progress = queries.progress(issue)
    failed = queries.failed_deliveries(issue) if issue.status == IssueStatus.sent else []
    return render_template(
        "newsletter/staff/issue.html",
        issue=issue,
        progress=progress,
        failed=failed,
        action=ActionForm(),
        schedule_form=ScheduleForm(),
        can_edit=can(Role.staff),
        confirmed=queries.confirmed_count(),
        refresh=issue.status in (IssueStatus.queued, IssueStatus.sending),
        blocks={b.key: b.label for b in available_blocks()},
    )


@office_required(Role.readonly)
def issue_progress(slug: str, issue_id: int) -> ResponseReturnValue:
    issue = issue_or_404(issue_id)
    return jsonify(queries.progress(issue).as_dict())


@office_required(Role.readonly)
def issue_preview(slug: str, issue_id: int) -> ResponseReturnValue:
    issue = issue_or_404(issue_id)
    body_html, _body_text = issue_ops.preview(g.tenant, issue)
    _doc, text = issue_ops.preview_document(g.tenant, issue)
    return render_template("newsletter/staff/preview.html", issue=issue, body_html=body_html, text=text)


@office_required(Role.readonly)
def issue_preview_mail(slug: str, issue_id: int) -> ResponseReturnValue:
    """The HTML mail exactly as sent, as its own document in a sandbox (no scripts, no forms)."""
    issue = issue_or_404(issue_id)
    html, _text = issue_ops.preview_document(g.tenant, issue)
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = (
        "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'"
    )
    return response


def _action(issue_id: int) -> tuple[Issue, ActionForm | None]:
    issue = issue_or_404(issue_id)
    form = ActionForm()
    if not form.validate_on_submit():
        flash(_("Das Formular ist abgelaufen. Bitte versuchen Sie es erneut."), "error")
        return issue, None
    return issue, form


@office_required(Role.staff)
def issue_test(slug: str, issue_id: int) -> ResponseReturnValue:
    issue, ok = _action(issue_id)
    if ok:
        perform_or_fail(
            lambda: issue_ops.send_test(g.tenant, issue, current_user.email),
            success=_("Test-E-Mail an %(email)s versandt.", email=current_user.email),
        )
    return redirect(url_for("newsletter.issue_detail", slug=slug, issue_id=issue.id))


@office_required(Role.staff)
def issue_send(slug: str, issue_id: int) -> ResponseReturnValue:
    issue, ok = _action(issue_id)
    if ok:
        perform(lambda: issue_ops.queue_issue(g.tenant, issue), success=_("Der Versand wurde gestartet."))
    return redirect(url_for("newsletter.issue_detail", slug=slug, issue_id=issue_id))


@office_required(Role.staff)
def issue_schedule(slug: str, issue_id: int) -> ResponseReturnValue:
    issue = issue_or_404(issue_id)
    form = ScheduleForm()
    if form.validate_on_submit():
        at = form.at.data.replace(tzinfo=OFFICE_TZ).astimezone(dt.UTC)
        perform(lambda: issue_ops.queue_issue(g.tenant, issue, at), success=_("Der Versand ist geplant."))
    else:
        flash(_("Bitte geben Sie Datum und Uhrzeit an."), "error")
    return redirect(url_for("newsletter.issue_detail", slug=slug, issue_id=issue.id))


@office_required(Role.staff)
def issue_unschedule(slug: str, issue_id: int) -> ResponseReturnValue:
    issue, ok = _action(issue_id)
    if ok:
        perform(
            lambda: issue_ops.cancel_schedule(issue),
            success=_("Die Planung wurde aufgehoben; die Ausgabe ist wieder ein Entwurf."),
        )
    return redirect(url_for("newsletter.issue_detail", slug=slug, issue_id=issue_id))


# --- settings --------------------------------------------------------------------------------------


@office_required(Role.admin)
def settings(slug: str) -> ResponseReturnValue:
    current = perform_or_fail(lambda: ops.get_settings(g.tenant))
    form = SettingsForm(obj=current)
    if form.validate_on_submit():
        perform_or_fail(
            lambda: ops.update_settings(
                current,
                consent_text=form.consent_text.data.strip(),
                welcome_subject=form.welcome_subject.data.strip(),
                welcome_body=form.welcome_body.data,
                rate_per_second=float(form.rate_per_second.data),
            ),
            success=_("Einstellungen gespeichert."),
        )
        return redirect(url_for("newsletter.settings", slug=slug))
    inbound_url = url_for("newsletter.inbound", slug=slug, _external=True)
    return render_template(
        "newsletter/staff/settings.html",
        form=form,
        action=ActionForm(),
        settings=current,
        inbound_url=inbound_url,
        new_token=None,
    )


@office_required(Role.admin)
def bounce_token(slug: str) -> ResponseReturnValue:
    current = ops.get_settings(g.tenant)
    form = ActionForm()
    if not form.validate_on_submit():
        return redirect(url_for("newsletter.settings", slug=slug))
    token = perform_or_fail(lambda: ops.set_bounce_token(current))
    inbound_url = url_for("newsletter.inbound", slug=slug, _external=True)
    return render_template(
        "newsletter/staff/settings.html",
        form=SettingsForm(obj=current),
        action=ActionForm(),
        settings=current,
        inbound_url=inbound_url,
        new_token=token,
    )
