"""Public newsletter pages: sign-up, confirmation and one-click unsubscribe; the inbound endpoint for bounces;
the archive of sent issues, each issue's web copy and an Atom feed.
"""

from __future__ import annotations

import datetime as dt
import logging

from feedgen.feed import FeedGenerator
from flask import Response, abort, current_app, g, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select

from saas.core.errors import perform, perform_or_fail
from saas.core.limitkeys import keyed
from saas.extensions import csrf, db, limiter
from saas.newsletter import bounces
from saas.newsletter import operations as ops
from saas.newsletter.access import subscriber_by_token
from saas.newsletter.archive import sent_issue_or_404, sent_issues
from saas.newsletter.forms import ActionForm, SubscribeForm
from saas.newsletter.models import NewsletterSettings, SubscriberStatus

log = logging.getLogger(__name__)


MAX_INBOUND_BYTES = 2 * 1024 * 1024


def _email_key() -> str:
    raw = (request.form.get("email") or "").strip().lower()[:254]
    return keyed("newsletter", raw)


@limiter.limit("10 per minute; 60 per hour", methods=["POST"])
@limiter.limit("3 per hour", methods=["POST"], key_func=_email_key)
def subscribe(slug: str) -> ResponseReturnValue:
    tenant = g.tenant
    settings = perform_or_fail(lambda: ops.get_settings(tenant))
    form = SubscribeForm()
    if form.validate_on_submit() and perform(
        lambda: ops.subscribe(tenant, form.email.data, form.name.data or "", settings.consent_text),
        field=form.email,  # ops.NewsletterError
    ):
        # Whatever the address's state (new, waiting, already subscribed): the same answer.
        return redirect(url_for("newsletter.subscribe_pending", slug=tenant.slug))
    return render_template("newsletter/public/subscribe.html", form=form, consent_text=settings.consent_text)


def subscribe_pending(slug: str) -> ResponseReturnValue:
    return render_template("newsletter/public/pending.html")


def confirm(slug: str, token: str) -> ResponseReturnValue:
    tenant = g.tenant
    subscriber = ops.subscriber_for_confirm_token(tenant, token)
    if subscriber is None:
        return render_template("newsletter/public/link_invalid.html"), 404
    form = ActionForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        perform_or_fail(lambda: ops.confirm(tenant, subscriber))
        return render_template("newsletter/public/confirmed.html")
    if subscriber.status == SubscriberStatus.confirmed:
        return render_template("newsletter/public/confirmed.html")
    text = subscriber.consent_text.body if subscriber.consent_text else ops.get_settings(tenant).consent_text
    return render_template("newsletter/public/confirm.html", form=form, consent_text=text)


@csrf.exempt
@limiter.limit("30 per minute")
def unsubscribe(slug: str, token: str) -> ResponseReturnValue:
    """RFC 8058 one-click: a POST unsubscribes without login or question; GET shows the same button.

    The token in the URL is the authorisation (CSRF protection would break the mail provider's POST).
    """
    subscriber = subscriber_by_token(token)
    if request.method == "POST":
        if subscriber is not None:
            perform_or_fail(lambda: ops.unsubscribe(subscriber))
        return render_template("newsletter/public/unsubscribed.html")
    active = subscriber is not None and subscriber.email is not None
    return render_template("newsletter/public/unsubscribe.html", active=active)


@csrf.exempt
def inbound(slug: str) -> ResponseReturnValue:
    """Bounce reports (DSN) and unsubscribe mails, posted raw by the office's mail server or mailbox reader.

    Authenticated with the office's secret token (``Authorization: Bearer …``); 404 for a wrong token,
    like for an office without newsletter settings.
    """
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else request.headers.get("X-Lotse-Token", "")
    settings = db.session.scalar(select(NewsletterSettings))
    if not ops.bounce_token_valid(settings, token):
        abort(404)
    if (request.content_length or 0) > MAX_INBOUND_BYTES:
        abort(413)
    raw = request.get_data(cache=False)
    if len(raw) > MAX_INBOUND_BYTES:
        abort(413)
    if not raw.strip():
        return jsonify({"error": _("Leere Nachricht")}), 400
    result = perform_or_fail(lambda: bounces.handle_inbound(g.tenant, raw))
    log.info("newsletter inbound: %s reports=%s disabled=%s", result.kind, result.reports, result.disabled)
    return jsonify(result.as_dict())


def _base_url() -> str:
    return current_app.config["BASE_URL"]


def _aware(value: dt.datetime | None) -> dt.datetime:
    assert value is not None  # sent_issues() lists only issues that have started
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def archive(slug: str) -> ResponseReturnValue:
    return render_template("newsletter/public/archive.html", issues=sent_issues())


def archive_issue(slug: str, issue_id: int) -> ResponseReturnValue:
    return render_template("newsletter/public/archive_issue.html", issue=sent_issue_or_404(issue_id))


def feed(slug: str) -> Response:
    """Atom (RFC 4287) of the last 50 sent issues, built with feedgen (escaping and dates done right)."""
    tenant = g.tenant
    base = current_app.config["BASE_URL"].rstrip("/")
    archive_url = base + url_for("newsletter.archive", slug=tenant.slug)
    issues = sent_issues(limit=50)
    fg = FeedGenerator()
    fg.id(archive_url)
    fg.title(f"Newsletter – {tenant.name}")
    fg.author({"name": tenant.name, **({"email": tenant.email} if tenant.email else {})})
    fg.link(href=archive_url, rel="alternate")
    fg.link(href=base + url_for("newsletter.feed", slug=tenant.slug), rel="self")
    fg.language("de")
    fg.updated(_aware(issues[0].started_at) if issues else _aware(tenant.created_at))
    for issue in reversed(issues):  # feedgen prepends: oldest first gives newest first in the feed
        url = base + url_for("newsletter.archive_issue", slug=tenant.slug, issue_id=issue.id)
        entry = fg.add_entry()
        entry.id(url)
        entry.title(issue.subject)
        entry.link(href=url, rel="alternate")
        entry.published(_aware(issue.started_at))
        entry.updated(_aware(issue.finished_at or issue.started_at))
        entry.content(issue.html, type="html")
    return Response(fg.atom_str(pretty=True), mimetype="application/atom+xml")
