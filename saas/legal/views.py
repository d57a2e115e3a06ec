"""The office admin's forms for the legal pages (``/<slug>/intern/rechtliches``): load → check access → act
→ commit.
"""

from __future__ import annotations

from typing import Any

from flask import g, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from saas.auth.models import Role
from saas.core.access import office_required
from saas.core.errors import perform, perform_or_fail
from saas.legal import forms, notice, texts
from saas.legal import operations as ops
from saas.legal.models import OfficeLegal

admin_only = office_required(min_role=Role.admin)


def _legal() -> OfficeLegal | None:
    return ops.legal_of(g.tenant)


SECTIONS: dict[str, tuple[type[FlaskForm], Any]] = {
    "impressum": (forms.ImpressumForm, _l("Impressum")),
    "datenschutz": (forms.PrivacyForm, _l("Datenschutzerklärung")),
    "barrierefreiheit": (forms.AccessibilityForm, _l("Erklärung zur Barrierefreiheit")),
    "leichte-sprache": (forms.EasyLanguageForm, _l("Leichte Sprache")),
}


@admin_only
def admin_index(slug: str) -> ResponseReturnValue:
    legal = _legal()
    # The overview also brings the stored privacy notice up to date with settings changed elsewhere.
    perform_or_fail(lambda: ops.record_privacy_notice(g.tenant))
    return render_template("legal/admin_index.html", legal=legal, versions=notice.versions())


@admin_only
def admin_edit(slug: str, section: str) -> ResponseReturnValue:
    form_class, title = SECTIONS[section]
    legal = _legal()
    form = form_class(obj=legal)
    if isinstance(form, forms.EasyLanguageForm) and not form.is_submitted() and not form.easy_language.data:
        form.easy_language.data = texts.easy_language_text(g.tenant, "")  # start from the default text
    if form.validate_on_submit():
        values = {name: field.data for name, field in form._fields.items() if name != "csrf_token"}
        perform(lambda: ops.update_legal(g.tenant, values), success=_("Gespeichert."))
        return redirect(url_for("legal.admin_index"))
    return render_template("legal/admin_edit.html", form=form, title=title, section=section)
