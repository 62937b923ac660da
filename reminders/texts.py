"""Reminder texts: placeholders checked when an administrator saves them, filled per recipient.

A text names its values in braces, `{unit}`; nothing else of Python's format language is
honoured (no attributes, no format specs), so a text can never reach into an object.
"""

from string import Formatter

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.text import nfc
from organisation.models import Field


def placeholders_in(text: str) -> list[str]:
    """The names in braces, in order; ValueError when a brace is not closed or a placeholder
    uses format syntax."""
    names = []
    for _literal, name, spec, conversion in Formatter().parse(text):
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            raise ValueError(name)
        names.append(name)
    return names


def fill(text: str, values: dict[str, str]) -> str:
    """Replace each known `{name}`; anything else stays as written."""
    try:
        parts = list(Formatter().parse(text))
    except ValueError:
        return text
    out = []
    for literal, name, spec, conversion in parts:
        out.append(literal)
        if name is None:
            continue
        if name in values and not spec and not conversion:
            out.append(values[name])
        else:
            conversion = f"!{conversion}" if conversion else ""
            out.append("{" + name + conversion + (f":{spec}" if spec else "") + "}")
    return "".join(out)


def missing_phrase(missing: list[str]) -> str:
    if len(missing) == 2:
        return _("no bright spot submitted yet")
    if missing == [Field.QCDC]:
        return _("no QCDC bright spot yet")
    return _("no DVCQ bright spot yet")


def _short_date(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def formatted(values: dict) -> dict[str, str]:
    """The values as the active language writes them (dates dd/mm/yyyy, counted nouns)."""
    out = {}
    for name, value in values.items():
        if name in ("deadline", "opens"):
            out[name] = _short_date(value)
        elif name == "days":
            out[name] = ngettext("%(count)s day", "%(count)s days", value) % {"count": value}
        elif name == "units":
            out[name] = ngettext("%(count)s unit", "%(count)s units", value) % {"count": value}
        elif name == "bright_spots":
            out[name] = ngettext("%(count)s bright spot", "%(count)s bright spots", value) % {
                "count": value
            }
        elif name == "dossiers":
            out[name] = ngettext("%(count)s dossier", "%(count)s dossiers", value) % {
                "count": value
            }
        elif name == "missing":
            out[name] = missing_phrase(value)
        else:
            out[name] = str(value)
    return out


def render(setting, due, language: str) -> tuple[str, str, dict]:
    """Subject, text and details of a due reminder in the recipient's language (R33)."""
    subject, body = setting.texts(language)
    with translation.override(language):
        values = formatted(due.values)
        units = [
            {
                "name": unit["name"],
                "parent": unit["parent"],
                "missing": missing_phrase(unit["missing"]),
                "extension": _short_date(unit["extension"]) if unit["extension"] else "",
            }
            for unit in due.units
        ]
    details = {"units": units} if due.units else {}
    return nfc(" ".join(fill(subject, values).split()))[:300], nfc(fill(body, values)), details
