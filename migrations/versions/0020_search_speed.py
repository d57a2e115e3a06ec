"""search across all offices: the vocabulary indexed by word (which query words any office knows read the
whole table of every office's words) and, on PostgreSQL, a GIN index on the search document's tokens (a
whole-token match is one key there instead of a trigram search over every document)

Revision ID: 0020_search_speed
Revises: 0020_search_words
Create Date: 2026-12-02 04:30:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0020_search_speed"
down_revision = "0020_search_words"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_directory_search_words_word", "directory_search_words", ["word"])
    from saas.directory.ddl import install_ddl

    install_ddl(op.get_bind())  # idempotent: adds what is new (the tokens index)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_groups_search_tokens")
    op.drop_index("ix_directory_search_words_word", table_name="directory_search_words")
