"""office logo for the annual report's cover

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-01 00:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('office_logos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_office_logos_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office_logos')),
    sa.UniqueConstraint('tenant_id', name='uq_office_logos_tenant_id')
    )
    with op.batch_alter_table('office_logos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_office_logos_tenant_id'), ['tenant_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        from tenants import rls

        rls.install(bind)  # the office's own rows only (tenant_id policy)


def downgrade():
    with op.batch_alter_table('office_logos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_office_logos_tenant_id'))
    op.drop_table('office_logos')
