"""``lotse report sachbericht`` and ``lotse report nakos``: the funders' exports of one office and year."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask

from saas.cli import tenant_or_fail
from tenants.scoping import tenant_context


def _write(body: bytes, output: Path | None) -> None:
    if output:
        output.write_bytes(body)
        click.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()


@click.command("sachbericht")
@click.option("--tenant", "tenant_slug", required=True)
@click.option("--year", type=click.IntRange(1980, 2100), required=True)
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx"]), default="pdf")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def sachbericht_command(tenant_slug: str, year: int, fmt: str, output: Path | None) -> None:
    """The Sachbericht for the funders (PDF or DOCX)."""
    from saas.funders.document import to_docx, to_pdf
    from saas.funders.reports import sachbericht

    tenant = tenant_or_fail(tenant_slug)
    with tenant_context(tenant.id):
        doc = sachbericht(tenant, year)
        _write(to_pdf(doc) if fmt == "pdf" else to_docx(doc), output)


@click.command("nakos")
@click.option("--tenant", "tenant_slug", required=True)
@click.option("--year", type=click.IntRange(1980, 2100), required=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def nakos_command(tenant_slug: str, year: int, output: Path) -> None:
    """The NAKOS-survey sheet (XLSX)."""
    from saas.funders.reports import office_nakos

    tenant = tenant_or_fail(tenant_slug)
    with tenant_context(tenant.id):
        _write(office_nakos(tenant, year), output)


def register(app: Flask) -> None:
    from saas.contacts.cli import report_cli

    report_cli.add_command(sachbericht_command)
    report_cli.add_command(nakos_command)
