"""``lotse groups import|export`` (CONTRACTS.md *Groups CSV*): all-or-nothing, ``line N: reason``."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

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


def register(app: Flask) -> None:
    app.cli.add_command(groups_cli)
