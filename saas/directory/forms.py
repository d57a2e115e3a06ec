"""Form validation for the directory (staff and public forms). Every form carries a CSRF token."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from saas.core.headers import SingleLine
from saas.directory.models import AUDIENCES, GROUP_STATUSES, MEETING_MODES, RHYTHMS, TOPIC_AREAS, VISIBILITIES
from tenants.models import WEEKDAYS_LONG

CONTACT_SLOTS = 2


def _choices(mapping: dict[str, str], empty: str | None = None) -> list[tuple[str, str]]:
    items = [(code, _l(label)) for code, label in mapping.items()]
    return [("", empty), *items] if empty is not None else items


class GroupForm(FlaskForm):
    name = StringField(_l("Name der Gruppe"), validators=[SingleLine(), DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Beschreibung"), validators=[Optional(), Length(max=5000)])
    topics = SelectMultipleField(
        _l("Themen"), coerce=int, validators=[DataRequired(_l("Bitte mindestens ein Thema wählen."))]
    )
    topic_area = SelectField(_l("Themenbereich"), choices=_choices(TOPIC_AREAS), validators=[DataRequired()])
    audience = SelectField(_l("Zielgruppe"), choices=_choices(AUDIENCES))
    age_focus = StringField(_l("Altersschwerpunkt"), validators=[Optional(), Length(max=100)])
    languages = StringField(_l("Sprachen"), default="Deutsch", validators=[Optional(), Length(max=200)])
    site_id = SelectField(_l("Standort"), coerce=int, choices=[])
    rhythm = SelectField(_l("Rhythmus"), choices=_choices(RHYTHMS, "—"), validators=[Optional()])
    weekday = SelectField(_l("Wochentag"), choices=[("", "—"), *[(str(i), _l(d)) for i, d in enumerate(WEEKDAYS_LONG)]])
    nth_weekday = SelectField(
        _l("Woche im Monat (bei monatlich)"),
        choices=[("", "—"), ("1", _l("1.")), ("2", _l("2.")), ("3", _l("3.")), ("4", _l("4.")), ("5", _l("letzte"))],
    )
    time_start = TimeField(_l("Beginn"), validators=[Optional()])
    time_end = TimeField(_l("Ende"), validators=[Optional()])
    place = StringField(_l("Treffpunkt oder Raum"), validators=[Optional(), Length(max=200)])
    meeting_mode = SelectField(_l("Form der Treffen"), choices=_choices(MEETING_MODES))
    meets_note = StringField(_l("Hinweis zu den Treffen"), validators=[Optional(), Length(max=300)])
    welcomes_new_members = BooleanField(_l("Neue Mitglieder willkommen"), default=True)
    young = BooleanField(_l("Junge Selbsthilfe (18–35 Jahre)"))
    step_free = SelectField(
        _l("Treffpunkt stufenlos erreichbar"),
        choices=[("", _l("unbekannt")), ("yes", _l("ja")), ("no", _l("nein"))],
        validators=[Optional()],
    )
    visibility = SelectField(_l("Sichtbarkeit"), choices=_choices(VISIBILITIES))
    contact1_name = StringField(_l("Ansprechperson 1: Name"), validators=[SingleLine(), Optional(), Length(max=200)])
    contact1_phone = StringField(_l("Ansprechperson 1: Telefon"), validators=[Optional(), Length(max=50)])
    contact1_email = EmailField(
        _l("Ansprechperson 1: E-Mail"), validators=[SingleLine(), Optional(), Email(), Length(max=254)]
    )
    contact1_consent = BooleanField(_l("Ansprechperson 1 hat der Veröffentlichung ihrer Kontaktdaten zugestimmt"))
    contact2_name = StringField(_l("Ansprechperson 2: Name"), validators=[SingleLine(), Optional(), Length(max=200)])
    contact2_phone = StringField(_l("Ansprechperson 2: Telefon"), validators=[Optional(), Length(max=50)])
    contact2_email = EmailField(
        _l("Ansprechperson 2: E-Mail"), validators=[SingleLine(), Optional(), Email(), Length(max=254)]
    )
    contact2_consent = BooleanField(_l("Ansprechperson 2 hat der Veröffentlichung ihrer Kontaktdaten zugestimmt"))
    notes = TextAreaField(_l("Notizen für das Team (nicht öffentlich)"), validators=[Optional(), Length(max=5000)])
    status = SelectField(_l("Status bei Aufnahme"), choices=[("active", _l("aktiv")), ("founding", _l("im Aufbau"))])
    since = DateField(_l("Seit (Datum)"), validators=[Optional()])

    def validate_time_end(self, field: TimeField) -> None:
        if field.data and self.time_start.data and field.data <= self.time_start.data:
            raise ValidationError(_l("Das Ende muss nach dem Beginn liegen."))

    def validate_nth_weekday(self, field: SelectField) -> None:
        if self.rhythm.data == "monthly" and field.data and not self.weekday.data:
            raise ValidationError(_l("Bitte auch den Wochentag angeben."))

    def group_data(self, topics: list) -> dict[str, Any]:
        def opt_int(value: str | None) -> int | None:
            return int(value) if value not in (None, "") else None

        return {
            "name": self.name.data.strip(),
            "description": (self.description.data or "").strip(),
            "topics": topics,
            "topic_area": self.topic_area.data,
            "audience": self.audience.data,
            "age_focus": (self.age_focus.data or "").strip(),
            "languages": (self.languages.data or "").strip(),
            "site_id": self.site_id.data or None,
            "rhythm": self.rhythm.data or None,
            "weekday": opt_int(self.weekday.data),
            "nth_weekday": opt_int(self.nth_weekday.data) if self.rhythm.data == "monthly" else None,
            "time_start": self.time_start.data,
            "time_end": self.time_end.data,
            "place": (self.place.data or "").strip(),
            "meeting_mode": self.meeting_mode.data,
            "meets_note": (self.meets_note.data or "").strip(),
            "welcomes_new_members": bool(self.welcomes_new_members.data),
            "young": bool(self.young.data),
            "step_free": {"yes": True, "no": False}.get(self.step_free.data or ""),
            "visibility": self.visibility.data,
            "notes": (self.notes.data or "").strip(),
            "contacts": [
                {
                    "name": (getattr(self, f"contact{i}_name").data or "").strip(),
                    "phone": (getattr(self, f"contact{i}_phone").data or "").strip(),
                    "email": (getattr(self, f"contact{i}_email").data or "").strip(),
                    "public_consent": bool(getattr(self, f"contact{i}_consent").data),
                }
                for i in range(1, CONTACT_SLOTS + 1)
            ],
        }

    def fill_from(self, group: Any) -> None:
        for key in ("name", "description", "topic_area", "audience", "age_focus", "languages", "rhythm", "place",
                    "meeting_mode", "meets_note", "welcomes_new_members", "visibility", "notes", "time_start",
                    "time_end"):  # fmt: skip
            getattr(self, key).data = getattr(group, key)
        self.rhythm.data = group.rhythm or ""
        self.young.data = bool(group.young)
        self.step_free.data = {True: "yes", False: "no"}.get(group.step_free, "")
        self.site_id.data = group.site_id or 0
        self.weekday.data = "" if group.weekday is None else str(group.weekday)
        self.nth_weekday.data = "" if group.nth_weekday is None else str(group.nth_weekday)
        self.topics.data = [t.id for t in group.topics]
        for i, person in enumerate(group.contacts[:CONTACT_SLOTS], start=1):
            getattr(self, f"contact{i}_name").data = person.name
            getattr(self, f"contact{i}_phone").data = person.phone
            getattr(self, f"contact{i}_email").data = person.email
            getattr(self, f"contact{i}_consent").data = person.may_be_published


class StatusForm(FlaskForm):
    status = SelectField(_l("Neuer Status"), choices=_choices(GROUP_STATUSES), validators=[DataRequired()])
    changed_on = DateField(_l("Datum der Änderung"), validators=[DataRequired()])
    note = StringField(_l("Bemerkung"), validators=[Optional(), Length(max=300)])


class TopicForm(FlaskForm):
    name = StringField(_l("Thema"), validators=[DataRequired(), Length(max=120)])
    topic_area = SelectField(_l("Themenbereich"), choices=_choices(TOPIC_AREAS, "—"), validators=[Optional()])
    search_words = TextAreaField(
        _l("Synonyme und Suchwörter (durch Komma getrennt)"), validators=[Optional(), Length(max=2000)]
    )
    relatives = BooleanField(_l("auch Angehörigen- bzw. Elterngruppe (*)"))


class InquiryForm(FlaskForm):
    name = StringField(_l("Name oder Pseudonym"), validators=[SingleLine(), DataRequired(), Length(max=200)])
    reach = StringField(_l("So erreichen wir Sie (Telefon oder E-Mail)"), validators=[DataRequired(), Length(max=300)])
    message = TextAreaField(_l("Ihre Nachricht"), validators=[Optional(), Length(max=3000)])
    consent = BooleanField(
        _l(
            "Ich bin einverstanden, dass die Kontaktstelle meine Angaben speichert und an die Ansprechperson "
            "der Gruppe weitergibt. Die Angaben werden 90 Tage nach Abschluss der Anfrage gelöscht."
        ),
        validators=[DataRequired(_l("Ohne Ihre Einwilligung können wir die Anfrage nicht weitergeben."))],
    )


INTEREST_CONSENT = _l(
    "Ich bin einverstanden, dass die Kontaktstelle meine Angaben speichert und mich anspricht, sobald sich "
    "eine Gruppe zu diesem Thema bildet. Ich kann die Einwilligung jederzeit widerrufen; die Angaben werden "
    "spätestens zwei Jahre nach dem letzten Kontakt gelöscht."
)


class InterestForm(FlaskForm):
    """Interest in a group that does not exist yet: a topic and one way to reach the person."""

    topic = StringField(
        _l("Ich würde bei einer Gruppe zu diesem Thema mitmachen"), validators=[DataRequired(), Length(max=200)]
    )
    name = StringField(
        _l("Ihr Name oder ein Pseudonym"),
        validators=[DataRequired(_l("Bitte geben Sie einen Namen oder ein Pseudonym an.")), Length(max=200)],
    )
    email = EmailField(_l("E-Mail-Adresse"), validators=[Optional(), Email(), Length(max=254)])
    phone = StringField(_l("oder Telefonnummer"), validators=[Optional(), Length(max=50)])
    consent = BooleanField(
        INTEREST_CONSENT,
        validators=[DataRequired(_l("Ohne Ihre Einwilligung können wir Ihre Angaben nicht speichern."))],
    )

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if not (self.email.data or "").strip() and not (self.phone.data or "").strip():
            # Optional() ends the field's own chain when it is empty, so this is checked here.
            self.email.errors = [
                *self.email.errors,
                _l("Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an."),
            ]
            return False
        return valid


class ConfirmForm(FlaskForm):
    correction = TextAreaField(
        _l("Was hat sich geändert? (leer lassen, wenn alles stimmt)"), validators=[Optional(), Length(max=5000)]
    )


class ImportForm(FlaskForm):
    file = FileField(_l("CSV-Datei (UTF-8)"), validators=[FileRequired()])
    force = BooleanField(_l("Auch importieren, wenn diese Datei schon einmal importiert wurde"))


class ActionForm(FlaskForm):
    """A button-only form (forward, close, delete): just the CSRF token."""
