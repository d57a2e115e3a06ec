"""Forms of the legal pages: what the office admin fills in, and the public accessibility feedback."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional

A11Y_STATUS = [
    ("full", _l("vollständig konform")),
    ("partial", _l("teilweise konform")),
    ("none", _l("nicht konform")),
]

_required = DataRequired(message=_l("Bitte ausfüllen: diese Angabe verlangt § 5 DDG."))


class ImpressumForm(FlaskForm):
    operator_name = StringField(_l("Anbieter (Träger)"), validators=[_required, Length(max=200)])
    legal_form = StringField(_l("Rechtsform"), validators=[_required, Length(max=100)])
    street = StringField(_l("Straße und Hausnummer"), validators=[_required, Length(max=200)])
    postcode = StringField(_l("Postleitzahl"), validators=[_required, Length(max=10)])
    city = StringField(_l("Ort"), validators=[_required, Length(max=100)])
    representatives = StringField(_l("Vertretungsberechtigte Personen"), validators=[_required, Length(max=500)])
    email = EmailField(_l("E-Mail-Adresse"), validators=[_required, Email(), Length(max=254)])
    phone = StringField(_l("Telefon"), validators=[_required, Length(max=50)])
    register_entry = StringField(_l("Registereintrag"), validators=[_required, Length(max=300)])
    vat_id = StringField(_l("Umsatzsteuer-Identifikationsnummer"), validators=[Optional(), Length(max=30)])
    supervisory_authority = StringField(_l("Aufsichtsbehörde"), validators=[Optional(), Length(max=300)])
    content_responsible = StringField(
        _l("Verantwortlich für den Inhalt (§ 18 Abs. 2 MStV)"), validators=[_required, Length(max=300)]
    )


class PrivacyForm(FlaskForm):
    dpo_contact = StringField(_l("Datenschutzbeauftragte Person (Name, Kontakt)"), validators=[Length(max=500)])
    privacy_authority = StringField(_l("Zuständige Datenschutz-Aufsichtsbehörde"), validators=[Length(max=500)])
    privacy_extra = TextAreaField(_l("Ergänzende Hinweise"), validators=[Length(max=20000)])


class AccessibilityForm(FlaskForm):
    a11y_status = SelectField(_l("Stand der Vereinbarkeit"), choices=A11Y_STATUS)
    a11y_gaps = TextAreaField(_l("Bekannte Barrieren"), validators=[Length(max=20000)])
    a11y_reviewed_on = DateField(
        _l("Zuletzt geprüft am"), validators=[DataRequired(message=_l("Bitte geben Sie ein Datum an."))]
    )


class EasyLanguageForm(FlaskForm):
    easy_language = TextAreaField(_l("Text in Leichter Sprache"), validators=[Length(max=20000)])


class FeedbackForm(FlaskForm):
    message = TextAreaField(
        _l("Welche Barriere haben Sie gefunden?"),
        validators=[DataRequired(message=_l("Bitte beschreiben Sie die Barriere.")), Length(max=3000)],
    )
    page = StringField(_l("Auf welcher Seite? (freiwillig)"), validators=[Optional(), Length(max=300)])
    name = StringField(_l("Ihr Name (freiwillig)"), validators=[Optional(), Length(max=200)])
    email = EmailField(
        _l("Ihre E-Mail-Adresse für eine Antwort (freiwillig)"), validators=[Optional(), Email(), Length(max=254)]
    )
    consent = BooleanField(
        _l(
            "Ich bin einverstanden, dass meine Angaben per E-Mail an die Kontaktstelle gehen, damit sie antworten kann."
        ),
        validators=[DataRequired(message=_l("Bitte bestätigen Sie die Einwilligung."))],
    )
