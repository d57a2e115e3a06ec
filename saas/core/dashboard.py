"""The start page ("Übersicht"): features register panels, ``fn() -> Panel | None``, with ``register_panel``.

A panel is the one way a feature shows work on the start page: a title, an optional headline figure, items
that each link to their action, and a link to the full list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Item:
    """One line of a panel: what it is, where to act on it, and a short fact (age, count, time)."""

    text: str
    url: str
    meta: str = ""
    warn: bool = False  # needs attention (e.g. below the minimum, long open)


@dataclass
class Panel:
    key: str
    title: str
    items: list[Item]
    empty: str
    figure: str = ""  # a headline figure, e.g. "12 heute · 58 diese Woche"
    actions: list[tuple[str, str]] = field(default_factory=list)  # (label, url) buttons
    more: tuple[str, str] | None = None  # (label, url) to the full list


PanelFn = Callable[[], Panel | None]
PANEL_PROVIDERS: list[tuple[int, PanelFn]] = []


def register_panel(order: int) -> Callable[[PanelFn], PanelFn]:
    """Features add a panel to the start page: ``fn() -> Panel | None``, a few queries at most, never
    one per item (the page is one request with a fixed number of queries)."""

    def decorator(fn: PanelFn) -> PanelFn:
        if all(existing is not fn for _, existing in PANEL_PROVIDERS):
            PANEL_PROVIDERS.append((order, fn))
            PANEL_PROVIDERS.sort(key=lambda pair: pair[0])
        return fn

    return decorator


def dashboard_panels() -> list[Panel]:
    return [panel for _, fn in PANEL_PROVIDERS if (panel := fn()) is not None]
