"""search documents rebuilt: a present participle of a dictionary verb ("Genesende", hunspell-de-de) is
no compound ("Gene|sende")

No schema change. The search documents and each office's vocabulary are rebuilt with the new rules
(the same as ``lotse groups reindex``).

Revision ID: 0020_search_words
Revises: 0019_search_quality
Create Date: 2026-12-02 04:40:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0020_search_words"
down_revision = "0019_search_quality"
branch_labels = None
depends_on = None


def upgrade():
    from saas.directory.cli import rebuild_search_documents

    rebuild_search_documents(op.get_bind())


def downgrade():
    # The documents of the previous rules are rebuilt by that version's `lotse groups reindex`.
    pass
