"""Demo data: the demo offices share their figures with their associations, and a run is queued."""

from __future__ import annotations

from sqlalchemy import select

from saas.core.demo import register_seeder
from saas.extensions import db
from tenants import operations as tenant_ops
from tenants.models import FIGURE_FAMILIES, AssociationMember, Tenant
from tenants.scoping import tenant_context


@register_seeder(900)  # after the features that create contacts, groups, events and subscribers
def seed_association_sharing(tenants: dict[str, Tenant]) -> bool:
    """Every demo office shares every family, once (an office's later choice is never overwritten)."""
    created = False
    for tenant in tenants.values():
        with tenant_context(tenant.id):
            for member in db.session.scalars(select(AssociationMember)):
                if member.consent_changed_at is None and not member.shared_families:
                    tenant_ops.set_shared_families(member, list(FIGURE_FAMILIES))
                    # The regional finder (issue #14): the demo offices take part in each association's.
                    member.regional_finder = True
                    created = True
            db.session.flush()
    if created:
        from saas.association.aggregation import TASK_NAME
        from saas.core.tasks import queue

        queue(TASK_NAME, trigger="demo")
    return created
