"""The ``lotse`` console script: the Flask CLI of the app (same as ``flask --app saas``)."""

from __future__ import annotations

import click
from flask.cli import FlaskGroup


def _create_app():  # type: ignore[no-untyped-def]
    from saas import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, add_version_option=False, load_dotenv=False)
def main() -> None:
    """Lotse – Plattform für Selbsthilfe-Kontaktstellen."""


def fail(message: str) -> None:
    """Exit non-zero with a one-line reason (CONTRACTS.md: every command)."""
    raise click.ClickException(message)


if __name__ == "__main__":
    main()
