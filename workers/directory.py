"""Directory tasks: inquiry notification to the office, yearly confirmation mails, inquiry and interest deletion.

Tasks take ids, bind the office they work for and call one operation; the periodic ones run
``each_office`` (saas.core.periodic).
"""

from __future__ import annotations

import datetime as dt

from celery import shared_task

from saas.core import timeutil
from saas.core.periodic import each_office
from saas.directory import operations as ops
from saas.extensions import db
from saas.founding import wegweiser
from tenants.models import Tenant
from tenants.scoping import tenant_context


@shared_task(name=ops.NOTIFY_INQUIRY_TASK, acks_late=True)
def notify_inquiry(tenant_id: int, inquiry_id: int) -> bool:
    """Tell the office that a new inquiry is waiting."""
    with tenant_context(tenant_id):
        tenant = db.session.get(Tenant, tenant_id)
        if tenant is None or not ops.notify_inquiry(tenant, inquiry_id):
            return False
        db.session.commit()
    return True


@shared_task(name="lotse.directory.send_confirmations", acks_late=True)
def send_confirmations(now_iso: str | None = None) -> int:
    """Once a year per group: mail the contact person of each active group a signed confirmation link."""
    now = dt.datetime.fromisoformat(now_iso) if now_iso else timeutil.now()
    return each_office("directory-confirmations", lambda tenant: ops.send_due_confirmations(tenant, now)).total()


@shared_task(name="lotse.directory.purge_inquiries", acks_late=True)
def purge_inquiries(now_iso: str | None = None) -> int:
    """Delete inquiries 90 days after they were closed."""
    now = dt.datetime.fromisoformat(now_iso) if now_iso else None
    return each_office("directory-purge-inquiries", lambda _tenant: ops.purge_closed_inquiries(now)).total()


@shared_task(name="lotse.directory.purge_interests", acks_late=True)
def purge_interests(now_iso: str | None = None) -> int:
    """Delete Wegweiser interests after the office's retention period (saas.founding.wegweiser)."""
    now = dt.datetime.fromisoformat(now_iso) if now_iso else None
    return each_office("directory-purge-interests", lambda _tenant: wegweiser.purge_interests(now)).total()
