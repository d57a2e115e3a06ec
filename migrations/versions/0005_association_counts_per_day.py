"""association aggregates per day (contacts), besides month and year; no redundant indexes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 09:00:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

NAME = 'ck_association_aggregates_granularity_known'


def upgrade():
    with op.batch_alter_table('association_aggregates', schema=None) as batch_op:
        batch_op.drop_constraint(op.f(NAME), type_='check')
        batch_op.create_check_constraint(op.f(NAME), "granularity IN ('day', 'month', 'year')")
        # Every read names the office and the unique key starts with it: these two only slowed the writes.
        batch_op.drop_index('ix_association_aggregates_period')
        batch_op.drop_index(batch_op.f('ix_association_aggregates_office_id'))
    # Contacts are now stored per day too; the next run backfills the days of every shared office.
    op.execute("DELETE FROM association_periods WHERE family = 'contacts'")


def downgrade():
    op.execute("DELETE FROM association_aggregates WHERE granularity = 'day'")
    with op.batch_alter_table('association_aggregates', schema=None) as batch_op:
        batch_op.drop_constraint(op.f(NAME), type_='check')
        batch_op.create_check_constraint(op.f(NAME), "granularity IN ('month', 'year')")
        batch_op.create_index(batch_op.f('ix_association_aggregates_office_id'), ['office_id'], unique=False)
        batch_op.create_index('ix_association_aggregates_period', ['granularity', 'period_start', 'family'], unique=False)
