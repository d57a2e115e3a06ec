"""The public legal pages and the admin's forms for them. Load → check access → act → commit.

Public pages stay JavaScript- and cookie-free; only the feedback form (a page of its own) carries a CSRF
token and so a session cookie, like every other public form.
"""

from __future__ import annotations

from typing import Any

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from saas.auth.models import Role
from saas.core.access import office_required, office_row_or_404
from saas.extensions import db, limiter
from saas.legal import forms, notice, texts
from saas.legal import operations as ops
from saas.legal.models import OfficeLegal, PrivacyNoticeVersion

admin_only = office_required(min_role=Role.admin)


def _legal() -> OfficeLegal | None:
    return ops.legal_of(g.tenant)


# --- public -------------------------------------------------------------------------------------------


def impressum(slug: str):  # type: ignore[no-untyped-def]
    return render_template("legal/impressum.html", legal=_legal())


def datenschutz(slug: str):  # type: ignore[no-untyped-def]
    legal = _legal()
    sections = notice.sections(g.tenant, legal)
    digest = notice.digest_of(sections)
    versions = notice.versions()
    current = next((v for v in versions if v.digest == digest), None)
    return render_template(
        "legal/datenschutz.html",
        sections=sections,
        current=current,
        versions=[v for v in versions if v is not current],
    )


def datenschutz_version(slug: str, version_id: int):  # type: ignore[no-untyped-def]
    version = office_row_or_404(PrivacyNoticeVersion, version_id)
    return render_template("legal/datenschutz_version.html", version=version)


def barrierefreiheit(slug: str):  # type: ignore[no-untyped-def]
    return render_template("legal/barrierefreiheit.html", legal=_legal(), body=texts.SCHLICHTUNGSSTELLE)


@limiter.limit("5 per minute; 20 per day", methods=["POST"])
def feedback(slug: str):  # type: ignore[no-untyped-def]
    form = forms.FeedbackForm()
    if form.validate_on_submit():
        sent = ops.send_accessibility_feedback(
            g.tenant,
            ops.Feedback(
                message=form.message.data,
                page=form.page.data or "",
                name=form.name.data or "",
                email=form.email.data or "",
            ),
        )
        db.session.commit()
        return render_template("legal/feedback_sent.html", sent=sent)
    return render_template("legal/feedback.html", form=form)


def leichte_sprache(slug: str):  # type: ignore[no-untyped-def]
    legal = _legal()
    text = texts.easy_language_text(g.tenant, legal.easy_language if legal else "")
    return render_template("legal/leichte_sprache.html", paragraphs=texts.paragraphs(text))


# --- office admin ---------------------------------------------------------------------------------------

SECTIONS: dict[str, tuple[type[FlaskForm], Any]] = {
    "impressum": (forms.ImpressumForm, _l("Impressum")),
    "datenschutz": (forms.PrivacyForm, _l("Datenschutzerklärung")),
    "barrierefreiheit": (forms.AccessibilityForm, _l("Erklärung zur Barrierefreiheit")),
    "leichte-sprache": (forms.EasyLanguageForm, _l("Leichte Sprache")),
}


@admin_only
def admin_index(slug: str):  # type: ignore[no-untyped-def]
    legal = _legal()
    # The overview also brings the stored privacy notice up to date with settings changed elsewhere.
    if ops.record_privacy_notice(g.tenant) is not None:
        db.session.commit()
    return render_template("legal/admin_index.html", legal=legal, versions=notice.versions())


@admin_only
def admin_edit(slug: str, section: str):  # type: ignore[no-untyped-def]
    form_class, title = SECTIONS[section]
    legal = _legal()
    form = form_class(obj=legal)
    if isinstance(form, forms.EasyLanguageForm) and not form.is_submitted() and not form.easy_language.data:
        form.easy_language.data = texts.easy_language_text(g.tenant, "")  # start from the default text
    if form.validate_on_submit():
        values = {name: field.data for name, field in form._fields.items() if name != "csrf_token"}
        ops.update_legal(g.tenant, values)
        db.session.commit()
        flash(_("Gespeichert."), "success")
        return redirect(url_for("legal.admin_index"))
    return render_template("legal/admin_edit.html", form=form, title=title, section=section)
