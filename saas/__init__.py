"""Lotse: the web application. ``create_app()`` builds it from the environment."""

from __future__ import annotations

import importlib
import logging
import os
from typing import Any

from flask import Flask, has_request_context, session
from flask_login import current_user

from saas.config import flask_config, load_settings
from saas.core import inputs, logfilter, proxies
from saas.extensions import babel, csrf, db, limiter, migrate

# One feature = one package whose ``__init__.py`` maps it and has ``init_app(app)``; called in this order.
FEATURES = [
    "core",
    "auth",
    "admin",
    "audit",
    "directory",
    "api",
    "events",
    "rooms",
    "founding",
    "contacts",
    "funders",
    "newsletter",
    "association",
    "privacy",
    "legal",
    "seo",
    "grouparea",
]


def create_app(config_override: dict[str, Any] | None = None) -> Flask:
    settings = load_settings()
    app = Flask(__name__, instance_path=str(settings.instance), instance_relative_config=False)
    app.config.update(flask_config(settings))
    if config_override:
        celery_override = config_override.pop("CELERY", None)
        app.config.update(config_override)
        if celery_override:
            app.config["CELERY"] = {**app.config["CELERY"], **celery_override}
    settings.instance.mkdir(parents=True, exist_ok=True)
    # X-Forwarded-* only from proxies named in TRUSTED_PROXIES (a count or networks); none by default.
    app.wsgi_app = proxies.wrap(app.wsgi_app, app.config.get("TRUSTED_PROXIES"))  # type: ignore[method-assign]  # WSGI middleware, as Flask documents
    _configure_logging()
    logfilter.install()  # no e-mail addresses or link tokens in any log line

    inputs.init_app(app)  # bounded <int:…>, args and dates: before any blueprint adds its rules
    _init_extensions(app)
    _register_features(app)
    return app


class _NoDefaultHostnameWarning(logging.Filter):
    """kombu warns "No hostname was supplied" for every connection to the embedded ``filesystem://``
    broker, which has no host by design."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "No hostname was supplied" not in record.getMessage()


def _configure_logging() -> None:
    """Quiet by default (warnings and errors); ``LOTSE_LOG_LEVEL=INFO`` for more."""
    level = os.environ.get("LOTSE_LOG_LEVEL", "WARNING").upper()
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("fontTools").setLevel(logging.WARNING)  # fpdf2's font subsetting logs every glyph
    kombu = logging.getLogger("kombu.connection")
    if not any(isinstance(f, _NoDefaultHostnameWarning) for f in kombu.filters):
        kombu.addFilter(_NoDefaultHostnameWarning())


def _select_locale() -> str:
    if not has_request_context():  # a task or the CLI: German, the office's language
        return "de"
    lang = session.get("lang")
    if lang in ("de", "en"):
        return lang
    if current_user and getattr(current_user, "locale", None) in ("de", "en"):
        return current_user.locale
    return "de"  # German first; English only when chosen


def _init_extensions(app: Flask) -> None:
    from saas.auth import login as auth_login
    from saas.core import reflow, sqlite
    from saas.core.celery import celery_init_app
    from saas.core.formatting import register_filters
    from tenants import resolve

    sqlite.install()  # before the first connection: WAL mode (see saas.core.sqlite)
    db.init_app(app)
    resolve.init_app(app)  # first before_request: fresh g, office bound before anything else runs
    migrate.init_app(app, db, directory=str(_migrations_dir()), render_as_batch=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=_select_locale, default_translation_directories="translations")
    limiter.init_app(app)
    auth_login.init_app(app)
    register_filters(app)
    reflow.register(app)
    celery_init_app(app)
    _install_session_hooks()


def _install_session_hooks() -> None:
    """The global SQLAlchemy listeners of the platform; features add theirs in their ``init_app``."""
    from sqlalchemy.orm import Session

    from saas.core import aftercommit
    from tenants import rls, scoping

    scoping.install(Session)  # the tenancy guard
    rls.install_session_hooks()  # PostgreSQL row-level security follows the bound office
    aftercommit.install()  # mails and tasks after commit
    from saas.core import headers

    headers.install_model_checks()  # no CR/LF in any column that ends up in a mail header


def _migrations_dir() -> Any:
    from saas.config import REPO_ROOT

    return REPO_ROOT / "migrations"


def _register_features(app: Flask) -> None:
    for name in FEATURES:
        importlib.import_module(f"saas.{name}").init_app(app)
    from saas.core import errors, security
    from saas.core.locks import TaskLock  # noqa: F401 - table for periodic-task locks
    from saas.core.periodic import schedule
    from saas.core.tasks import TASK_MODULES

    celery_app = app.extensions["celery"]
    celery_app.conf.beat_schedule = schedule()
    celery_app.conf.imports = TASK_MODULES  # by name: a worker imports them at start, saas/ never does
    errors.init_app(app)

    security.init_app(app)
