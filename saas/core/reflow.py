"""Pages that fit a 360 px phone (WCAG 2.1 1.4.10 Reflow): hyphenated headings and ids for table regions.

A long German word in a large heading ("Datenschutzerklärung" in an h1) is wider than a phone's column.
CSS ``hyphens: auto`` needs the browser to hold a hyphenation dictionary for the page's language; a Chromium
without its downloaded hyphenation data (as in our browser tests, some kiosk and embedded browsers) has none,
and the word then overflows the page or, with ``overflow-wrap``, breaks anywhere ("Veränderu|ng"). So the
server puts soft hyphens (U+00AD) into the long words of every heading and table caption, with Pyphen and
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
# Words this long and longer get break points: a shorter one fits a 360 px phone's line even in the largest
# heading (h1, 1.8rem bold: about 18 letters to 328 px). Shorter words are left alone, so a page's text and
# its accessible names stay as they were wherever hyphenation is not needed.
MIN_LETTERS = 14
_HEADING = re.compile(r"(<(h[1-6]|caption)\b[^>]*>)(.*?)(</\2\s*>)", re.IGNORECASE | re.DOTALL)
_TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&[#\w]+;)")
_LONG_WORD = re.compile(rf"[^\W\d_]{{{MIN_LETTERS},}}")


@lru_cache(maxsize=8)
def _dictionary(locale: str) -> pyphen.Pyphen:
    lang = pyphen.language_fallback(locale.replace("-", "_")) or "de_DE"
    return pyphen.Pyphen(lang=lang)


@lru_cache(maxsize=4096)
def hyphenate_word(word: str, locale: str = "de") -> str:
    """The word with a soft hyphen at each break the language's patterns allow ("Ver­än­de­rung")."""
    return _dictionary(locale).inserted(word, hyphen=SOFT_HYPHEN)


def hyphenate_text(text: str, locale: str) -> str:
    """Soft hyphens into every long word of a text that holds no markup."""
    return _LONG_WORD.sub(lambda m: hyphenate_word(m.group(0), locale), text)


def hyphenate_headings(html: str) -> Markup:
    """The rendered page content with soft hyphens in the long words of its headings and table captions;
    the text only, never a tag, attribute or entity."""
    locale = _locale()

    def heading(match: re.Match[str]) -> str:
        parts = _TAG_OR_ENTITY.split(match.group(3))
        inner = "".join(p if i % 2 else hyphenate_text(p, locale) for i, p in enumerate(parts))
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
