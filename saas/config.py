"""Settings, read from environment variables only (CONTRACTS.md *Configuration*).

The same code runs embedded (SQLite file, filesystem broker, mail as .eml files) and in production
(PostgreSQL, Redis, SMTP); only the environment decides.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]


class ConfigError(RuntimeError):
    """Start-up refused because the configuration is unsafe or incomplete."""


def instance_path() -> Path:
    return Path(os.environ.get("LOTSE_INSTANCE", REPO_ROOT / "instance")).resolve()


def _secret_key(env: str, folder: Path) -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if env == "production":
        raise ConfigError("SECRET_KEY fehlt: in production muss SECRET_KEY gesetzt sein (SECRET_KEY is required).")
    # Embedded mode: generate once and keep it, so sessions survive restarts.
    folder.mkdir(parents=True, exist_ok=True)
    key_file = folder / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(48))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


@dataclass(frozen=True)
class Settings:
    env: str
    instance: Path
    database_url: str
    redis_url: str | None
    broker_url: str
    result_backend: str
    mail_url: str
    base_url: str
    secret_key: str


def load_settings() -> Settings:
    env = os.environ.get("LOTSE_ENV", "development")
    folder = instance_path()
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'lotse.db'}"
    if env == "production" and database_url.startswith("sqlite"):
        raise ConfigError(
            "DATABASE_URL zeigt auf SQLite: in production ist PostgreSQL nötig (SQLite is not allowed in production)."
        )
    redis_url = os.environ.get("REDIS_URL") or None
    broker_url = os.environ.get("CELERY_BROKER_URL") or (redis_url or "filesystem://")
    result_backend = redis_url or f"db+sqlite:///{folder / 'celery-results.sqlite'}"
    return Settings(
        env=env,
        instance=folder,
        database_url=database_url,
        redis_url=redis_url,
        broker_url=broker_url,
        result_backend=result_backend,
        mail_url=os.environ.get("MAIL_URL") or f"file://{folder / 'outbox'}",
        base_url=(os.environ.get("BASE_URL") or "http://127.0.0.1:5000").rstrip("/"),
        secret_key=_secret_key(env, folder),
    )


def flask_config(settings: Settings) -> dict:
    production = settings.env == "production"
    broker_folder = settings.instance / "broker"
    celery: dict = {
        "broker_url": settings.broker_url,
        "result_backend": settings.result_backend,
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_ignore_result": True,
        "timezone": "Europe/Berlin",
        "enable_utc": True,
        "broker_connection_retry_on_startup": True,
        "beat_schedule_filename": str(settings.instance / "celerybeat-schedule"),
    }
    if settings.broker_url.startswith("filesystem://"):
        for sub in ("in", "processed", "control"):
            (broker_folder / sub).mkdir(parents=True, exist_ok=True)
        celery["broker_transport_options"] = {
            "data_folder_in": str(broker_folder / "in"),
            "data_folder_out": str(broker_folder / "in"),
            "processed_folder": str(broker_folder / "processed"),
            "control_folder": str(broker_folder / "control"),
            "store_processed": False,
        }
    elif settings.broker_url.startswith("redis"):
        # A task whose worker died is redelivered only after the visibility timeout; keep it short
        # enough for crash recovery and longer than any task runs (see workers/README in code).
        celery["broker_transport_options"] = {
            "visibility_timeout": int(os.environ.get("LOTSE_VISIBILITY_TIMEOUT", 300))
        }
    engine_options: dict = {"pool_pre_ping": True}
    if settings.database_url.startswith("sqlite"):
        engine_options = {"connect_args": {"timeout": 30}}
    binds: dict = {}
    stats_url = os.environ.get("AGGREGATOR_DATABASE_URL")
    if stats_url:
        # The association aggregation's own connection (role lotse_stats): only the worker needs it.
        binds["stats"] = {"url": stats_url, **engine_options}
    return {
        "LOTSE_ENV": settings.env,
        "SQLALCHEMY_BINDS": binds,
        "SECRET_KEY": settings.secret_key,
        "SQLALCHEMY_DATABASE_URI": settings.database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": engine_options,
        "REDIS_URL": settings.redis_url,
        "MAIL_URL": settings.mail_url,
        "MAIL_FROM": os.environ.get("MAIL_FROM", "Lotse <noreply@lotse.local>"),
        # Where the List-Unsubscribe mailto points (default: MAIL_FROM's address), and the IMAP mailbox that
        # receives bounces and those mails (read every few minutes by the worker; see saas.newsletter.mailbox).
        "NEWSLETTER_MAILTO": os.environ.get("NEWSLETTER_MAILTO") or None,
        "BOUNCE_MAILBOX_URL": os.environ.get("BOUNCE_MAILBOX_URL") or None,
        "BASE_URL": settings.base_url,
        # Who may set X-Forwarded-*: unset = nobody; "1" = one proxy in front; "10.0.0.0/8,…" = those networks.
        "TRUSTED_PROXIES": os.environ.get("TRUSTED_PROXIES") or None,
        # What the privacy notices say about the installation (saas.legal.notice): who hosts it, and after how
        # many days the web server's access logs are deleted (set it to match the log rotation).
        "HOSTING_PROVIDER": os.environ.get("HOSTING_PROVIDER") or None,
        "ACCESS_LOG_DAYS": int(os.environ.get("ACCESS_LOG_DAYS") or 7),
        # Association figures: a period's table (a quarter's year to date, the year) is released on the first
        # aggregation run at least this many days after the period ended, then frozen (saas.association.publish).
        "ASSOCIATION_RELEASE_DAYS": int(os.environ.get("ASSOCIATION_RELEASE_DAYS") or 14),
        "PREFERRED_URL_SCHEME": urlsplit(settings.base_url).scheme or "http",
        "CELERY": celery,
        "RATELIMIT_STORAGE_URI": settings.redis_url or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "SESSION_COOKIE_SECURE": production or settings.base_url.startswith("https"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_NAME": "lotse_session",
        "PERMANENT_SESSION_LIFETIME": 8 * 3600,
        "MAX_CONTENT_LENGTH": int(os.environ.get("LOTSE_MAX_CONTENT_LENGTH", 64 * 1024 * 1024)),
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        "BABEL_DEFAULT_LOCALE": "de",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Berlin",
        "LANGUAGES": ["de", "en"],
        "PASSWORD_RESET_MAX_AGE": 3600,
        "TASKS_EAGER": False,
        "MFA_ENFORCED": True,
    }
