"""association releases: a released table is frozen (release calendar)

Each table an analyst can open (a quarter's year to date, the whole year) is released once, on the first
aggregation run a settling period after the period ended, and stored with the true counts it was built
from; later tables of the year are suppressed with it held fixed. Existing reports are released anew
by the next run (their periods are long over).

Revision ID: 0019_association_releases
Revises: 0014
Create Date: 2026-12-02 00:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0019_association_releases"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "association_releases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("association_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("released_on", sa.Date(), nullable=False),
        sa.Column("truth", sa.JSON(), nullable=False),
        sa.Column("hidden", sa.JSON(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("unprotected", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["association_id"],
            ["associations.id"],
            name=op.f("fk_association_releases_association_id_associations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_association_releases")),
        sa.UniqueConstraint(
            "association_id", "year", "period_end", name=op.f("uq_association_releases_association_id_year_period_end")
        ),
    )
    with op.batch_alter_table("association_releases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_association_releases_association_id"), ["association_id"], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from tenants import rls

        rls.install(bind)  # like the other association_* tables: the aggregation's own role writes it


def downgrade():
    with op.batch_alter_table("association_releases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_association_releases_association_id"))
    op.drop_table("association_releases")
