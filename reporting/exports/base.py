"""The one small interface every download shares, in the manner of pretix's exporters.

An exporter has an `identifier`, a name people read, a file type, and `render(request, output,
progress)` that writes the file to a binary stream and reports how far it is (0.0–1.0). It does
not build the file in memory: the national five-year workbook is written row by row.
Exporters are registered in one place, `reporting.exports.EXPORTERS`.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.text import fold
from reporting.areas import Area
from reporting.summary import YearSummary, summarize
from reporting.units import CURRENT


@dataclass
class ExportRequest:
    """What one download covers: one or more scopes (provinces), years, and the view (R2)."""

    areas: list[Area]
    years: list[int]
    view: str
    produced_at: datetime = field(default_factory=timezone.now)

    @property
    def area_label(self) -> str:
        if len(self.areas) == 1:
            return self.areas[0].label()
        return _("%(count)s provinces") % {"count": len(self.areas)}

    @property
    def years_label(self) -> str:
        first, last = min(self.years), max(self.years)
        return str(first) if first == last else f"{first}–{last}"

    @property
    def view_label(self) -> str:
        if self.view == CURRENT:
            return _(
                "grouped by today's units (units merged in 2025 counted under their successor)"
            )
        return _("grouped by the units as they were each year")

    @property
    def produced_label(self) -> str:
        return formats.date_format(timezone.localtime(self.produced_at), "SHORT_DATETIME_FORMAT")

    def statement(self) -> list[tuple[str, str]]:
        """What every download states about itself (issue 5): scope, years, moment, content."""
        return [
            (_("Scope"), self.area_label),
            (_("Year"), self.years_label),
            (_("Grouping"), self.view_label),
            (_("Produced"), self.produced_label),
            (_("Counted"), _("Only what units submitted: drafts are never counted.")),
        ]

    def summaries(self, area: Area, detail=None) -> dict[int, YearSummary]:
        return summarize(area, self.years, self.view, detail=detail)


class Exporter:
    identifier = ""
    extension = ""
    content_type = "application/octet-stream"
    streamed = False  # True: sent as it is produced, in the request (CSV)
    several_provinces = False  # may cover every province the user reads

    def filename(self, request: ExportRequest) -> str:
        place = "ca-nuoc" if len(request.areas) > 1 else slugify(fold(request.areas[0].label()))
        stamp = timezone.localtime(request.produced_at).strftime("%Y%m%d-%H%M")
        years = request.years_label.replace("–", "-")
        return f"diem-sang-{self.identifier}-{place[:60]}-{years}-{stamp}.{self.extension}"

    def render(self, request: ExportRequest, output, progress) -> None:
        raise NotImplementedError
