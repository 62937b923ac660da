"""The label of a choice field's value, read from a table built once per field.

Django's `get_FOO_display` rebuilds the field's choices on every call: a list of 25 rows, or a
CSV of thousands, calls it again and again. The labels stay lazy, so each page or file still
speaks its own language."""

from functools import cache


@cache
def _labels(model, name: str) -> dict:
    return dict(model._meta.get_field(name).flatchoices)


def choice_label(obj, name: str):
    """What `obj.get_<name>_display()` answers."""
    value = getattr(obj, name)
    return _labels(type(obj), name).get(value, value)
