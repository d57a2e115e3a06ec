"""CLI: ``lotse contacts import|export|recount`` and ``lotse report annual`` (CONTRACTS.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from saas.cli import fail, tenant_or_fail
from saas.extensions import db
from tenants.scoping import tenant_context

contacts_cli = AppGroup("contacts", help="Kontakte (contact log)")
report_cli = AppGroup("report", help="Berichte (reports)")


@contacts_cli.command("import")
@click.option("--tenant", "tenant_slug", required=True)
@click.option("--force", is_flag=True, help="import a file again although it was imported before")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def contacts_import(tenant_slug: str, force: bool, file: Path) -> None:
    """Import a contacts CSV: all or nothing, every bad row reported as 'line N: reason'."""
    from saas.contacts.importer import MAX_IMPORT_BYTES, ImportRefused, import_contacts

    tenant = tenant_or_fail(tenant_slug)
    if not file.exists():
        fail(f"no such file: {file}")
    if file.stat().st_size > MAX_IMPORT_BYTES:
        fail(f"file too large: {file.stat().st_size:,} bytes (at most {MAX_IMPORT_BYTES:,}); nothing stored")
    data = file.read_bytes()
    with tenant_context(tenant.id):
        try:
            result = import_contacts(data, filename=file.name, force=force)
        except ImportRefused as exc:
            db.session.rollback()
            for error in exc.errors[1:]:
                click.echo(error, err=True)
            fail(
                exc.errors[0] if len(exc.errors) == 1 else f"{exc.errors[0]} ({len(exc.errors)} errors, nothing stored)"
            )
        db.session.commit()
    click.echo(f"imported {result.rows} contacts into {tenant.slug}")
    if result.unmatched_topics:
        click.echo(
            f"{sum(result.unmatched_topics.values())} topic(s) not in the office's topic list, stored as flagged free "
            f"text: {', '.join(sorted(result.unmatched_topics))}"
        )


@contacts_cli.command("export")
@click.option("--tenant", "tenant_slug", required=True)
@click.option("--year", type=int, default=None)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def contacts_export(tenant_slug: str, year: int | None, output: Path | None) -> None:
    """Export contacts as CSV (the import's columns); to stdout without --output."""
    from saas.contacts.importer import export_contacts

    tenant = tenant_or_fail(tenant_slug)
    with tenant_context(tenant.id):
        body = export_contacts(year)
    if output:
        output.write_text(body, encoding="utf-8")
    else:
        click.echo(body, nl=False)


@contacts_cli.command("recount")
@click.option("--tenant", "tenant_slug", required=True)
def contacts_recount(tenant_slug: str) -> None:
    """Rebuild the office's daily counts from the contacts (repair; normally never needed)."""
    from saas.contacts.operations import recount

    tenant = tenant_or_fail(tenant_slug)
    with tenant_context(tenant.id):
        n = recount(tenant.id)
        db.session.commit()
    click.echo(f"{tenant.slug}: {n} counters rebuilt")


@report_cli.command("annual")
@click.option("--tenant", "tenant_slug", required=True)
@click.option("--year", type=int, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "html", "pdf", "csv", "docx"]), default="json")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def report_annual(tenant_slug: str, year: int, fmt: str, output: Path | None) -> None:
    """The annual report (Jahresbericht); json to stdout when no --output."""
    from saas.contacts.report import annual_report, render_html_document, report_csv, report_view

    if not 1980 <= year <= 2100:
        fail(f"invalid year: {year}")
    tenant = tenant_or_fail(tenant_slug)
    with tenant_context(tenant.id):
        if fmt == "json":
            body: str | bytes = json.dumps(annual_report(tenant, year), ensure_ascii=False, indent=2) + "\n"
        elif fmt == "csv":
            body = report_csv(annual_report(tenant, year))
        elif fmt == "html":
            with current_app.test_request_context("/"):
                body = render_html_document(tenant, year)
        elif fmt == "docx":
            from saas.funders.document import to_docx
            from saas.funders.reports import annual_document

            body = to_docx(annual_document(tenant, year))
        else:
            from saas.contacts.pdf import render_pdf

            body = render_pdf(report_view(tenant, year))
    if output:
        if isinstance(body, bytes):
            output.write_bytes(body)
        else:
            output.write_text(body, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    elif isinstance(body, bytes):
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()
    else:
        click.echo(body, nl=False)


def register(app: Flask) -> None:
    from saas.contacts import demo  # noqa: F401 - registers the demo seeder

    app.cli.add_command(contacts_cli)
    app.cli.add_command(report_cli)
