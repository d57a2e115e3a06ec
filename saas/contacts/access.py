"""The one way to fetch a contact-log row by id: filtered by the bound office, 404 when missing.

A row of another office is invisible to the query (tenancy guard) and so answers exactly like a
missing one.
"""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from saas.contacts.models import Contact, ReportChapter, ReportRender
from saas.extensions import db


def contact_or_404(contact_id: int) -> Contact:
    contact = db.session.scalar(select(Contact).where(Contact.id == contact_id))
    if contact is None:
        abort(404)
    return contact


def chapter_or_404(chapter_id: int, year: int) -> ReportChapter:
    chapter = db.session.scalar(select(ReportChapter).where(ReportChapter.id == chapter_id, ReportChapter.year == year))
    if chapter is None:
        abort(404)
    return chapter


def render_or_404(render_id: int, year: int) -> ReportRender:
    render = db.session.scalar(select(ReportRender).where(ReportRender.id == render_id, ReportRender.year == year))
    if render is None:
        abort(404)
    return render
