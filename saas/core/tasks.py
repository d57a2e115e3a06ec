"""Queue Celery tasks by name, so that ``saas/`` never imports ``workers/``.

A task is named ``lotse.<feature>.<what>`` (``workers/<feature>.py`` defines it and holds nothing but
binding the office and calling one function of the feature). Web code asks for it by that name:

- ``queue("lotse.directory.notify_inquiry", tenant_id, inquiry_id)``: after the next commit (the usual case);
- ``send(...)``: right now, for code that has just committed itself.

Where the task is registered in this process (the eager test set-up) it runs through its own class; else
the message goes to the broker and the worker, which imports ``TASK_MODULES`` at start, runs it.
"""

from __future__ import annotations

from typing import Any

from celery import Celery
from celery.canvas import Signature
from flask import current_app

# The modules a worker imports at start (Celery's ``imports`` setting); see saas.core.periodic for the beat.
TASK_MODULES = (
    "workers.mail",
    "workers.auth",
    "workers.events",
    "workers.rooms",
    "workers.directory",
    "workers.founding",
    "workers.contacts",
    "workers.newsletter",
    "workers.association",
    "workers.privacy",
    "workers.grouparea",
)


def _celery() -> Celery:
    return current_app.extensions["celery"]


def signature(name: str, *args: Any, **kwargs: Any) -> Signature:
    """The task call ``name(*args, **kwargs)``, not yet sent."""
    app = _celery()
    if app.conf.task_always_eager and name not in app.tasks:
        # Eager (tests, in-process): the task must run here, so load the task modules as a worker would.
        app.loader.import_default_modules()
    return app.signature(name, args=args, kwargs=kwargs)


def send(name: str, *args: Any, **kwargs: Any) -> Any:
    """Send the task now (the caller has committed what the task reads). Returns the AsyncResult."""
    return signature(name, *args, **kwargs).apply_async()


def queue(name: str, *args: Any, **kwargs: Any) -> None:
    """Send the task once the current transaction commits; a rollback drops it."""
    from saas.core.aftercommit import after_commit

    after_commit(lambda: send(name, *args, **kwargs))
