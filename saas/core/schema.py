"""Database objects that feature DDL creates outside the SQLAlchemy metadata (search structures).

Autogenerate and the models-vs-migrations test must leave them alone, or they would be "dropped".
"""

from __future__ import annotations

from typing import Any

EXTERNAL_TABLE_PREFIXES = ("groups_fts",)  # SQLite FTS5 table and its shadow tables
EXTERNAL_COLUMNS = {("groups", "search_tsv")}  # PostgreSQL generated tsvector
EXTERNAL_INDEXES = {"ix_groups_search_trgm", "ix_groups_search_fts", "ix_groups_search_tokens"}


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    if not reflected or compare_to is not None:
        return True
    if type_ == "table" and name and name.startswith(EXTERNAL_TABLE_PREFIXES):
        return False
    if type_ == "column" and (getattr(obj, "table", None) is not None) and (obj.table.name, name) in EXTERNAL_COLUMNS:
        return False
    return not (type_ == "index" and name in EXTERNAL_INDEXES)
