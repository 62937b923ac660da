from django import template
from django.utils.html import format_html, format_html_join

from core.choices import choice_label
from organisation.audit_labels import action_label as audit_action_label

register = template.Library()

STATUS_STYLES = {
    "draft": "text-bg-light border",
    "submitted": "text-bg-primary",
    "returned": "text-bg-warning",
    "accepted": "text-bg-success",
    "withdrawn": "text-bg-secondary",
}
FIELD_STYLES = {"qcdc": "text-bg-info", "dvcq": "text-bg-danger"}


@register.filter
def label_of(obj, name: str):
    """`{{ b|label_of:"level" }}`: what get_level_display answers, cheaply (core.choices)."""
    return choice_label(obj, name)


@register.simple_tag
def status_badge(obj):
    """The object's status as a coloured badge (its label is already translated)."""
    return format_html(
        '<span class="badge {}">{}</span>',
        STATUS_STYLES.get(obj.status, "text-bg-light"),
        choice_label(obj, "status"),
    )


@register.simple_tag
def field_badge(field_value: str):
    return format_html(
        '<span class="badge {}">{}</span>',
        FIELD_STYLES.get(field_value, "text-bg-light"),
        field_value.upper(),
    )


@register.filter
def action_label(code: str):
    return audit_action_label(code)


@register.simple_tag
def select_input(bound_field):
    """A filter's <select>, rendered in Python: Django's widget templates render each option
    through its own template, which made the inbox's filter bar its slowest part."""
    value = bound_field.value()
    current = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value or "")}
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (key, " selected" if str(key) in current else "", label)
            for key, label in bound_field.field.widget.choices
        ),
    )
    return format_html(
        '<select name="{}" id="{}" class="form-select">{}</select>',
        bound_field.html_name,
        bound_field.id_for_label,
        options,
    )
