"""``lotse newsletter …`` (CONTRACTS.md *Command line*): import subscribers, create and send issues."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import BinaryIO

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import select

from saas.cli import commit_or_fail, fail, tenant_or_fail
from saas.extensions import db
from saas.newsletter import (
    demo,  # noqa: F401 - registers the demo seeder
    queries,
)
from saas.newsletter import issue_operations as issue_ops
from saas.newsletter import operations as ops
from saas.newsletter.models import Issue, IssueStatus
from tenants.scoping import tenant_context

newsletter_cli = AppGroup("newsletter", help="Newsletter: Abonnements und Ausgaben")
subscribers_cli = AppGroup("subscribers", help="Abonnentinnen und Abonnenten")
newsletter_cli.add_command(subscribers_cli)


@subscribers_cli.command("import")
@click.option("--tenant", "slug", required=True)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def subscribers_import(slug: str, file: Path) -> None:
    """Import email,name,consented_at,consent_text; rows without consent get the double-opt-in mail."""
    tenant = tenant_or_fail(slug)
    with tenant_context(tenant.id):
        try:
            result = ops.import_subscribers(tenant, file.read_bytes())
        except ops.ImportRowsError as exc:
            db.session.rollback()
            for error in exc.errors[1:]:
                click.echo(error, err=True)
            fail(
                f"nothing imported: {exc.errors[0]}"
                + (f" (+{len(exc.errors) - 1} more)" if len(exc.errors) > 1 else "")
            )
        db.session.commit()
    click.echo(
        f"imported: {result.confirmed} subscribed with consent, {result.invited} confirmation mails queued, "
        f"{result.skipped_existing} already present, {result.skipped_suppressed} suppressed (skipped)"
    )


@newsletter_cli.command("create")
@click.option("--tenant", "slug", required=True)
@click.option("--subject", required=True)
@click.option("--body-file", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--block", "blocks", multiple=True, help="generated block: new_groups, looking, founding, events")
def create(slug: str, subject: str, body_file: Path, blocks: tuple[str, ...]) -> None:
    """Create a draft issue from a Markdown file; prints the new issue's id."""
    tenant = tenant_or_fail(slug)
    try:
        body = body_file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fail("the body file is not UTF-8")
    with tenant_context(tenant.id):
        issue = commit_or_fail(lambda: issue_ops.create_issue(tenant, subject, body, list(blocks)))
        click.echo(issue.id)


@newsletter_cli.command("send")
@click.option("--tenant", "slug", required=True)
@click.argument("issue_id", type=int)
@click.option("--wait", is_flag=True, help="return when the issue is sent; print sent/failed counts")
@click.option("--timeout", type=float, default=0, help="with --wait: give up after this many seconds (0: never)")
def send(slug: str, issue_id: int, wait: bool, timeout: float) -> None:
    """Queue an issue for the workers."""
    tenant = tenant_or_fail(slug)
    with tenant_context(tenant.id):
        issue = db.session.scalar(select(Issue).where(Issue.id == issue_id))
        if issue is None:
            fail(f"unknown issue: {issue_id}")
        commit_or_fail(lambda: issue_ops.queue_issue(tenant, issue))
        click.echo(f"issue {issue_id} queued for {queries.confirmed_count()} confirmed subscribers")
        if not wait:
            return
        _wait(tenant.id, issue_id, timeout)


def _wait(tenant_id: int, issue_id: int, timeout: float) -> None:
    from saas.newsletter.outbox import sweep

    deadline = time.monotonic() + timeout if timeout else None
    last_sweep = 0.0
    while True:
        db.session.rollback()  # a fresh snapshot each round
        issue = db.session.scalar(select(Issue).where(Issue.id == issue_id))
        if issue is None:
            fail(f"issue {issue_id} was deleted while waiting")
        progress = queries.progress(issue)
        if issue is not None and issue.status == IssueStatus.sent:
            click.echo(f"sent: {progress.sent}, failed: {progress.failed}, skipped: {progress.skipped}")
            return
        if deadline is not None and time.monotonic() > deadline:
            fail(
                f"not finished after {timeout:g} s: sent {progress.sent}, failed {progress.failed}, "
                f"open {progress.remaining}"
            )
        if time.monotonic() - last_sweep > 10:
            # Like beat: ring for jobs whose message was lost, so --wait never waits on a lost doorbell.
            db.session.rollback()
            sweep()
            last_sweep = time.monotonic()
        print(f"… {progress.done}/{progress.total}", file=sys.stderr)
        time.sleep(1)


@newsletter_cli.command("inbound")
@click.option("--tenant", "slug", required=True)
@click.argument("file", type=click.File("rb"), default="-")
def inbound(slug: str, file: BinaryIO) -> None:
    """Process one mail (bounce report or unsubscribe request) from a mailbox reader or MTA pipe."""
    from saas.newsletter.bounces import handle_inbound

    tenant = tenant_or_fail(slug)
    raw = file.read(2 * 1024 * 1024 + 1)
    if len(raw) > 2 * 1024 * 1024:
        fail("message too large")
    with tenant_context(tenant.id):
        result = handle_inbound(tenant, raw)
        db.session.commit()
    click.echo(
        f"{result.kind}: reports {result.reports}, disabled {result.disabled}, unsubscribed {result.unsubscribed}"
    )


@newsletter_cli.command("poll-mailbox")
@click.option("--url", default=None, help="imaps://user:password@host/INBOX (default: BOUNCE_MAILBOX_URL)")
def poll_mailbox(url: str | None) -> None:
    """Read the bounce mailbox once: bounce reports and unsubscribe mails of every office."""
    from saas.newsletter.mailbox import MailboxError, poll

    try:
        result = poll(url)
    except MailboxError as exc:
        fail(str(exc))
    click.echo(result.summary())


def register(app: Flask) -> None:
    app.cli.add_command(newsletter_cli)
