"""Global SQLAlchemy listeners, attached by ``create_app`` and the features' ``init_app`` (never on import).

Listeners on ``Session``/``Engine`` are process-wide while apps are per call (tests build many): ``listen``
attaches a module-level function once, however many apps are created. No module keeps its own guard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event


def listen(target: Any, identifier: str, fn: Callable[..., Any]) -> None:
    """``event.listen(target, identifier, fn)`` unless ``fn`` is attached there already."""
    if not event.contains(target, identifier, fn):
        event.listen(target, identifier, fn)
