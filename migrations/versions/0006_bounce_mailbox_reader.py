"""bounce mailbox reader: fingerprints of the mails acted on

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('newsletter_inbound_mails',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_newsletter_inbound_mails')),
    sa.UniqueConstraint('fingerprint', name=op.f('uq_newsletter_inbound_mails_fingerprint'))
    )
    with op.batch_alter_table('newsletter_inbound_mails', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_newsletter_inbound_mails_processed_at'), ['processed_at'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        from tenants import rls

        rls.install(bind)  # grants the app role the new table (it has no tenant_id: no policy)


def downgrade():
    with op.batch_alter_table('newsletter_inbound_mails', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_newsletter_inbound_mails_processed_at'))
    op.drop_table('newsletter_inbound_mails')
