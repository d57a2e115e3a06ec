"""Public pages (no login): the Wegweiser, group pages, inquiries, A–Z topics, confirmation, embedding."""

from __future__ import annotations

import re

from flask import abort, g, make_response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from saas.core.errors import perform_or_fail
from saas.core.paging import page_number
from saas.core.security import allow_framing
from saas.directory import finder, queries
from saas.directory import operations as ops
from saas.directory.access import group_or_404
from saas.directory.forms import ConfirmForm, InquiryForm, InterestForm
from saas.directory.models import MEETING_MODES, TOPIC_AREAS, Group
from saas.directory.rhythm import format_rhythm
from saas.directory.search import public_results, speaks_of_suicide
from tenants.resolve import by_office_key, office_key

PER_PAGE = 20


def search_args() -> tuple[str, str, int]:
    q = request.args.get("q", "")[:200]
    area = request.args.get("topic_area", "")
    area = area if area in TOPIC_AREAS else ""
    return q, area, page_number()


def _search(per_page: int = PER_PAGE) -> dict:
    q, area, page = search_args()
    filters = finder.parse(request.args, strict=False)
    result = public_results(
        q, tenant_id=g.tenant.id, filters=filters, topic_area=area or None, offset=(page - 1) * per_page, limit=per_page
    )
    groups = result.groups
    sites = list(g.tenant.sites)
    searched = bool(q or area or filters.active or "q" in request.args)
    finders = []
    if searched and not result.total:
        from saas.directory.regional import finders_of_office

        finders = finders_of_office()
    return {
        "q": q,
        "examples": queries.example_topics(),
        "area": area,
        "page": page,
        "pages": max(1, -(-result.total // per_page)),
        "total": result.total,
        "groups": groups,
        "cards": {group.id: card(group) for group in groups},
        "step_free": result.step_free,
        "corrected": result.corrected,
        "ignored": as_typed(result.ignored, q),
        "areas": TOPIC_AREAS,
        "filters": filters,
        "filter_args": filters.args(),
        "sites": sites,
        "weekdays": finder.weekday_options(),
        "languages": finder.language_options(),
        "office": g.tenant,
        "searched": searched,
        "finders": finders,
        "crisis": bool(q) and speaks_of_suicide(q),
    }


def as_typed(words: list[str], query: str) -> list[str]:
    """The ignored words as the person typed them ("Mann", not the search's "mann")."""
    typed = {w.casefold(): w for w in re.findall(r"\w+", query or "")}
    return [typed.get(w.casefold(), w) for w in words]


def card(group: Group) -> dict:
    """What a result card shows besides the name: where, when, how (never for a protected group)."""
    return {
        "where": (group.site.name if group.site else "") if group.is_protected else _where(group),
        "rhythm": "" if group.is_protected else rhythm_text(group),
        "mode": MEETING_MODES.get(group.meeting_mode, ""),
        "languages": [
            lang.strip() for lang in group.languages.split(",") if lang.strip() and lang.strip() != "Deutsch"
        ],
    }


def _where(group: Group) -> str:
    if group.meeting_mode == "online":
        return ""
    parts = [group.site.name] if group.site else []
    if group.place and group.place not in parts:
        parts.append(group.place)
    return " · ".join(parts)


NO_RESULT_HEADER = "X-Lotse-No-Result"


@by_office_key  # a cache hit needs no office row, no session and no transaction (tenants.resolve)
def public_search(slug: str) -> ResponseReturnValue:
    from saas.directory.cache import cached_page

    def render() -> ResponseReturnValue:
        context = _search()
        response = make_response(render_template("directory/public_search.html", **context))
        if context["q"] and not context["total"] and not context["filters"].active and not context["area"]:
            response.headers[NO_RESULT_HEADER] = "1"
        return response

    response = cached_page(office_key(), render, keep_headers=(NO_RESULT_HEADER,))
    if response.headers.pop(NO_RESULT_HEADER, None):
        # Demand without tracking: the term and a count, nothing about the person (no IP, no cookie).
        ops.count_search_miss(request.args.get("q", ""))
    return response


@allow_framing  # the only directory page other sites may frame (core.security sets frame-ancestors *)
def embed(slug: str) -> ResponseReturnValue:
    """The search for embedding in an office's own website (iframe): the same form, filters, cards and
    empty-result path as the Wegweiser page, links open in a new tab."""
    return render_template("directory/embed.html", **_search(per_page=10))


def rhythm_text(group: Group) -> str:
    return format_rhythm(group.rhythm, group.weekday, group.nth_weekday, group.time_start, group.time_end)


def public_group(slug: str, group_id: int) -> ResponseReturnValue:
    group = queries.public_group(group_id)
    if group is None:
        abort(404)
    return _render_group(group, InquiryForm(formdata=None))


def _render_group(group: Group, form: InquiryForm, status: int = 200) -> ResponseReturnValue:
    published = [] if group.is_protected else [c for c in group.contacts if c.may_be_published]
    return (
        render_template(
            "directory/public_group.html",
            group=group,
            rhythm="" if group.is_protected else rhythm_text(group),
            contacts=published,
            show_inquiry=group.is_protected or not published,
            form=form,
        ),
        status,
    )


def inquiry(slug: str, group_id: int) -> ResponseReturnValue:
    group = queries.public_group(group_id)
    if group is None:
        abort(404)
    form = InquiryForm()
    if not form.validate_on_submit():
        return _render_group(group, form, 400)
    perform_or_fail(
        lambda: ops.create_inquiry(
            group,
            name=form.name.data.strip(),
            reach=form.reach.data.strip(),
            message=(form.message.data or "").strip(),
            consent_text=str(form.consent.label.text),
        )
    )
    return redirect(url_for("directory.inquiry_thanks", group_id=group.id)), 303


def interest(slug: str) -> ResponseReturnValue:
    """ "Ich würde bei einer Gruppe zu … mitmachen": the founding interest list (own page, so that the
    search pages carry no form token and set no cookie)."""
    form = InterestForm(
        formdata=request.form if request.method == "POST" else None, topic=request.args.get("thema", "")[:200]
    )
    if request.method == "POST":
        if form.validate_on_submit():
            perform_or_fail(
                lambda: ops.create_interest(
                    topic=form.topic.data.strip(),
                    name=form.name.data.strip(),
                    email=(form.email.data or "").strip(),
                    phone=(form.phone.data or "").strip(),
                    consent_text=str(form.consent.label.text),
                )
            )
            return redirect(url_for("directory.interest_thanks")), 303
        return render_template("directory/public_interest.html", form=form, office=g.tenant), 400
    return render_template("directory/public_interest.html", form=form, office=g.tenant)


def interest_thanks(slug: str) -> ResponseReturnValue:
    return render_template("directory/public_interest_thanks.html", office=g.tenant)


def inquiry_thanks(slug: str, group_id: int) -> ResponseReturnValue:
    group = queries.public_group(group_id)
    if group is None:
        abort(404)
    return render_template("directory/public_thanks.html", group=group)


def topics_az(slug: str) -> ResponseReturnValue:
    return render_template("directory/public_topics.html", letters=queries.az_topics())


def confirm_entry(slug: str, token: str) -> ResponseReturnValue:
    """The contact person's yearly confirmation (signed link from the e-mail)."""
    group_id = ops.read_confirmation_token(token, g.tenant.id)
    if group_id is None:
        abort(404)
    group = group_or_404(group_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        perform_or_fail(lambda: ops.confirm_group(group, form.correction.data or ""))
        return render_template("directory/public_confirmed.html", group=group, corrected=bool(form.correction.data))
    return render_template(
        "directory/public_confirm.html", group=group, form=form, rhythm=rhythm_text(group), title=_("Eintrag prüfen")
    )


def regional_search(assoc_slug: str) -> ResponseReturnValue:
    """``/verband/<slug>/gruppen``: the public groups of the association's participating offices."""
    from saas.directory import regional

    association = regional.association_by_slug(assoc_slug)
    if association is None:
        abort(404)
    offices = regional.participating_offices(association.id)
    q = request.args.get("q", "")[:200]
    filters = finder.parse(request.args, strict=False)
    searched = bool(q or filters.active)
    results = regional.search_offices(q, offices, filters) if searched and offices else []
    return render_template(
        "directory/regional_search.html",
        association=association,
        offices=offices,
        q=q,
        filters=filters,
        results=results,
        searched=searched,
        total=sum(r.total for r in results),
        crisis=bool(q) and speaks_of_suicide(q),
        weekdays=finder.weekday_options(),
        languages=finder.language_options(),
        areas={},
    )
