from django import template

from core.drafts import draft_key_of

register = template.Library()


@register.filter
def minutes(duration) -> int:
    """A timedelta as whole minutes, rounded up: for "try again in N minutes"."""
    if not duration:
        return 0
    return -(-int(duration.total_seconds()) // 60)


@register.filter
def draft_saved_key(message) -> str:
    """The key of the draft a "saved" message confirms (core.drafts), or ""."""
    return draft_key_of(message)
