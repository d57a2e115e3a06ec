"""Wegweiser interest: the person's name or pseudonym (for the founding process's interest list)

Revision ID: 0015
Revises: 0017
Create Date: 2026-12-01 03:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('group_interests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name', sa.String(length=200), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('group_interests', schema=None) as batch_op:
        batch_op.drop_column('name')
