"""search documents rebuilt: a group's name carries its initials ("Anonyme Alkoholiker" → #aa), so an
abbreviation only a name has ("AA") finds the group and its topic

No schema change. The search documents and each office's vocabulary are rebuilt with the new rules
(the same as ``lotse groups reindex``).

Revision ID: 0021_search_forms
Revises: 0020_search_speed
Create Date: 2026-12-02 17:40:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0021_search_forms"
down_revision = "0020_search_speed"
branch_labels = None
depends_on = None


def upgrade():
    from saas.directory.cli import rebuild_search_documents

    rebuild_search_documents(op.get_bind())


def downgrade():
    # The documents of the previous rules are rebuilt by that version's `lotse groups reindex`.
    pass
