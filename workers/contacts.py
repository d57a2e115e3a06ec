"""Rendering the annual report's PDF in the worker; the page polls the render's state and progress."""

from __future__ import annotations

import logging

from celery import shared_task
from sqlalchemy import select

from saas.extensions import db
from tenants.models import Tenant, utcnow
from tenants.scoping import tenant_context

log = logging.getLogger(__name__)


@shared_task(name="lotse.contacts.render_annual_pdf", bind=True, acks_late=True, max_retries=2, default_retry_delay=30)
def render_annual_pdf(self, render_id: int, tenant_id: int) -> str:  # type: ignore[no-untyped-def]
    """Render the PDF of one ReportRender row. Idempotent: a finished render is left as it is."""
    from saas.contacts.models import ReportRender
    from saas.contacts.pdf import render_pdf
    from saas.contacts.report import report_view

    with tenant_context(tenant_id):
        render = db.session.scalar(select(ReportRender).where(ReportRender.id == render_id))
        if render is None or render.state == "done":
            return "skipped"
        tenant = db.session.get(Tenant, tenant_id)
        render.state, render.progress, render.error = "running", 5, ""
        db.session.commit()

        def progress(percent: int) -> None:
            render.progress = percent
            db.session.commit()

        try:
            view = report_view(tenant, render.year)  # type: ignore[arg-type]
            progress(15)
            pdf = render_pdf(view, progress)
        except Exception:
            db.session.rollback()
            log.exception("annual report PDF %s failed", render_id)
            render.state, render.error = "failed", "Das PDF konnte nicht erstellt werden."
            render.finished_at = utcnow()
            db.session.commit()
            return "failed"
        render.pdf, render.state, render.progress, render.finished_at = pdf, "done", 100, utcnow()
        db.session.commit()
        return "done"
