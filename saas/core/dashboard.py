"""Dashboard cards: features register a function that returns a card (title, figure, link) or None."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


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
