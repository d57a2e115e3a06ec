"""association reports: the year-to-date tables suppressed together with their year

Revision ID: 0007
Revises: 0011
Create Date: 2026-12-01 00:30:00

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("association_reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("periods", sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table("association_reports", schema=None) as batch_op:
        batch_op.drop_column("periods")
