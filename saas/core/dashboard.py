"""Dashboard cards: features register a function that returns a card (title, figure, link) or None."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Card:
    title: str
    value: str
    endpoint: str | None = None
    note: str = ""


CARD_PROVIDERS: list[Callable[[], Card | None]] = []


def register_card(fn: Callable[[], Card | None]) -> Callable[[], Card | None]:
    if fn not in CARD_PROVIDERS:
        CARD_PROVIDERS.append(fn)
    return fn


def dashboard_cards() -> list[Card]:
    return [card for fn in CARD_PROVIDERS if (card := fn()) is not None]


# --- the start page's work panels ----------------------------------------------------------------------


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
