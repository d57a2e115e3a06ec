"""Celery wiring as in Flask's own example: tasks run inside the Flask app context."""

from __future__ import annotations

import threading
from typing import Any

from celery import Celery, Task
from flask import Flask, has_app_context

from tenants.scoping import bind_tenant, unbind_tenant


def _run_isolated(fn: Any) -> Any:
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="lotse-eager-task")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def _redact_worker_logs(*_args: Any, **_kwargs: Any) -> None:
    from saas.core import logfilter

    logfilter.install()


def celery_init_app(app: Flask) -> Celery:
    from celery.signals import after_setup_logger, after_setup_task_logger

    after_setup_logger.connect(_redact_worker_logs, weak=False)  # the worker's handlers exist only from here
    after_setup_task_logger.connect(_redact_worker_logs, weak=False)

    class FlaskTask(Task):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            if self.request.is_eager and has_app_context():
                # Eager (tests, in-process): the task is started from inside a request's commit (see
                # saas.core.aftercommit). Run it in a thread of its own, so it gets a fresh context and
                # DB session instead of closing the committing one; join it to keep eager semantics.
                return _run_isolated(lambda: self._run_in_app(*args, **kwargs))
            return self._run_in_app(*args, **kwargs)

        def _run_in_app(self, *args: Any, **kwargs: Any) -> Any:
            # A fresh app context (and so a fresh DB session) per task; no office is bound until the
            # task binds the one named by its arguments.
            with app.app_context():
                token = bind_tenant(None)
                try:
                    return self.run(*args, **kwargs)
                finally:
                    unbind_tenant(token)

    celery_app = Celery(app.name, task_cls=FlaskTask)
    celery_app.config_from_object(app.config["CELERY"])
    celery_app.conf.beat_schedule = dict(app.config.get("CELERY_BEAT_SCHEDULE", {}))
    celery_app.set_default()
    app.extensions["celery"] = celery_app
    return celery_app
