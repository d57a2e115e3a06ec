"""The ``lotse`` console script: the Flask CLI of the app (same as ``flask --app saas``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click
from flask.cli import FlaskGroup

if TYPE_CHECKING:
    from flask import Flask

    from tenants.models import Association, Tenant

T = TypeVar("T")


def _create_app() -> Flask:
    from saas import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, add_version_option=False, load_dotenv=False)
def main() -> None:
    """Lotse – Plattform für Selbsthilfe-Kontaktstellen."""


def fail(message: str) -> NoReturn:
    """Exit non-zero with a one-line reason (CONTRACTS.md: every command)."""
    raise click.ClickException(message)


def commit_or_fail(action: Callable[[], T]) -> T:
    """A command's write (the CLI's ``perform``): commit when it returns; on a ``DomainError`` roll back and
    exit with its message."""
    from saas.core.errors import DomainError
    from saas.extensions import db

    try:
        value = action()
    except DomainError as exc:
        db.session.rollback()
        fail(str(exc))
    db.session.commit()
    return value


def association_or_fail(slug: str) -> Association:
    """The association with this slug, or exit with "unknown association: <slug>"."""
    from sqlalchemy import select

    from saas.extensions import db
    from tenants.models import Association

    association = db.session.scalar(select(Association).where(Association.slug == slug))
    if association is None:
        fail(f"unknown association: {slug}")
    return association


def tenant_or_fail(slug: str) -> Tenant:
    """The office with this slug, or exit with "unknown office: <slug>"."""
    from sqlalchemy import select

    from saas.extensions import db
    from tenants.models import Tenant

    tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
    if tenant is None:
        fail(f"unknown office: {slug}")
    return tenant


if __name__ == "__main__":
    main()
