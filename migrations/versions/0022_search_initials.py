"""search documents rebuilt: a group's initials leave out a trailing place ("Narcotics Anonymous Dortmund" →
#na), hyphenated names are also indexed joined ("Al-Anon" → alanon), and each office's vocabulary follows

No schema change. The search documents and each office's vocabulary are rebuilt with the new rules
(the same as ``lotse groups reindex``).

Revision ID: 0022_search_initials
Revises: 0021_search_forms
Create Date: 2026-12-03 11:40:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0022_search_initials"
down_revision = "0021_search_forms"
branch_labels = None
depends_on = None


def upgrade():
    from saas.directory.cli import rebuild_search_documents

    rebuild_search_documents(op.get_bind())


def downgrade():
    # The documents of the previous rules are rebuilt by that version's `lotse groups reindex`.
    pass
