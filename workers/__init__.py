"""Celery workers: ``celery -A workers worker`` / ``celery -A workers beat``.

The Celery app is built lazily from the Flask app (same configuration as the web app), so that
feature code can import task modules here without creating an app at import time.
"""

from __future__ import annotations

from typing import Any

_celery = None


def _build() -> Any:
    global _celery
    if _celery is None:
        from saas import create_app

        flask_app = create_app()
        _celery = flask_app.extensions["celery"]
        _celery.flask_app = flask_app
    return _celery


def __getattr__(name: str) -> Any:
    if name in ("celery", "app"):
        return _build()
    raise AttributeError(name)
