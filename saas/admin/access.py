"""The one way to fetch an office's rows by id in the administration: another office's id is 404."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from saas.auth.models import Membership, MembershipInvite
from saas.extensions import db
from tenants.models import Site
from tenants.scoping import current_tenant_id


def membership_or_404(membership_id: int) -> Membership:
    membership = db.session.scalar(
        select(Membership).where(Membership.id == membership_id).options(joinedload(Membership.user))
    )
    if membership is None or membership.tenant_id != current_tenant_id():
        abort(404)
    return membership


def invite_or_404(invite_id: int) -> MembershipInvite:
    invite = db.session.scalar(
        select(MembershipInvite).where(MembershipInvite.id == invite_id).options(joinedload(MembershipInvite.user))
    )
    if invite is None or invite.tenant_id != current_tenant_id():
        abort(404)
    return invite


def site_or_404(site_id: int) -> Site:
    site = db.session.scalar(select(Site).where(Site.id == site_id))
    if site is None or site.tenant_id != current_tenant_id():
        abort(404)
    return site
