from registry.periods import current_year


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
