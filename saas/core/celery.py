"""Celery wiring as in Flask's own example: tasks run inside the Flask app context."""

from __future__ import annotations

from typing import Any

from celery import Celery, Task
from flask import Flask

from tenants.scoping import bind_tenant, unbind_tenant


def celery_init_app(app: Flask) -> Celery:
    class FlaskTask(Task):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
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
