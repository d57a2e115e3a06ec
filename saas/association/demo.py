"""Demo data: the demo offices share their figures with their associations, and the association figures are
computed at the end of ``lotse demo seed`` (in this process: the demo shows them without a running worker)."""

from __future__ import annotations

from sqlalchemy import delete, select

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
    date_releases_on_their_days(ids)
    return f"association figures computed: {done.periods} periods"


def date_releases_on_their_days(ids: list[int]) -> None:
    """The demo lives in the present with a history: its first run releases every table of that history at
    once, today, so the analyst would read "2025, published on 3 December 2026". Date each table released
    today on its day of the release calendar, as if the demo had run every night, and serve the reports
    again from the tables so dated (nothing else of a table changes)."""
    from saas.association import aggregation
    from saas.association.models import AssociationRelease, AssociationReport
    from saas.association.publish import release_day, table_of_end
    from saas.core import timeutil

    today = timeutil.today()
    dated: set[int] = set()
    for row in db.session.scalars(
        select(AssociationRelease).where(
            AssociationRelease.association_id.in_(ids), AssociationRelease.released_on == today
        )
    ):
        day = release_day(row.year, table_of_end(row.period_end))
        if day < today:
            row.released_on = day
            row.payload = {**row.payload, "released": day.isoformat()}
            dated.add(row.association_id)
    if not dated:
        return
    # The served reports carry the release days: rebuilt from the stored tables by the release itself.
    db.session.execute(delete(AssociationReport).where(AssociationReport.association_id.in_(dated)))
    db.session.commit()
    for association_id in sorted(dated):
        aggregation.release(association_id)
