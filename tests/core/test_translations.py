"""German is the source language; English is selectable and its catalogue is complete for the foundation."""

import io
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

CATALOGUE = Path(__file__).resolve().parents[2] / "saas" / "translations" / "en" / "LC_MESSAGES"
FOUNDATION = ("saas/templates", "saas/core", "saas/auth", "saas/admin")


def _po():
    with open(CATALOGUE / "messages.po", "rb") as fh:
        return read_po(fh)


def _entries(catalog: Iterable[Message]) -> dict[object, object]:
    """msgid → msgstr; a plural's forms come as lists from a .mo file, kept as tuples."""

    def frozen(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {frozen(m.id): frozen(m.string) for m in catalog if m.id}


def test_po_compiles_and_matches_the_committed_mo():
    """Does the .po compile, and is the committed .mo the compiled form of it (nobody forgot to compile)?"""
    po = _po()
    buffer = io.BytesIO()
    write_mo(buffer, po)
    buffer.seek(0)
    compiled = _entries(read_mo(buffer))
    with open(CATALOGUE / "messages.mo", "rb") as fh:
        committed = _entries(read_mo(fh))
    assert compiled == committed, "run scripts/translations.sh to recompile saas/translations"


def test_every_foundation_string_has_an_english_translation():
    """Is every msgid of the layout, core, auth and admin translated (and none left fuzzy)?"""
    missing = [
        m.id
        for m in _po()
        if m.id and any(loc.startswith(FOUNDATION) for loc, _ in m.locations) and (not m.string or m.fuzzy)
    ]
    assert not missing, f"untranslated: {missing[:10]}"


def test_every_string_has_an_english_translation():
    """Is EVERY msgid of the catalogue translated (none empty, none fuzzy), so a new untranslated string fails CI?"""
    missing = [m.id for m in _po() if m.id and (not m.string or m.fuzzy)]
    assert not missing, f"{len(missing)} untranslated (run scripts/translations.sh and translate): {missing[:10]}"


def test_labels_shown_through_a_variable_are_translated():
    """Are the enum labels and label tables that templates translate as ``_(variable)`` in the catalogue?

    pybabel cannot extract them; scripts/ui_labels.py adds them when scripts/translations.sh runs."""
    import sys

    sys.path.insert(0, str(CATALOGUE.parents[3] / "scripts"))
    try:
        import ui_labels
    finally:
        sys.path.pop(0)
    translated = {m.id for m in _po() if m.id and m.string and not m.fuzzy}
    labels = ui_labels.labels()
    assert "Sucht" in labels and "Gesamttreffen" in labels and "Entwurf" in labels  # tables and enums are found
    missing = sorted(label for label in labels if label not in translated)
    assert not missing, f"run scripts/translations.sh and translate: {missing[:10]}"


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


def test_public_group_finder_in_english(client, world):
    """Does the public group finder speak English after switching: labels, search form, a group's topic area?"""
    from tests.directory.helpers import make_group, make_topic

    make_topic(world.dortmund, "Angsterkrankungen", "Angst, Panik")
    make_group(world.dortmund, "Selbsthilfe bei Angst", ["Angsterkrankungen"], topic_area="mental_health")
    german = client.get("/dortmund/gruppen?q=Angst").get_data(as_text=True)
    assert "Selbsthilfegruppen suchen" in german and "1 Gruppe gefunden" in german

    client.post_form("/sprache/en", {"next": "/dortmund/gruppen"})
    english = client.get("/dortmund/gruppen?q=Angst").get_data(as_text=True)
    assert '<html lang="en">' in english
    assert "Search for self-help groups" in english and "1 group found" in english
    assert "Mental illness and psychological strain" in english  # a topic-area label, translated as _(variable)
    assert "Selbsthilfe bei Angst" in english  # the office's own data stays as entered
    for german_text in ("Selbsthilfegruppen suchen", "Gruppe gefunden", "Psychische Erkrankungen", "Suchen"):
        assert german_text not in english, german_text


def test_newsletter_subscribe_page_in_english(client, world):
    """Does the newsletter sign-up page speak English after switching (heading, intro, button, consent box)?"""
    client.post_form("/sprache/en", {"next": "/dortmund/newsletter"})
    english = client.get("/dortmund/newsletter").get_data(as_text=True)
    assert '<html lang="en">' in english
    assert "Subscribe to the newsletter" in english and "double opt-in" in english
    assert "Yes, I consent (text above)." in english
    for german_text in ("Newsletter abonnieren", "Abonnieren", "Ja, ich willige ein", "Bestätigungslink"):
        assert german_text not in english, german_text


def test_staff_pages_of_features_in_english(client, world):
    """Do staff pages of the features (events, rooms, contacts, privacy, audit) show English after switching?"""
    client.login(world.dortmund_admin)
    client.post_form("/sprache/en", {"next": "/"})
    expectations = {
        "/dortmund/intern/veranstaltungen/": "Upcoming events",
        "/dortmund/intern/raeume/": "Rooms",
        "/dortmund/intern/kontakte/": "Record a contact",
        "/dortmund/intern/datenschutz/": "Access and erasure",
        "/dortmund/intern/protokoll": "Audit log",
    }
    for url, text in expectations.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.get_data(as_text=True), url


def test_a_charts_data_table_is_offered_in_english(client, world):
    """The chart's own words ("Daten als Tabelle") were fixed German on an English page."""
    client.login(world.dortmund_readonly)
    client.post_form("/sprache/en", {"next": "/"})
    page = client.get("/dortmund/intern/statistik?period=year&year=2022").get_data(as_text=True)
    assert "<svg" in page and "Data as a table" in page and "Daten als Tabelle" not in page
