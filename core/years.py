"""The year a page is about: from the query string or the URL, the current year by default."""

from django.utils import timezone


def current_year() -> int:
    return timezone.localdate().year


def year_param(request, name: str = "year") -> int:
    """The year asked for in the query string; the current year when absent or malformed."""
    value = request.GET.get(name, "")
    if value.isdecimal() and 2000 <= int(value) <= 2100:
        return int(value)
    return current_year()


class YearConverter:
    """`<year:year>` in a URL: the same years as `year_param`; any other is not found (404)
    instead of reaching the database, whose year columns are small integers (R34)."""

    regex = "20[0-9]{2}|2100"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
