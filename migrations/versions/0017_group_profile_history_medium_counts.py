"""group profile history (meeting mode, Junge Selbsthilfe by day); association contacts recounted by medium

Revision ID: 0017
Revises: 0010
Create Date: 2026-12-01 03:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('group_profile_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=30), nullable=False),
    sa.Column('value', sa.String(length=100), nullable=False),
    sa.Column('since', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_group_profile_changes_group_id_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_group_profile_changes_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_profile_changes')),
    sa.UniqueConstraint('group_id', 'field', 'since', name=op.f('uq_group_profile_changes_group_id_field_since'))
    )
    with op.batch_alter_table('group_profile_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_profile_changes_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_profile_changes_since'), ['since'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_profile_changes_tenant_id'), ['tenant_id'], unique=False)

    # Written contacts are now counted by medium too; the next run recounts the days of every shared office.
    op.execute("DELETE FROM association_periods WHERE family = 'contacts'")
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        from tenants import rls

        rls.install(bind)  # Row-Level Security on the new office-owned table


def downgrade():
    op.execute("DELETE FROM association_aggregates WHERE family = 'contacts' AND dimension = 'medium'")
    with op.batch_alter_table('group_profile_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_profile_changes_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_group_profile_changes_since'))
        batch_op.drop_index(batch_op.f('ix_group_profile_changes_group_id'))

    op.drop_table('group_profile_changes')
