"""Telephone numbers as links a phone can dial (the ``tel`` filter and the ``_contact.html`` macros)."""

from __future__ import annotations

import pytest
from flask import render_template_string

from saas.core.formatting import tel_uri


@pytest.mark.parametrize(
    ("written", "uri"),
    [
        ("0231 / 50 23 456", "tel:+49-231-5023456"),
        ("(02303) 27 28 29", "tel:+49-2303-272829"),
        ("+49 (0) 231 52 90 97", "tel:+49-231-529097"),  # the "(0)" is not dialled from abroad
        ("02 31/ 9 83 77 - 0", "tel:+49-231-983770"),
        ("0800 111 0 111", "tel:+49-800-1110111"),
        ("112", "tel:112"),  # an emergency number keeps its own digits
        ("116 117", "tel:116117"),
    ],
)
def test_a_number_as_an_office_writes_it_gets_its_tel_uri(written: str, uri: str) -> None:
    """The old replace chain left "(02303)" and "+49 (0)" in the link, which phones dial wrongly or not at all."""
    assert tel_uri(written) == uri


@pytest.mark.parametrize("written", ["", None, "nach Vereinbarung", "–"])
def test_text_that_is_no_number_gets_no_link(written: str | None) -> None:
    assert tel_uri(written) is None


def test_the_macros_link_a_number_and_leave_text_as_text(app) -> None:  # type: ignore[no-untyped-def]
    template = (
        '{% from "_contact.html" import phone, reach %}'
        "{{ phone(a) }}|{{ phone(b) }}|{{ reach({'phone': '', 'email': 'info@example.org'}) }}"
    )
    with app.test_request_context():
        html = render_template_string(template, a="0231 52 90 97", b="nach <Vereinbarung>")
    linked, text, reach = html.split("|")
    assert linked == '<a href="tel:+49-231-529097">0231 52 90 97</a>'
    assert text == "nach &lt;Vereinbarung&gt;"  # escaped, never markup
    assert reach == 'E-Mail: <a href="mailto:info@example.org">info@example.org</a>'
