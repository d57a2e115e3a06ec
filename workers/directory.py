"""Directory tasks: inquiry notification to the office, yearly confirmation mails, inquiry deletion.

Tasks take ids, bind the office they work for, and are idempotent; the periodic ones take a lock.
"""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from sqlalchemy import or_, select

from saas.core.locks import task_lock
from saas.core.schedule import crontab, register_periodic
from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import cross_tenant, tenant_context

CONFIRM_EVERY = dt.timedelta(days=365)


def _tenants() -> list[tuple[int, str]]:
    with cross_tenant("directory periodic jobs iterate over offices"):
        return [(t.id, t.slug) for t in db.session.scalars(select(Tenant).order_by(Tenant.id))]


@shared_task(name="lotse.directory.notify_inquiry", acks_late=True)
def notify_inquiry(tenant_id: int, inquiry_id: int) -> bool:
    """Tell the office that a new inquiry is waiting (no personal data in the mail: it links to the inbox)."""
    from flask import current_app

    from saas.auth.models import Membership, Role
    from saas.core.mail import office_message, queue_message
    from saas.directory.models import GroupInquiry

    with tenant_context(tenant_id):
        inquiry = db.session.get(GroupInquiry, inquiry_id)
        tenant = db.session.get(Tenant, tenant_id)
        if inquiry is None or tenant is None or inquiry.tenant_id != tenant_id or inquiry.state != "open":
            return False
        recipients = [tenant.email] if tenant.email else []
        if not recipients:
            members = db.session.scalars(select(Membership).where(Membership.role == Role.admin))
            recipients = [m.user.email for m in members]
        # Built by hand: a worker has no request to build URLs from (route: directory.inquiry_detail).
        link = f"{current_app.config['BASE_URL']}/{tenant.slug}/intern/anfragen/{inquiry.id}"
        group_name = inquiry.group.name if inquiry.group else "eine Gruppe"
        body = (
            f"Über den Wegweiser ist eine neue Kontaktanfrage zu „{group_name}“ eingegangen.\n\n"
            f"Im internen Bereich ansehen und weiterleiten:\n{link}\n"
        )
        for address in recipients:
            queue_message(office_message(tenant, to=address, subject="Neue Anfrage im Wegweiser", text=body))
        db.session.commit()
    return True


@shared_task(name="lotse.directory.send_confirmations", acks_late=True)
def send_confirmations(now_iso: str | None = None) -> int:
    """Once a year per group: mail the contact person of each active group a signed confirmation link."""
    from saas.directory import operations as ops
    from saas.directory.models import Group

    now = dt.datetime.fromisoformat(now_iso) if now_iso else dt.datetime.now(dt.UTC)
    due = now - CONFIRM_EVERY
    sent = 0
    with task_lock("directory-confirmations") as got:
        if not got:
            return 0
        for tenant_id, slug in _tenants():
            with tenant_context(tenant_id):
                groups = db.session.scalars(
                    select(Group).where(
                        Group.status == "active",
                        or_(Group.confirmation_sent_at.is_(None), Group.confirmation_sent_at < due),
                        or_(Group.confirmed_at.is_(None), Group.confirmed_at < due),
                    )
                ).all()
                for group in groups:
                    if ops.send_confirmation_request(group, slug):
                        sent += 1
                db.session.commit()
    return sent


@shared_task(name="lotse.directory.purge_inquiries", acks_late=True)
def purge_inquiries(now_iso: str | None = None) -> int:
    """Delete inquiries 90 days after they were closed."""
    from saas.directory import operations as ops

    now = dt.datetime.fromisoformat(now_iso) if now_iso else None
    deleted = 0
    with task_lock("directory-purge-inquiries") as got:
        if not got:
            return 0
        for tenant_id, _slug in _tenants():
            with tenant_context(tenant_id):
                deleted += ops.purge_closed_inquiries(now)
                db.session.commit()
    return deleted


register_periodic("directory-confirmations", "lotse.directory.send_confirmations", crontab(minute=10, hour=6))
register_periodic("directory-purge-inquiries", "lotse.directory.purge_inquiries", crontab(minute=40, hour=3))
