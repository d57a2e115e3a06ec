"""The tenancy guard: queries are filtered by the bound office; none runs with no office bound."""

import pytest
from sqlalchemy import select, text

from saas.auth.models import Membership
from saas.extensions import db
from tenants.models import OfficeHoursSlot, Site
from tenants.scoping import TenantMismatch, TenantNotBound, cross_tenant, tenant_context


def test_unfiltered_query_returns_only_the_bound_offices_rows(world):
    """Does a query written without any tenant filter still return only the bound office's rows?"""
    with tenant_context(world.hamm.id):
        names = sorted(db.session.scalars(select(Site.name)).all())
        assert names == ["Hamm", "Hamm-Heessen"]
        members = db.session.scalars(select(Membership)).all()
        assert {m.tenant_id for m in members} == {world.hamm.id}
    with tenant_context(world.dortmund.id):
        assert db.session.scalars(select(Site.name)).all() == ["Hauptstelle"]


def test_relationship_loads_are_filtered_too(world):
    """Does a join or relationship load leak rows of another office?"""
    with tenant_context(world.dortmund.id):
        rows = db.session.execute(select(Site.name, OfficeHoursSlot.weekday).join(OfficeHoursSlot.site)).all()
        assert rows and all(name == "Hauptstelle" for name, _ in rows)


def test_get_by_id_of_another_office_finds_nothing(world):
    """Does session.get() with another office's primary key return None, like a missing id?"""
    dortmund_id, hamm_id = world.dortmund.id, world.hamm.id
    with tenant_context(hamm_id):
        hamm_site_id = db.session.scalars(select(Site.id)).first()
    db.session.expunge_all()
    with tenant_context(dortmund_id):
        assert db.session.get(Site, hamm_site_id) is None


def test_query_without_bound_office_raises(world):
    """Does a tenant-scoped query with no office bound refuse to run?"""
    db.session.expunge_all()
    with pytest.raises(TenantNotBound):
        db.session.scalars(select(Site)).all()


def test_cross_tenant_block_reads_all_offices(world):
    """Does the explicit cross-office block see every office (and only inside it)?"""
    with cross_tenant("test: count all sites"):
        assert len(db.session.scalars(select(Site)).all()) == 3
    with pytest.raises(TenantNotBound):
        db.session.scalars(select(Site)).all()


def test_bulk_update_is_scoped(world):
    """Does an UPDATE without a WHERE on tenant_id touch only the bound office's rows?"""
    from sqlalchemy import update

    with tenant_context(world.dortmund.id):
        db.session.execute(update(Site).values(phone="0000"))
        db.session.commit()
    with tenant_context(world.hamm.id):
        assert all(s.phone != "0000" for s in db.session.scalars(select(Site)))


def test_new_rows_are_stamped_and_foreign_rows_refused(world):
    """Is a new row stamped with the bound office, and is a row for another office refused?"""
    with tenant_context(world.dortmund.id):
        site = Site(name="Neu")
        db.session.add(site)
        db.session.flush()
        assert site.tenant_id == world.dortmund.id
        db.session.add(Site(name="Fremd", tenant_id=world.hamm.id))
        with pytest.raises(TenantMismatch):
            db.session.flush()
    db.session.rollback()


def test_every_office_table_has_an_indexed_tenant_id(app):
    """Does every table with a tenant_id column index it and forbid NULL?"""
    checked = 0
    for table in db.metadata.sorted_tables:
        if "tenant_id" in table.c:
            column = table.c.tenant_id
            assert not column.nullable, table.name
            assert any(list(ix.columns) == [column] or next(iter(ix.columns)) is column for ix in table.indexes), (
                table.name
            )
            checked += 1
    assert checked >= 4


def test_raw_sql_is_not_the_guard_but_orm_is(world):
    """The ORM guard covers ORM statements; raw SQL is left to PostgreSQL's Row-Level Security, which
    shows nothing with no office bound (on SQLite raw SQL is unguarded)."""
    from tests.conftest import USE_RLS

    assert db.session.execute(text("SELECT count(*) FROM sites")).scalar() == (0 if USE_RLS else 3)
