"""no role escape for the app: the aggregation's own login role, lotse_aggregator stripped, purge function

The app role could ``SET ROLE lotse_aggregator`` with no credential and then, bypassing RLS, UPDATE every
table and DELETE audit rows. From here on the cross-office block runs on a separate connection as
``lotse_stats`` (own password, ``AGGREGATOR_DATABASE_URL``, only the worker has it), which may read the
source tables and write only ``association_*``; ``lotse_aggregator`` keeps no privilege in this database;
old login events are purged by a SECURITY DEFINER function. See docs/security.md.

Revision ID: 0010
Revises: 0013
"""

from alembic import op
from sqlalchemy import text

revision = "0010"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from tenants import rls

    missing = not bind.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": rls.STATS_ROLE}).scalar()
    can_create = bind.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if missing and can_create:
        rls.create_roles(bind)  # lotse_stats without a password: the operator sets it (README, Database roles)
    rls.grant(bind)


def downgrade():
    pass  # the old grants gave the app a way around RLS: not restored
