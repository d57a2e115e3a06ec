"""The one way to fetch an office's association membership by id, for the office's own admin.

The tenancy guard adds the bound office to the query, so another office's membership (or an
association the office is not a member of) is simply not found: 404, like a missing one.
"""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from saas.extensions import db
from tenants.models import Association, AssociationMember


def memberships_of_bound_office() -> list[tuple[AssociationMember, Association]]:
    rows = db.session.execute(
        select(AssociationMember, Association)
        .join(Association, Association.id == AssociationMember.association_id)
        .order_by(Association.name)
    ).all()
    return [(member, association) for member, association in rows]


def membership_for_update(association_id: int) -> AssociationMember:
    member = db.session.scalar(select(AssociationMember).where(AssociationMember.association_id == association_id))
    if member is None:
        abort(404)
    return member
