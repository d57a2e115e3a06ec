"""Registry of periodic (beat) tasks. Features call ``register_periodic`` in their workers module;
create_app hands the collected schedule to Celery beat."""

from __future__ import annotations

from typing import Any

from celery.schedules import crontab

BEAT_SCHEDULE: dict[str, dict[str, Any]] = {}


def register_periodic(name: str, task: str, schedule: Any, **options: Any) -> None:
    """E.g. ``register_periodic("newsletter-cleanup", "lotse.newsletter.cleanup", crontab(minute=15, hour=3))``."""
    BEAT_SCHEDULE[name] = {"task": task, "schedule": schedule, **options}


__all__ = ["BEAT_SCHEDULE", "crontab", "register_periodic"]
