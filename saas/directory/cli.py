"""``lotse groups import|export`` (CONTRACTS.md *Groups CSV*): all-or-nothing, ``line N: reason``."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import text
from sqlalchemy.engine import Connection

from saas.cli import fail, tenant_or_fail
from saas.directory import demo as _demo  # noqa: F401 - registers the demo seeder for `lotse demo seed`
from saas.directory.groups_csv import ImportRejected, export_groups, import_groups
from saas.extensions import db
from tenants.scoping import tenant_context

groups_cli = AppGroup("groups", help="Gruppen der Beratungsdatei (directory)")


@groups_cli.command("import")
@click.option("--tenant", "slug", required=True, help="office slug")
@click.option("--force", is_flag=True, help="import a file again that was already imported")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def import_command(slug: str, force: bool, file: Path) -> None:
    """Import groups from a UTF-8 CSV file; nothing is stored if any row is invalid."""
    tenant = tenant_or_fail(slug)
    if not file.exists():
        fail(f"file not found: {file}")
    with tenant_context(tenant.id):
        try:
            count = import_groups(file.read_bytes(), acting_user=None, force=force)
        except ImportRejected as exc:
            db.session.rollback()
            for line in exc.errors[1:]:
                click.echo(line, err=True)
            fail(
                exc.errors[0]
                if len(exc.errors) == 1
                else f"{len(exc.errors)} errors, nothing imported: {exc.errors[0]}"
            )
        db.session.commit()
    click.echo(f"imported {count} groups into {slug}")


@groups_cli.command("export")
@click.option("--tenant", "slug", required=True, help="office slug")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="file to write (default: stdout)")
def export_command(slug: str, output: Path | None) -> None:
    """Export the office's groups as CSV (UTF-8, the import's columns)."""
    tenant = tenant_or_fail(slug)
    with tenant_context(tenant.id):
        text = export_groups()
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def rebuild_search_documents(connection: Connection) -> int:
    """Recompute every group's search documents and every office's vocabulary (after the document
    format changed: migration 0008, or ``lotse groups reindex``). Plain SQL, all offices."""
    from saas.directory.operations import search_documents
    from saas.directory.search import vocabulary_words

    topics: dict[int, list[tuple[str, list[str]]]] = {}
    for group_id, name, words in connection.execute(
        text(
            "SELECT gt.group_id, t.name, t.search_words FROM group_topics gt JOIN topics t ON t.id = gt.topic_id "
            "ORDER BY t.name"
        )
    ):
        synonyms = [w.strip() for w in (words or "").split(",") if w.strip()]
        topics.setdefault(group_id, []).append((name, synonyms))
    vocabulary: dict[int, set[str]] = {}
    rows = connection.execute(
        text("SELECT id, tenant_id, name, description, topic_area, audience, age_focus, languages FROM groups")
    ).all()
    for gid, tenant_id, name, description, area, audience, age_focus, languages in rows:
        docs = search_documents(
            name=name,
            description=description or "",
            topic_area=area,
            audience=audience or "affected",
            age_focus=age_focus or "",
            languages=languages or "",
            topics=topics.get(gid, []),
        )
        connection.execute(
            text("UPDATE groups SET search_name = :n, search_topics = :t, search_text = :x WHERE id = :id"),
            {"n": docs[0], "t": docs[1], "x": docs[2], "id": gid},
        )
        vocabulary.setdefault(tenant_id, set()).update(vocabulary_words(docs[2]))
    connection.execute(text("DELETE FROM directory_search_words"))
    for tenant_id, words in vocabulary.items():
        if words:
            connection.execute(
                text("INSERT INTO directory_search_words (tenant_id, word, length) VALUES (:t, :w, :n)"),
                [{"t": tenant_id, "w": w, "n": len(w)} for w in sorted(words)],
            )
    return len(rows)


@groups_cli.command("reindex")
def reindex_command() -> None:
    """Rebuild the search documents of all offices' groups (after an update of the search)."""
    count = rebuild_search_documents(db.session.connection())
    db.session.commit()
    click.echo(f"reindexed {count} groups")


def register(app: Flask) -> None:
    app.cli.add_command(groups_cli)
