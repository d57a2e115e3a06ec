"""search documents rebuilt for the eighth search round: a name's abbreviation written with dots is also
indexed joined ("S.L.A.A." → slaa), and a compound spelled without umlauts is cut as with them where that cut
is better ("Gluecksspielsucht" = Glücksspiel|sucht); each office's vocabulary follows

No schema change. The search documents and each office's vocabulary are rebuilt with the new rules
(the same as ``lotse groups reindex``).

Revision ID: 0023_search_round8
Revises: 0022_search_initials
Create Date: 2026-12-03 14:10:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0023_search_round8"
down_revision = "0022_search_initials"
branch_labels = None
depends_on = None


def upgrade():
    from saas.directory.cli import rebuild_search_documents

    rebuild_search_documents(op.get_bind())


def downgrade():
    # The documents of the previous rules are rebuilt by that version's `lotse groups reindex`.
    pass
