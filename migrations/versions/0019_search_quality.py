"""search documents rebuilt: compounds cut at a Fugen-s before "Ende", no three-letter syllables or "-isch"
adjectives as compounds, "Autismus"/"Autist" and "Narzissmus"/"narzisstisch" share a search key

No schema change. The search documents and each office's vocabulary are rebuilt with the new rules
(the same as ``lotse groups reindex``).

Revision ID: 0019_search_quality
Revises: 0019_association_releases
Create Date: 2026-12-02 01:15:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0019_search_quality"
down_revision = "0019_association_releases"
branch_labels = None
depends_on = None


def upgrade():
    from saas.directory.cli import rebuild_search_documents

    rebuild_search_documents(op.get_bind())


def downgrade():
    # The documents of the previous rules are rebuilt by that version's `lotse groups reindex`.
    pass
