from django import template

from core.drafts import draft_key_of
from core.years import open_year

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


@register.inclusion_tag("core/_open_year_banner.html", takes_context=True)
def open_year_banner(context, shown_year):
    """On a page showing a closed year, the open year in one click (R37): "Registration for
    2027 is open — 118 days left", linking to the same page on that year."""
    request = context.get("request")
    if request is None:
        return {"banner": None}
    try:
        shown = int(shown_year)
    except (TypeError, ValueError):
        shown = None
    found = open_year(request)
    if found.window is None or shown == found.year or (shown and found.year_is_open(shown)):
        return {"banner": None}
    query = request.GET.copy()
    query["year"] = str(found.year)
    query.pop("page", None)
    return {
        "banner": found,
        "window": found.window,
        "days": found.days_left,
        "href": f"{request.path}?{query.urlencode()}",
    }
