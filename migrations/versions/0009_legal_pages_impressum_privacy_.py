"""legal pages: Impressum data per office, privacy notice versions

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-01 00:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('office_legal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('operator_name', sa.String(length=200), nullable=False),
    sa.Column('legal_form', sa.String(length=100), nullable=False),
    sa.Column('street', sa.String(length=200), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('representatives', sa.String(length=500), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('register_entry', sa.String(length=300), nullable=False),
    sa.Column('vat_id', sa.String(length=30), nullable=False),
    sa.Column('supervisory_authority', sa.String(length=300), nullable=False),
    sa.Column('content_responsible', sa.String(length=300), nullable=False),
    sa.Column('dpo_contact', sa.String(length=500), nullable=False),
    sa.Column('privacy_authority', sa.String(length=500), nullable=False),
    sa.Column('privacy_extra', sa.Text(), nullable=False),
    sa.Column('a11y_status', sa.String(length=20), nullable=False),
    sa.Column('a11y_gaps', sa.Text(), nullable=False),
    sa.Column('a11y_reviewed_on', sa.Date(), nullable=True),
    sa.Column('easy_language', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_office_legal_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office_legal')),
    sa.UniqueConstraint('tenant_id', name=op.f('uq_office_legal_tenant_id'))
    )
    with op.batch_alter_table('office_legal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_office_legal_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('privacy_notice_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('sections', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_privacy_notice_versions_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_notice_versions'))
    )
    with op.batch_alter_table('privacy_notice_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacy_notice_versions_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_privacy_notice_versions_tenant_id'), ['tenant_id'], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        from tenants import rls

        rls.install(bind)


def downgrade():
    with op.batch_alter_table('privacy_notice_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_privacy_notice_versions_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_privacy_notice_versions_created_at'))
    op.drop_table('privacy_notice_versions')
    with op.batch_alter_table('office_legal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_office_legal_tenant_id'))
    op.drop_table('office_legal')
