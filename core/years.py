"""The year a page is about (R37): from the query string or the URL, else the open year.

Which year is "open" depends on windows that core does not know: the registry's registration
periods, recognition's windows. Each app registers a provider in its AppConfig.ready():

    years.register_open_year(fn)   fn(user, today) → [YearWindow, …]

and `open_year(user)` chooses among the windows they answer: the year whose window is open for
the user (an extension counts), the soonest to close first; else the year whose window opens
next; else the latest year any window speaks of; else the calendar year. A request keeps the
answer, so a page asks the providers once however often it asks.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

REGISTRATION = "registration"
RECOGNITION = "recognition"


@dataclass(frozen=True)
class YearWindow:
    """One window of one year as the user lives it: dates inclusive, `opens` None when it has
    no first day (open until it closes)."""

    year: int
    kind: str
    opens: date | None
    closes: date

    def is_open(self, today: date) -> bool:
        return (self.opens is None or self.opens <= today) and today <= self.closes

    def has_opened(self, today: date) -> bool:
        return self.opens is None or self.opens <= today

    def days_left(self, today: date) -> int:
        """Whole days until the closing date: 0 on the day itself."""
        return (self.closes - today).days


PROVIDERS = []


def register_open_year(fn):
    PROVIDERS.append(fn)
    return fn


def current_year() -> int:
    return timezone.localdate().year


def windows_for(user, today: date | None = None) -> list[YearWindow]:
    today = today or timezone.localdate()
    return [w for fn in PROVIDERS for w in fn(user, today)]


@dataclass(frozen=True)
class OpenYear:
    """The year a page opens on, and the window that makes it so (None when none is known)."""

    year: int
    window: YearWindow | None
    is_open: bool
    today: date
    windows: tuple[YearWindow, ...] = ()

    @property
    def days_left(self) -> int | None:
        return self.window.days_left(self.today) if self.window and self.is_open else None

    def year_is_open(self, year: int) -> bool:
        return any(w.year == year and w.is_open(self.today) for w in self.windows)

    def choices(self, years=()) -> list[int]:
        """The years a year menu offers: those given, and every year whose window has opened
        (the next year as soon as its registration has begun)."""
        opened = {w.year for w in self.windows if w.has_opened(self.today)}
        return sorted({*years, *opened, self.year})


def choose(windows: list[YearWindow], today: date) -> OpenYear:
    """The rule of R37, on windows already gathered."""
    found = tuple(windows)
    open_now = [w for w in windows if w.is_open(today)]
    if open_now:
        window = min(open_now, key=lambda w: (w.closes, w.year))
        return OpenYear(window.year, window, True, today, found)
    upcoming = [w for w in windows if w.opens is not None and w.opens > today]
    if upcoming:
        window = min(upcoming, key=lambda w: (w.opens, w.year))
        return OpenYear(window.year, window, False, today, found)
    if windows:
        return OpenYear(max(w.year for w in windows), None, False, today, found)
    return OpenYear(today.year, None, False, today, found)


def open_year_for(user, today: date | None = None) -> OpenYear:
    today = today or timezone.localdate()
    return choose(windows_for(user, today), today)


def open_year(request) -> OpenYear:
    """The open year of the request's user, asked once per request."""
    found = getattr(request, "_open_year", None)
    if found is None:
        found = open_year_for(getattr(request, "user", None))
        request._open_year = found
    return found


def asked_year(request, name: str = "year") -> int | None:
    """The year named in the query string, or None when absent or malformed."""
    value = request.GET.get(name, "")
    if value.isdecimal() and 2000 <= int(value) <= 2100:
        return int(value)
    return None


def year_param(request, name: str = "year") -> int:
    """The year asked for in the query string; the user's open year when absent or malformed."""
    asked = asked_year(request, name)
    return asked if asked is not None else open_year(request).year


class YearConverter:
    """`<year:year>` in a URL: the same years as `year_param`; any other is not found (404)
    instead of reaching the database, whose year columns are small integers (R34)."""

    regex = "20[0-9]{2}|2100"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
