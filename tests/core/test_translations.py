"""German is the source language; English is selectable and its catalogue is complete for the foundation."""

import io
from pathlib import Path

from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

CATALOGUE = Path(__file__).resolve().parents[2] / "saas" / "translations" / "en" / "LC_MESSAGES"
FOUNDATION = ("saas/templates", "saas/core", "saas/auth", "saas/admin")


def _po():
    with open(CATALOGUE / "messages.po", "rb") as fh:
        return read_po(fh)


def test_po_compiles_and_matches_the_committed_mo():
    """Does the .po compile, and is the committed .mo the compiled form of it (nobody forgot to compile)?"""
    po = _po()
    buffer = io.BytesIO()
    write_mo(buffer, po)
    buffer.seek(0)
    compiled = {m.id: m.string for m in read_mo(buffer) if m.id}
    with open(CATALOGUE / "messages.mo", "rb") as fh:
        committed = {m.id: m.string for m in read_mo(fh) if m.id}
    assert compiled == committed, "run scripts/translations.sh to recompile saas/translations"


def test_every_foundation_string_has_an_english_translation():
    """Is every msgid of the layout, core, auth and admin translated (and none left fuzzy)?"""
    missing = [
        m.id
        for m in _po()
        if m.id and any(loc.startswith(FOUNDATION) for loc, _ in m.locations) and (not m.string or m.fuzzy)
    ]
    assert not missing, f"untranslated: {missing[:10]}"


def test_placeholders_survive_translation():
    """Does each English translation keep exactly the %(name)s placeholders of its German msgid?"""
    import re

    pattern = re.compile(r"%\(\w+\)s")
    wrong = [
        m.id
        for m in _po()
        if m.id and m.string and sorted(pattern.findall(str(m.id))) != sorted(pattern.findall(str(m.string)))
    ]
    assert not wrong, wrong


def test_language_switch_to_english_and_back(client):
    """Does the login page speak German by default, English after switching, and German again after switching back?"""
    german = client.get("/login").get_data(as_text=True)
    assert '<html lang="de">' in german and "Passwort vergessen?" in german

    response = client.post_form("/sprache/en", {"next": "/login"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")
    english = client.get("/login").get_data(as_text=True)
    assert '<html lang="en">' in english
    assert "Forgot your password?" in english and "E-mail address" in english and "Skip to content" in english
    assert "Passwort vergessen?" not in english

    client.post_form("/sprache/de", {"next": "/login"})
    again = client.get("/login").get_data(as_text=True)
    assert '<html lang="de">' in again and "Passwort vergessen?" in again


def test_english_error_messages_and_form_errors(client, world):
    """Are form errors and error pages English after switching (the 404 page, a failed login)?"""
    client.post_form("/sprache/en", {"next": "/"})
    assert "Page not found" in client.get("/dortmund/gibt-es-nicht/x").get_data(as_text=True)
    failed = client.post_form("/login", {"email": world.dortmund_staff.email, "password": "wrong password"})
    assert "E-mail address or password is wrong." in failed.get_data(as_text=True)


def test_unknown_language_is_refused(client):
    assert client.post_form("/sprache/fr", {"next": "/"}).status_code == 404


def test_language_switch_refuses_an_open_redirect(client):
    """Does a foreign "next" address fall back to the start page?"""
    response = client.post_form("/sprache/en", {"next": "https://evil.example/"})
    assert response.headers["Location"].endswith("/")
    assert "evil" not in response.headers["Location"]
