"""``lotse association share|aggregate|report|threshold`` (CONTRACTS.md *Command line*)."""

from __future__ import annotations

import json
import time

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import select

from saas.cli import association_or_fail, commit_or_fail, fail
from saas.extensions import db
from tenants import operations as tenant_ops
from tenants.models import AssociationMember, Tenant
from tenants.scoping import tenant_context

association_cli = AppGroup("association", help="Verbandsstatistik (association statistics)")


@association_cli.command("share")
@click.option("--association", "association_slug", required=True)
@click.option("--tenant", "tenant_slug", required=True)
@click.option(
    "--families",
    required=True,
    help="comma-separated: contacts,groups,events,newsletter,founding,support,profile ('' = nothing)",
)
def share(association_slug: str, tenant_slug: str, families: str) -> None:
    """Set what an office shares with an association (as its admin would on the Verbände page)."""
    association = association_or_fail(association_slug)
    tenant = db.session.scalar(select(Tenant).where(Tenant.slug == tenant_slug))
    if tenant is None:
        fail(f"unknown office: {tenant_slug}")
    chosen = [f.strip() for f in families.split(",") if f.strip()]
    with tenant_context(tenant.id):
        member = db.session.scalar(select(AssociationMember).where(AssociationMember.association_id == association.id))
        if member is None:
            fail(f"{tenant_slug} is not a member of {association_slug}")
        commit_or_fail(lambda: tenant_ops.set_shared_families(member, chosen))
        shared = list(member.shared_families)  # read back while the office is bound
    click.echo(f"{tenant_slug} shares with {association_slug}: {', '.join(shared) or 'nothing'}")


def _worker_running() -> bool:
    try:
        replies = current_app.extensions["celery"].control.ping(timeout=1.0)
    except Exception:
        return False
    return bool(replies)


@association_cli.command("aggregate")
@click.option("--association", "association_slug", default=None)
@click.option("--timeout", default=1800, show_default=True, help="seconds to wait for a worker's run")
def aggregate(association_slug: str | None, timeout: int) -> None:
    """Run the cross-office aggregation now: through a worker when one runs, else in this process."""
    from saas.association import aggregation
    from saas.association.models import AggregationRun, RunStatus
    from saas.association.operations import create_run
    from saas.core.tasks import send

    association_id = association_or_fail(association_slug).id if association_slug else None
    if _worker_running() and not current_app.extensions["celery"].conf.task_always_eager:
        run = create_run(association_id, "cli")
        db.session.commit()
        send(aggregation.TASK_NAME, association_id=association_id, run_id=run.id, trigger="cli")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            db.session.expire_all()
            current = db.session.get(AggregationRun, run.id)
            if current is not None and current.status in (RunStatus.done.value, RunStatus.failed.value):
                break
            time.sleep(1)
        else:
            fail(f"the worker did not finish run {run.id} within {timeout} s")
        if current.status != RunStatus.done.value:
            fail(f"aggregation failed (run {run.id}): {current.message}")
        click.echo(f"aggregation done by a worker: {current.periods} periods (run {run.id})")
        return
    try:
        done = aggregation.run(association_id, None, "cli", wait_seconds=timeout)
    except aggregation.Busy:
        fail("another aggregation is running; try again later")
    click.echo(f"aggregation done in-process: {done.periods} periods (run {done.id})")


@association_cli.command("report")
@click.option("--association", "association_slug", required=True)
@click.option("--year", type=int, required=True)
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
def report(association_slug: str, year: int, fmt: str) -> None:
    """Print the association's report of a year (small counts as "<5")."""
    from saas.association import queries

    association = association_or_fail(association_slug)
    payload = queries.get_report(association, year)
    if payload is None:
        fail(f"no figures for {association_slug}: no member office shares anything yet")
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))


@association_cli.command("threshold")
@click.option("--association", "association_slug", required=True)
@click.argument("value", type=click.IntRange(2, 100))
def threshold(association_slug: str, value: int) -> None:
    """Set the suppression threshold of an association (default 5); reports follow at once."""
    association = association_or_fail(association_slug)
    association.suppression_threshold = value
    db.session.commit()
    click.echo(f"{association_slug}: counts below {value} are hidden")


def register(app: Flask) -> None:
    app.cli.add_command(association_cli)
