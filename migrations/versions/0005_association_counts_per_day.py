"""association aggregates per day (contacts), besides month and year

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
    # Contacts are now stored per day too; the next run backfills the days of every shared office.
    op.execute("DELETE FROM association_periods WHERE family = 'contacts'")


def downgrade():
    op.execute("DELETE FROM association_aggregates WHERE granularity = 'day'")
    with op.batch_alter_table('association_aggregates', schema=None) as batch_op:
        batch_op.drop_constraint(op.f(NAME), type_='check')
        batch_op.create_check_constraint(op.f(NAME), "granularity IN ('month', 'year')")
