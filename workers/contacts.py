"""Rendering the annual report's PDF in the worker: bind the office, call the feature's operation."""

from __future__ import annotations

from celery import shared_task

from saas.contacts.operations import RENDER_TASK, render_report_pdf
from saas.extensions import db
from tenants.scoping import tenant_context


@shared_task(name=RENDER_TASK, bind=True, acks_late=True, max_retries=2, default_retry_delay=30)
def render_annual_pdf(self: object, render_id: int, tenant_id: int) -> str:
    """Render the PDF of one ReportRender row. Idempotent: a finished render is left as it is."""
    with tenant_context(tenant_id):
        return render_report_pdf(render_id, tenant_id, commit=db.session.commit)
