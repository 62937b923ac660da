from django import template

register = template.Library()


@register.filter
def minutes(duration) -> int:
    """A timedelta as whole minutes, rounded up: for "try again in N minutes"."""
    if not duration:
        return 0
    return -(-int(duration.total_seconds()) // 60)
