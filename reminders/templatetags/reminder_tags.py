from django import template

from reminders.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """The header's bell: how many of the user's notifications are unread (one query)."""
    request = context.get("request")
    return unread_count(getattr(request, "user", None))
