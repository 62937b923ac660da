from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def cell(value, url="", label=""):
    """A figure as a link to the list it counts; a dash when there is nothing to count."""
    shown = "—" if value is None else value
    if not url:
        return format_html("{}", shown)
    if label:
        title = _("Show the list: %(what)s") % {"what": label}
        return format_html('<a href="{}" title="{}">{}</a>', url, title, shown)
    return format_html('<a href="{}">{}</a>', url, shown)


@register.simple_tag
def linked(c, label=""):
    """A dashboard Cell (value and list address)."""
    return cell(c.value, c.url, label)
