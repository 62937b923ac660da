import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reminders.kinds import MESSAGE_KINDS
from reminders.models import Delivery
from reminders.texts import placeholders_in

TEXT_FIELDS = ("subject_vi", "body_vi", "subject_en", "body_en")
MAX_DAYS = 366


class ReminderSettingForm(forms.Form):
    """When and in which words one kind of reminder goes out in a province (R25).

    Each text field starts with the text in force; a cleared field brings back the standard
    wording, and a text equal to the standard one is stored as empty so it follows the catalogue.
    """

    enabled = forms.BooleanField(label=_("Send this reminder"), required=False)
    milestones = forms.CharField(label=_("Days"), max_length=100, required=False)
    subject_vi = forms.CharField(label=_("Subject in Vietnamese"), max_length=300, required=False)
    body_vi = forms.CharField(
        label=_("Text in Vietnamese"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    subject_en = forms.CharField(label=_("Subject in English"), max_length=300, required=False)
    body_en = forms.CharField(
        label=_("Text in English"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, setting, **kwargs):
        self.setting, self.spec = setting, setting.spec
        self.standard = {}
        for language in ("vi", "en"):
            standard = type(setting)(kind=setting.kind)
            self.standard[f"subject_{language}"], self.standard[f"body_{language}"] = (
                standard.texts(language)
            )
        current = {"vi": setting.texts("vi"), "en": setting.texts("en")}
        initial = {
            "enabled": setting.enabled,
            "milestones": ", ".join(str(days) for days in setting.milestones),
            "subject_vi": current["vi"][0],
            "body_vi": current["vi"][1],
            "subject_en": current["en"][0],
            "body_en": current["en"][1],
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["milestones"].help_text = _(
            "Whole numbers of days %(anchor)s, separated by commas."
        ) % {"anchor": self.spec.anchor}
        names = ", ".join(f"{{{name}}}" for name in self.spec.placeholders)
        for name in TEXT_FIELDS:
            self.fields[name].help_text = _("You can use %(names)s. Empty: the standard text.") % {
                "names": names
            }

    def clean_milestones(self) -> list[int]:
        raw = self.cleaned_data["milestones"].strip()
        parts = [part for part in re.split(r"[,;\s]+", raw) if part]
        if not all(part.isdecimal() for part in parts):
            raise ValidationError(
                _("Write whole numbers of days separated by commas, for example: 30, 14, 7.")
            )
        days = sorted({int(part) for part in parts}, reverse=True)
        lowest = 1 if self.spec.after else 0
        if any(d < lowest or d > MAX_DAYS for d in days):
            raise ValidationError(
                _("Each number of days must be between %(low)s and %(high)s.")
                % {"low": lowest, "high": MAX_DAYS}
            )
        return days

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("enabled") and cleaned.get("milestones") == []:
            self.add_error("milestones", _("Give at least one day, or turn the reminder off."))
        for name in TEXT_FIELDS:
            text = cleaned.get(name, "")
            try:
                used = placeholders_in(text)
            except ValueError:
                self.add_error(
                    name, _("Write each placeholder as a name in braces, for example {unit}.")
                )
                continue
            unknown = [n for n in used if n not in self.spec.placeholders]
            if unknown:
                self.add_error(
                    name,
                    _("Unknown placeholder: %(names)s.")
                    % {"names": ", ".join(f"{{{n}}}" for n in unknown)},
                )
        return cleaned

    def texts(self) -> dict[str, str]:
        """The texts to store: empty where the administrator kept (or cleared to) the standard."""
        out = {}
        for name in TEXT_FIELDS:
            text = (
                " ".join(self.cleaned_data[name].split())
                if name.startswith("subject")
                else (self.cleaned_data[name].replace("\r\n", "\n").strip())
            )
            out[name] = "" if text == self.standard[name].strip() else text
        return out


class MessageChoicesForm(forms.Form):
    """How one person receives each kind of message by e-mail (R36); the notifications in the
    app always stay. One field per kind, named after it."""

    def chosen(self) -> dict[str, str]:
        return {kind: delivery for kind, delivery in self.cleaned_data.items() if delivery}

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in MESSAGE_KINDS:
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=Delivery.choices,
                initial=current[kind],
                required=False,  # a kind left out keeps its current choice
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose one of the three ways.")},
            )
