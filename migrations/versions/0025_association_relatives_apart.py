"""association offices: whether the office counts relatives apart from the citizens

An office may count relatives' inquiries among the citizens (Tenant.settings contacts.relatives_apart,
b6e231c). The association's view of its members carries that setting, as it carries population, staff
posts and sites, so that the association's tables sign that office's relatives "x" (not meaningful)
instead of a 0 that says no relative called. Existing rows count relatives apart, the default; the next
aggregation run brings each row up to its office's setting.

Revision ID: 0025_association_relatives_apart
Revises: 0024_search_rules
Create Date: 2026-12-05 13:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0025_association_relatives_apart"
down_revision = "0024_search_rules"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("association_offices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("relatives_apart", sa.Boolean(), server_default=sa.true(), nullable=False))


def downgrade():
    with op.batch_alter_table("association_offices", schema=None) as batch_op:
        batch_op.drop_column("relatives_apart")
