"""CLI: offices, users, associations, demo data (CONTRACTS.md *Command line*)."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import select

from saas.auth import operations as auth_ops
from saas.auth.models import Role
from saas.cli import association_or_fail, commit_or_fail, fail, tenant_or_fail
from saas.extensions import db
from tenants import operations as tenant_ops
from tenants.models import Tenant

tenants_cli = AppGroup("tenants", help="Kontaktstellen (offices)")
users_cli = AppGroup("users", help="Benutzer (users)")
associations_cli = AppGroup("associations", help="Verbände (umbrella associations)")
demo_cli = AppGroup("demo", help="Demo-Daten")


@tenants_cli.command("create")
@click.argument("slug")
@click.option("--name", required=True)
def tenants_create(slug: str, name: str) -> None:
    """Create an office."""

    def create() -> None:
        tenant = tenant_ops.create_tenant(slug, name)
        tenant_ops.add_site(tenant, name="Hauptstelle")

    commit_or_fail(create)
    click.echo(f"created office {slug}")


@tenants_cli.command("list")
def tenants_list() -> None:
    """List offices."""
    for tenant in db.session.scalars(select(Tenant).order_by(Tenant.slug)):
        click.echo(f"{tenant.slug}\t{tenant.name}")


@users_cli.command("create")
@click.argument("email")
@click.option("--tenant", "tenant_slug")
@click.option("--association", "association_slug")
@click.option("--role", type=click.Choice(["admin", "staff", "readonly", "analyst", "operator"]), required=True)
@click.option("--name", default="")
def users_create(email: str, tenant_slug: str | None, association_slug: str | None, role: str, name: str) -> None:
    """Create a user (or add a role to an existing one); the password is read from stdin."""
    if role == "analyst" and not association_slug:
        fail("--role analyst needs --association SLUG")
    if role in ("admin", "staff", "readonly") and not tenant_slug:
        fail(f"--role {role} needs --tenant SLUG")
    tenant = tenant_or_fail(tenant_slug) if tenant_slug else None
    association = association_or_fail(association_slug) if association_slug else None
    user = auth_ops.find_user(email)
    if user is None:
        password = sys.stdin.readline().rstrip("\r\n")
        try:
            # The operator chose this password: it lets the person in, but the second factor is enrolled only
            # after the person set their own password through a mailed link (issue 17, point 10b).
            user = auth_ops.create_user(email, password, name=name, is_operator=role == "operator", provisional=True)
        except auth_ops.UserError as exc:
            db.session.rollback()
            fail(str(exc))
    elif role == "operator":
        user.is_operator = True
    if tenant is not None and role in ("admin", "staff", "readonly"):
        auth_ops.set_membership(user, tenant, Role(role))
    if association is not None and role == "analyst":
        auth_ops.grant_analyst(user, association)
    db.session.commit()
    click.echo(f"user {user.email}: {role}")


@associations_cli.command("create")
@click.argument("slug")
@click.option("--name", required=True)
def associations_create(slug: str, name: str) -> None:
    """Create an umbrella association."""
    commit_or_fail(lambda: tenant_ops.create_association(slug, name))
    click.echo(f"created association {slug}")


@associations_cli.command("add-member")
@click.argument("slug")
@click.argument("tenant_slug")
def associations_add_member(slug: str, tenant_slug: str) -> None:
    """Make an office a member of an association (it shares nothing until its admin decides)."""
    tenant_ops.add_member(association_or_fail(slug), tenant_or_fail(tenant_slug))
    db.session.commit()
    click.echo(f"{tenant_slug} is a member of {slug}")


@demo_cli.command("seed")
@click.option(
    "--day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Seed as if this day (YYYY-MM-DD) had ended: its contacts are all entered. Default: now.",
)
def demo_seed(day: dt.datetime | None) -> None:
    """Create the demo offices, associations, users and data. Idempotent: seeding again at once, or for the
    same --day, changes nothing; seeding later adds what the demo's office entered since (its contacts of
    today come in office hours, one by one)."""
    from saas.core.demo import after_seed, seed_all, seeding_on

    with seeding_on(day.date()) if day is not None else contextlib.nullcontext():
        created = seed_all()
    db.session.commit()
    click.echo("demo data created" if created else "demo data present, nothing changed")
    for message in after_seed(created):
        click.echo(message)


def register(app: Flask) -> None:
    for group in (tenants_cli, users_cli, associations_cli, demo_cli):
        app.cli.add_command(group)
