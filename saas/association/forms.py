"""Forms: an office's consent per association, the dashboard's choices, the "aggregate now" button."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectMultipleField, widgets

FAMILY_LABELS = {
    "contacts": "Kontakte (Anzahl nach Art, Weg, Themenbereich, Anliegen; Vermittlungen)",
    "groups": "Gruppen (aktive Gruppen, Gründungen, Auflösungen, Themen)",
    "events": "Veranstaltungen (durchgeführt, abgesagt, Anmeldungen)",
    "newsletter": "Newsletter (Abonnements, Ausgaben)",
    "founding": "Gründungsbegleitung (Gründungsprozesse, Interessierte, Meilensteine)",
    "support": "Gruppenbegleitung (Begleitungen, Termine, Kontakte zur Begleitung)",
    "profile": "Treffformen und Junge Selbsthilfe (Gruppen am Jahresende)",
}


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class ShareForm(FlaskForm):
    families = MultiCheckboxField(
        _l("Diese Kennzahlen teilen"),
        choices=[(key, _l(label)) for key, label in FAMILY_LABELS.items()],
        validate_choice=True,
    )


class RegionalFinderForm(FlaskForm):
    regional_finder = BooleanField(
        _l("Unsere öffentlichen Gruppen im regionalen Wegweiser des Verbands zeigen (ohne Ansprechpersonen)")
    )


class AggregateNowForm(FlaskForm):
    """Only the CSRF token."""
