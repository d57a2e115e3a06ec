"""search rules: which rules the stored search documents were built with

From here on `lotse db upgrade` compares that record with the installed code's rules after the migrations
(migrations/env.py) and rebuilds every office's search documents and vocabulary when they differ. Before,
each change of the search needed a data migration of its own (0019 to 0023); this is the last one. The
first upgrade records the rules and rebuilds once, which also restores the topic-area words that the old
rebuild left out of every office's vocabulary.

Revision ID: 0024_search_rules
Revises: 0023_search_round8
Create Date: 2026-12-03 17:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0024_search_rules"
down_revision = "0023_search_round8"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "directory_search_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rules", sa.String(length=64), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_search_rules")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from tenants import rls

        rls.install(bind)  # grants the app role the new table (`lotse groups reindex` records the rules)


def downgrade():
    op.drop_table("directory_search_rules")
