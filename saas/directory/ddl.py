"""Database-specific DDL for the directory search (see ``search.py``).

PostgreSQL: the ``pg_trgm`` extension, a trigram GIN index on ``groups.search_text`` (substring and
compound matching), a GIN index on the document's tokens (``ix_groups_search_tokens``: a whole token is
one key there, so a word found in thousands of groups across all offices is one index look-up) and a
stored generated ``search_tsv`` column (``german`` tsvector of the document) with a GIN index (stemmed
prefix queries).
SQLite: an FTS5 table with the ``trigram`` tokenizer over ``groups.search_text`` (external content,
kept in step by triggers, so deleting groups — also a test's ``DELETE FROM groups`` — empties it).

``create_all`` runs this through the ``after_create`` listener; the Alembic migration calls
``install_ddl(connection)`` after creating the tables.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

POSTGRES_DDL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS ix_groups_search_trgm ON groups USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_groups_search_tokens ON groups USING gin (string_to_array(search_text, ' '))",
    # A stored tsvector (not in the ORM model: PostgreSQL keeps it), so queries never re-parse documents.
    "ALTER TABLE groups ADD COLUMN IF NOT EXISTS search_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('german'::regconfig, search_text)) STORED",
    "CREATE INDEX IF NOT EXISTS ix_groups_search_fts ON groups USING gin (search_tsv)",
]

SQLITE_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS groups_fts USING fts5("
    "search_text, content='groups', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS groups_fts_ai AFTER INSERT ON groups BEGIN "
    "INSERT INTO groups_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS groups_fts_ad AFTER DELETE ON groups BEGIN "
    "INSERT INTO groups_fts(groups_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS groups_fts_au AFTER UPDATE OF search_text ON groups BEGIN "
    "INSERT INTO groups_fts(groups_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO groups_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]


def install_ddl(connection: Connection) -> None:
    """Create the search extension, indexes, FTS table and triggers for this connection's database."""
    dialect = connection.dialect.name
    statements = POSTGRES_DDL if dialect == "postgresql" else SQLITE_DDL if dialect == "sqlite" else []
    for statement in statements:
        connection.execute(text(statement))


def rebuild_sqlite_index(connection: Connection) -> None:
    """Rebuild the FTS5 table from ``groups`` (after bulk loads that bypassed the triggers)."""
    if connection.dialect.name == "sqlite":
        connection.execute(text("INSERT INTO groups_fts(groups_fts) VALUES ('rebuild')"))


def after_create(target: Any, connection: Connection, **kw: Any) -> None:
    """The groups table's ``after_create`` hook (attached in models.py)."""
    install_ddl(connection)
