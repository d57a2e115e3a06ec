"""Pages that fit a 360 px phone (WCAG 2.1 1.4.10 Reflow): hyphenated headings and ids for table regions.

A long German word in a large heading ("Datenschutzerklärung" in an h1) is wider than a phone's column.
CSS ``hyphens: auto`` needs the browser to hold a hyphenation dictionary for the page's language; a Chromium
without its downloaded hyphenation data (as in our browser tests, some kiosk and embedded browsers) has none,
and the word then overflows the page or, with ``overflow-wrap``, breaks anywhere ("Veränderu|ng"). So the
server puts soft hyphens (U+00AD) into the words of a heading too long for a phone's line, with Pyphen and
the hunspell patterns it ships (de_DE, en_GB …, chosen by the page's language): every browser can break
there, and the stylesheet lets it only on a narrow screen (``hyphens: none`` on a wide one). A soft hyphen
is invisible where no line breaks at it; screen readers and search in the page pass over it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen
from flask import Flask, g
from markupsafe import Markup

from saas.core.formatting import _locale

SOFT_HYPHEN = "\u00ad"
# A word gets break points only when it is too long for a 360 px phone's line (328 px) at its heading's size
# (h1 1.8rem bold: about 18 letters fit, h2 1.35rem: about 24, smaller headings more). Every shorter word,
# and so nearly all text, stays as it was: its accessible name and the page's HTML do not change where
# hyphenation is not needed. A narrower box (a card) still wraps a word that did not get any (overflow-wrap).
MIN_LETTERS = {"h1": 18, "h2": 23}
MIN_LETTERS_SMALL = 28  # h3-h6
_HEADING = re.compile(r"(<(h[1-6])\b[^>]*>)(.*?)(</\2\s*>)", re.IGNORECASE | re.DOTALL)
_TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&[#\w]+;)")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=8)
def _dictionary(locale: str) -> pyphen.Pyphen:
    lang = pyphen.language_fallback(locale.replace("-", "_")) or "de_DE"
    return pyphen.Pyphen(lang=lang)


@lru_cache(maxsize=4096)
def hyphenate_word(word: str, locale: str = "de") -> str:
    """The word with a soft hyphen at each break the language's patterns allow ("Ver­än­de­rung")."""
    return _dictionary(locale).inserted(word, hyphen=SOFT_HYPHEN)


def hyphenate_text(text: str, locale: str, min_letters: int) -> str:
    """Soft hyphens into every word of at least min_letters letters of a text that holds no markup."""
    return _WORD.sub(lambda m: hyphenate_word(m[0], locale) if len(m[0]) >= min_letters else m[0], text)


def hyphenate_headings(html: str) -> Markup:
    """The rendered page content with soft hyphens in the words of its headings too long for a phone;
    the text only, never a tag, attribute or entity."""
    locale = _locale()

    def heading(match: re.Match[str]) -> str:
        min_letters = MIN_LETTERS.get(match.group(2).lower(), MIN_LETTERS_SMALL)
        parts = _TAG_OR_ENTITY.split(match.group(3))
        inner = "".join(p if i % 2 else hyphenate_text(p, locale, min_letters) for i, p in enumerate(parts))
        return match.group(1) + inner + match.group(4)

    # the input is the template's own escaped output; only soft hyphens are added to its text
    return Markup(_HEADING.sub(heading, str(html)))  # noqa: S704


def dom_id(prefix: str) -> str:
    """An id unique within the page being rendered ("table-3"), for a region named by its table's caption."""
    count = g.get("_dom_ids", 0) + 1
    g._dom_ids = count
    return f"{prefix}-{count}"


def register(app: Flask) -> None:
    app.jinja_env.filters["hyphenate_headings"] = hyphenate_headings
    app.jinja_env.globals["dom_id"] = dom_id
