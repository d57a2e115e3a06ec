"""Soft hyphens in heading words too long for a phone (saas/core/reflow.py): only there, only in text."""

from __future__ import annotations

import pyphen
from flask_babel import force_locale

from saas.core.reflow import SOFT_HYPHEN, hyphenate_headings


def test_only_a_heading_word_too_long_for_a_phone_gets_break_points(app):
    html = (
        '<h1 id="x" title="Datenschutzerklärungsangelegenheiten">Datenschutzerklärung &amp; Selbsthilfe</h1>'
        "<h2>Datenschutzerklärung</h2><p>Datenschutzerklärung</p>"
    )
    with app.test_request_context("/"):
        out = str(hyphenate_headings(html))
    h1 = out.split("</h1>")[0]
    assert 'title="Datenschutzerklärungsangelegenheiten"' in h1  # an attribute is never touched
    assert f"Da{SOFT_HYPHEN}ten" in h1 and f"klä{SOFT_HYPHEN}rung" in h1  # de_DE patterns: syllables
    assert "&amp; Selbsthilfe</h1>" in out  # an entity and a word that fits stay as they were
    assert "<h2>Datenschutzerklärung</h2>" in out  # fits an h2's line on a phone
    assert "<p>Datenschutzerklärung</p>" in out  # not a heading
    assert out.replace(SOFT_HYPHEN, "") == html  # nothing but soft hyphens added


def test_an_english_page_uses_english_patterns(app):
    with app.test_request_context("/"), force_locale("en"):
        out = str(hyphenate_headings("<h1>Incomprehensibilities</h1>"))
    english = pyphen.Pyphen(lang="en").inserted("Incomprehensibilities", hyphen=SOFT_HYPHEN)
    german = pyphen.Pyphen(lang="de_DE").inserted("Incomprehensibilities", hyphen=SOFT_HYPHEN)
    assert english != german and out == f"<h1>{english}</h1>"  # the page's language, not German
