"""Celery workers: ``celery -A workers worker`` / ``celery -A workers beat``.

The Celery app is built lazily from the Flask app (same configuration as the web app). Each module here
holds a feature's tasks: bind the office, call one function of the feature (docs/architecture.md).
``saas/`` never imports this package: it queues tasks by name (``saas.core.tasks``), and the worker
imports the modules listed in ``saas.core.tasks.TASK_MODULES`` at start.
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
