"""Public pages (no login): the Wegweiser, group pages, inquiries, A–Z topics, confirmation, embedding."""

from __future__ import annotations

from flask import abort, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from saas.core.paging import page_number
from saas.core.security import allow_framing
from saas.directory import operations as ops
from saas.directory import queries
from saas.directory.access import group_or_404
from saas.directory.forms import ConfirmForm, InquiryForm
from saas.directory.models import TOPIC_AREAS, Group
from saas.directory.rhythm import format_rhythm
from saas.directory.search import search_ids
from saas.extensions import db
from tenants.resolve import by_office_key, office_key

PER_PAGE = 20


def search_args() -> tuple[str, str, int]:
    q = request.args.get("q", "")[:200]
    area = request.args.get("topic_area", "")
    area = area if area in TOPIC_AREAS else ""
    return q, area, page_number()


def _search(per_page: int = PER_PAGE) -> dict:
    q, area, page = search_args()
    result = search_ids(q, tenant_id=g.tenant.id, topic_area=area or None, offset=(page - 1) * per_page, limit=per_page)
    return {
        "q": q,
        "area": area,
        "page": page,
        "pages": max(1, -(-result.total // per_page)),
        "total": result.total,
        "groups": queries.public_groups_by_ids(result.ids),
        "corrected": result.corrected,
        "areas": TOPIC_AREAS,
        "searched": bool(q or area or "q" in request.args),
    }


@by_office_key  # a cache hit needs no office row, no session and no transaction (tenants.resolve)
def public_search(slug: str):  # type: ignore[no-untyped-def]
    from saas.directory.cache import cached_page

    return cached_page(office_key(), lambda: render_template("directory/public_search.html", **_search()))


@allow_framing  # the only directory page other sites may frame (core.security sets frame-ancestors *)
def embed(slug: str):  # type: ignore[no-untyped-def]
    """The search for embedding in an office's own website (iframe)."""
    return render_template("directory/embed.html", **_search(per_page=10))


def rhythm_text(group: Group) -> str:
    return format_rhythm(group.rhythm, group.weekday, group.nth_weekday, group.time_start, group.time_end)


def public_group(slug: str, group_id: int):  # type: ignore[no-untyped-def]
    group = queries.public_group(group_id)
    if group is None:
        abort(404)
    return _render_group(group, InquiryForm(formdata=None))


def _render_group(group: Group, form: InquiryForm, status: int = 200):  # type: ignore[no-untyped-def]
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


def inquiry(slug: str, group_id: int):  # type: ignore[no-untyped-def]
    group = queries.public_group(group_id)
    if group is None:
        abort(404)
    form = InquiryForm()
    if not form.validate_on_submit():
        return _render_group(group, form, 400)
    ops.create_inquiry(
        group,
        name=form.name.data.strip(),
        reach=form.reach.data.strip(),
        message=(form.message.data or "").strip(),
        consent_text=str(form.consent.label.text),
    )
    db.session.commit()
    return redirect(url_for("directory.inquiry_thanks", group_id=group.id)), 303


def inquiry_thanks(slug: str, group_id: int):  # type: ignore[no-untyped-def]
    group = queries.public_group(group_id)
    if group is None:
        abort(404)
    return render_template("directory/public_thanks.html", group=group)


def topics_az(slug: str):  # type: ignore[no-untyped-def]
    return render_template("directory/public_topics.html", letters=queries.az_topics())


def confirm_entry(slug: str, token: str):  # type: ignore[no-untyped-def]
    """The contact person's yearly confirmation (signed link from the e-mail)."""
    group_id = ops.read_confirmation_token(token, g.tenant.id)
    if group_id is None:
        abort(404)
    group = group_or_404(group_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        ops.confirm_group(group, form.correction.data or "")
        db.session.commit()
        return render_template("directory/public_confirmed.html", group=group, corrected=bool(form.correction.data))
    return render_template(
        "directory/public_confirm.html", group=group, form=form, rhythm=rhythm_text(group), title=_("Eintrag prüfen")
    )
