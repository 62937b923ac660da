from registry.periods import current_year


def year_param(request, name: str = "year") -> int:
    """The year asked for in the query string; the current year when absent or malformed."""
    value = request.GET.get(name, "")
    if value.isdigit() and 2000 <= int(value) <= 2100:
        return int(value)
    return current_year()
