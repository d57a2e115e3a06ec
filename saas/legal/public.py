"""The public legal pages (no login). They stay JavaScript- and cookie-free; only the feedback form (a page of
its own) carries a CSRF token and so a session cookie, like every other public form.
"""

from __future__ import annotations

from flask import g, render_template
from flask.typing import ResponseReturnValue

from saas.core.access import office_row_or_404
from saas.core.errors import perform_or_fail
from saas.extensions import limiter
from saas.legal import forms, notice, texts
from saas.legal import operations as ops
from saas.legal.models import OfficeLegal, PrivacyNoticeVersion


def _legal() -> OfficeLegal | None:
    return ops.legal_of(g.tenant)


def impressum(slug: str) -> ResponseReturnValue:
    return render_template("legal/impressum.html", legal=_legal())


def datenschutz(slug: str) -> ResponseReturnValue:
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


def datenschutz_version(slug: str, version_id: int) -> ResponseReturnValue:
    version = office_row_or_404(PrivacyNoticeVersion, version_id)
    return render_template("legal/datenschutz_version.html", version=version)


def barrierefreiheit(slug: str) -> ResponseReturnValue:
    return render_template("legal/barrierefreiheit.html", legal=_legal(), body=texts.SCHLICHTUNGSSTELLE)


@limiter.limit("5 per minute; 20 per day", methods=["POST"])
def feedback(slug: str) -> ResponseReturnValue:
    form = forms.FeedbackForm()
    if form.validate_on_submit():
        sent = perform_or_fail(
            lambda: ops.send_accessibility_feedback(
                g.tenant,
                ops.Feedback(
                    message=form.message.data,
                    page=form.page.data or "",
                    name=form.name.data or "",
                    email=form.email.data or "",
                ),
            )
        )
        return render_template("legal/feedback_sent.html", sent=sent)
    return render_template("legal/feedback.html", form=form)


def leichte_sprache(slug: str) -> ResponseReturnValue:
    legal = _legal()
    text = texts.easy_language_text(g.tenant, legal.easy_language if legal else "")
    return render_template("legal/leichte_sprache.html", paragraphs=texts.paragraphs(text))
