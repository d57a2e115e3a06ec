"""PostgreSQL Row-Level Security on every office-owned table; app and maintenance roles with their grants.

Every later migration that adds a table with a tenant_id must end with ``rls.install(op.get_bind())``
(idempotent), so the new table gets its policy; tests/tenants/test_rls.py fails otherwise.

Revision ID: 0003
Revises: 0002
"""

from alembic import op
from sqlalchemy import text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return  # SQLite (embedded mode) has no roles; the ORM guard keeps offices apart there
    from tenants import rls

    can_create_roles = bind.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    missing = bind.execute(
        text("SELECT count(*) FROM unnest(ARRAY['lotse_app', 'lotse_aggregator']) r "
             "WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r)")
    ).scalar()
    if missing:
        if not can_create_roles:
            raise RuntimeError(
                "Die Rollen lotse_app und lotse_aggregator fehlen und dürfen von diesem Benutzer nicht angelegt "
                "werden (roles lotse_app/lotse_aggregator missing; see README 'Database roles')."
            )
        rls.create_roles(bind)
    rls.install(bind)


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from tenants import rls

    for table in rls.tenant_tables(bind):
        bind.execute(text(f'DROP POLICY IF EXISTS lotse_tenant ON "{table}"'))
        bind.execute(text(f'ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY'))
        bind.execute(text(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY'))
    bind.execute(text("DROP POLICY IF EXISTS lotse_own_memberships ON memberships"))
