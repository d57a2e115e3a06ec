"""finder: step-free and young groups, founding interest, zero-result counts, regional finder opt-in

Revision ID: 0008
Revises: 0012
Create Date: 2026-12-01 00:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('step_free', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('young', sa.Boolean(), server_default='0', nullable=False))
    with op.batch_alter_table('association_members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('regional_finder', sa.Boolean(), server_default='0', nullable=False))
    op.create_table('group_interests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('consent_text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('founding_id', sa.Integer(), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_group_interests_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_interests'))
    )
    with op.batch_alter_table('group_interests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_interests_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_interests_tenant_id'), ['tenant_id'], unique=False)
    op.create_table('directory_search_misses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=100), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('last_on', sa.Date(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_directory_search_misses_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_directory_search_misses')),
    sa.UniqueConstraint('tenant_id', 'term', name=op.f('uq_directory_search_misses_tenant_id_term'))
    )
    with op.batch_alter_table('directory_search_misses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_directory_search_misses_tenant_id'), ['tenant_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        from tenants import rls

        rls.install(bind)
    # Search documents changed shape (stems, compound parts, spellings): rebuild them.
    from saas.directory.cli import rebuild_search_documents

    rebuild_search_documents(bind)


def downgrade():
    op.drop_table('directory_search_misses')
    op.drop_table('group_interests')
    with op.batch_alter_table('association_members', schema=None) as batch_op:
        batch_op.drop_column('regional_finder')
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_column('young')
        batch_op.drop_column('step_free')
