"""The demo's "Nachfrage" page says what is true of the demo's directory: every term counted as "found nothing"
finds nothing in the office's own Wegweiser, and seeding again adds no demand."""

from __future__ import annotations

from sqlalchemy import func, select

from saas.core.demo import _seed_offices
from saas.directory import finder, search
from saas.directory.demo import seed_directory
from saas.directory.models import GroupInterest, SearchMiss
from saas.directory.operations import MISS_VISIBLE_FROM, demand_terms
from tenants.scoping import tenant_context


def test_demo_demand_is_true_of_the_directory(app, db):  # type: ignore[no-untyped-def]
    tenants, _created = _seed_offices()
    seed_directory(tenants)
    db.session.commit()
    no_filters = finder.parse({}, strict=False)
    for slug in ("dortmund", "hamm", "kreis-unna", "dithmarschen"):
        with tenant_context(tenants[slug].id):
            misses = list(db.session.scalars(select(SearchMiss)))
            assert misses, slug
            for miss in misses:
                found = search.public_results(miss.term, tenant_id=tenants[slug].id, filters=no_filters).total
                assert found == 0, (slug, miss.term, found)
            assert demand_terms() and all(m.count >= MISS_VISIBLE_FROM for m in demand_terms())
            interests = list(db.session.scalars(select(GroupInterest)))
            assert interests and all((i.email or i.phone) and i.consent_text for i in interests)
            assert all(i.email.isascii() for i in interests)

    def counts() -> list[tuple[int, int]]:
        out = []
        for tenant in tenants.values():
            with tenant_context(tenant.id):
                out.append(
                    (
                        db.session.scalar(select(func.count(SearchMiss.id))),
                        db.session.scalar(select(func.count(GroupInterest.id))),
                    )
                )
        return out

    before = counts()
    seed_directory(tenants)
    db.session.commit()
    assert counts() == before
