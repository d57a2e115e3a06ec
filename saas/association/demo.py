"""Demo data: the demo offices share their figures with their associations, and the association figures are
computed at the end of ``lotse demo seed`` (in this process: the demo shows them without a running worker)."""

from __future__ import annotations

from sqlalchemy import select

from saas.core.demo import ASSOCIATIONS, register_after_seed, register_seeder
from saas.extensions import db
from tenants import operations as tenant_ops
from tenants.models import FIGURE_FAMILIES, Association, AssociationMember, Tenant
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
    return created


@register_after_seed
def aggregate_demo(created: bool) -> str | None:
    """Compute the demo associations' figures now when the seed added data or they have none yet; nothing
    when the seed changed nothing and the figures are there (a second seed the same day changes no data).
    If a worker is aggregating right now, its run computes them."""
    from saas.association import aggregation
    from saas.association.models import AssociationReport

    ids = list(db.session.scalars(select(Association.id).where(Association.slug.in_([a[0] for a in ASSOCIATIONS]))))
    reported = set(db.session.scalars(select(AssociationReport.association_id).distinct()))
    if not ids or (not created and set(ids) <= reported):
        return None
    try:
        done = aggregation.run(trigger="demo")
    except aggregation.Busy:
        return "association figures: a worker's aggregation is running and computes them"
    return f"association figures computed: {done.periods} periods"
