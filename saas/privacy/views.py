"""Data-subject rights and retention, for the office's admins."""

from __future__ import annotations

from flask import Response, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from saas.auth.models import Role
from saas.core import timeutil
from saas.core.access import office_required
from saas.core.errors import perform_or_fail
from saas.privacy import operations as ops
from saas.privacy.forms import EraseForm, ExportForm, PersonForm, retention_form_class
from saas.privacy.retention import KEPT_WHILE_NEEDED, RULES, retention_days, set_retention

ADJUSTABLE = [rule for rule in RULES if rule.key != "auth_events"]


@office_required(Role.admin)
def person(slug: str) -> ResponseReturnValue:
    form = PersonForm(request.args)
    findings = None
    if request.args and form.validate():
        findings = ops.find_person(form.email.data or "", form.name.data or "")
    return render_template(
        "privacy/person.html", form=form, findings=findings, export_form=ExportForm(), erase_form=EraseForm()
    )


@office_required(Role.admin)
def export(slug: str) -> ResponseReturnValue:
    form = ExportForm()
    if not form.validate_on_submit() or not (form.email.data or form.name.data):
        flash(_("Bitte geben Sie eine E-Mail-Adresse oder einen Namen an."), "error")
        return redirect(url_for("privacy.person"))
    document, _count = perform_or_fail(lambda: ops.export_person(g.tenant, form.email.data or "", form.name.data or ""))
    filename = f"auskunft-{g.tenant.slug}-{timeutil.today().isoformat()}.json"
    return Response(
        document,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


@office_required(Role.admin)
def erase(slug: str) -> ResponseReturnValue:
    form = EraseForm()
    if not form.validate_on_submit() or not (form.email.data or form.name.data):
        flash(_("Nicht gelöscht: bitte die Löschung ausdrücklich bestätigen."), "error")
        return redirect(url_for("privacy.person", email=form.email.data or "", name=form.name.data or ""))
    count = perform_or_fail(
        lambda: ops.erase_person(
            form.email.data or "", form.name.data or "", keep_suppression=form.keep_suppression.data
        )
    )
    flash(_("%(n)s Datensätze gelöscht.", n=count), "success")
    return redirect(url_for("privacy.person"))


@office_required(Role.readonly)
def retention(slug: str) -> ResponseReturnValue:
    from saas.core.access import can

    form_class = retention_form_class(ADJUSTABLE)
    form = form_class(data={rule.key: retention_days(rule.key, g.tenant) for rule in ADJUSTABLE})
    if request.method == "POST":
        if not can(Role.admin):
            from flask import abort

            abort(403)
        form = form_class()
        if form.validate_on_submit():

            def save_periods() -> None:
                set_retention(g.tenant, {rule.key: getattr(form, rule.key).data for rule in ADJUSTABLE})
                from saas.audit.operations import record

                record("office.update", "tenant", g.tenant.id, "Aufbewahrungsfristen")
                from saas.legal.operations import record_privacy_notice

                record_privacy_notice(g.tenant)  # the notice names these periods: a new dated version

            perform_or_fail(save_periods, success=_("Die Aufbewahrungsfristen sind gespeichert."))
            return redirect(url_for("privacy.retention"))
    rows = [(rule, retention_days(rule.key, g.tenant)) for rule in RULES]
    return render_template(
        "privacy/retention.html",
        rows=rows,
        kept=KEPT_WHILE_NEEDED,
        form=form,
        adjustable=ADJUSTABLE,
        can_edit=can(Role.admin),
    )
