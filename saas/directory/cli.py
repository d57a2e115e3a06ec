"""``lotse groups import|export`` (CONTRACTS.md *Groups CSV*): all-or-nothing, ``line N: reason``."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from saas.cli import fail, tenant_or_fail
from saas.core import timeutil
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
    """Recompute every group's search documents and every office's vocabulary with the installed rules, as
    saving them does. Plain SQL, one office at a time with the office bound: Row-Level Security is forced on
    the owner too, and the app role sees only the bound office. ``lotse groups reindex``, and
    ``lotse db upgrade`` whenever the rules changed (:func:`bring_search_documents_up_to_date`; before it,
    migrations 0008 and 0019 to 0023). Returns the number of groups."""
    total = 0
    for office in connection.execute(text("SELECT id FROM tenants ORDER BY id")).scalars().all():
        with tenant_context(office):
            total += _rebuild_office(connection, office)
    return total


def _rebuild_office(connection: Connection, office: int) -> int:
    from saas.directory.operations import search_documents
    from saas.directory.search import office_vocabulary

    bound = {"office": office}
    topics: dict[int, list[tuple[str, list[str]]]] = {}
    for group_id, name, words in connection.execute(
        text(
            "SELECT gt.group_id, t.name, t.search_words FROM group_topics gt JOIN topics t ON t.id = gt.topic_id "
            "WHERE gt.tenant_id = :office ORDER BY t.name"
        ),
        bound,
    ):
        topics.setdefault(group_id, []).append((name, _synonyms(words)))
    texts: list[str] = []
    rows = connection.execute(
        text(
            "SELECT id, name, description, topic_area, audience, age_focus, languages FROM groups "
            "WHERE tenant_id = :office"
        ),
        bound,
    ).all()
    for gid, name, description, area, audience, age_focus, languages in rows:
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
        texts.append(docs[2])
    office_topics = connection.execute(
        text("SELECT name, search_words, topic_area FROM topics WHERE tenant_id = :office"), bound
    ).tuples()
    words = office_vocabulary(texts, [(name, synonyms or "", area) for name, synonyms, area in office_topics])
    connection.execute(text("DELETE FROM directory_search_words WHERE tenant_id = :office"), bound)
    if words:
        connection.execute(
            text("INSERT INTO directory_search_words (tenant_id, word, length) VALUES (:office, :w, :n)"),
            [{"office": office, "w": w, "n": len(w)} for w in sorted(words)],
        )
    return len(rows)


def _synonyms(words: str | None) -> list[str]:
    return [w.strip() for w in (words or "").split(",") if w.strip()]


def document_rules() -> str:
    """A fingerprint of the rules that turn a group into its search documents and an office's vocabulary:
    the documents and vocabulary of a probe directory (one group per topic of the common topic list, with its
    search words, in each topic area and audience) under the installed code and data files, and
    ``search.DOCUMENT_REVISION`` for a change the probe's words cannot show. Any change of the rules that shows in
    what is stored changes it, so no release has to remember a migration for it."""
    import hashlib

    from saas.directory.demo import load_topic_rows
    from saas.directory.operations import search_documents
    from saas.directory.search import DOCUMENT_REVISION, office_vocabulary

    audiences = ("affected", "relatives", "parents", "both")
    digest = hashlib.sha256()
    if DOCUMENT_REVISION:  # a change the probe cannot show (see DOCUMENT_REVISION)
        digest.update(f"revision {DOCUMENT_REVISION}\x1e".encode())
    texts: list[str] = []
    rows = load_topic_rows()
    for k, row in enumerate(rows):
        docs = search_documents(
            name=f"Selbsthilfegruppe {row['name']} ({row['search_words']})",
            description=row["search_words"],
            topic_area=row["topic_area"],
            audience=audiences[k % len(audiences)],
            age_focus="",
            languages="",
            topics=[(row["name"], _synonyms(row["search_words"]))],
        )
        digest.update("\x1f".join(docs).encode() + b"\x1e")
        texts.append(docs[2])
    topics = [(r["name"], r["search_words"], r["topic_area"]) for r in rows]
    digest.update("\x1f".join(sorted(office_vocabulary(texts, topics))).encode())
    return digest.hexdigest()


def record_rules(connection: Connection, rules: str) -> None:
    """Note that the stored search documents were built with ``rules``."""
    connection.execute(text("DELETE FROM directory_search_rules"))
    connection.execute(
        text("INSERT INTO directory_search_rules (id, rules, built_at) VALUES (1, :r, :at)"),
        {"r": rules, "at": timeutil.now()},
    )


def bring_search_documents_up_to_date(connection: Connection) -> int | None:
    """After ``lotse db upgrade``'s migrations (``migrations/env.py``): rebuild every office's search documents
    if they were built with other rules than the installed code's. Returns the number of groups rebuilt, or
    ``None`` when nothing was to do (the rules are the same, or the schema predates the rules table)."""
    if "directory_search_rules" not in inspect(connection).get_table_names():
        return None
    stored = connection.execute(text("SELECT rules FROM directory_search_rules WHERE id = 1")).scalar()
    rules = document_rules()
    if stored == rules:
        return None
    count = rebuild_search_documents(connection)
    record_rules(connection, rules)
    return count


@groups_cli.command("reindex")
def reindex_command() -> None:
    """Rebuild the search documents of all offices' groups (after an update of the search)."""
    connection = db.session.connection()
    count = rebuild_search_documents(connection)
    record_rules(connection, document_rules())
    db.session.commit()
    click.echo(f"reindexed {count} groups")


def register(app: Flask) -> None:
    app.cli.add_command(groups_cli)
