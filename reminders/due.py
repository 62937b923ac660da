"""Which reminders are due on a given day (R25): one `Due` per recipient and milestone.

Deadlines come from the year's period (`registry.periods.period_for`) and are measured with its
`Window`; a unit with an extension is reminded against its extended date instead. Nothing here
writes: `reminders.services.reminders_send` claims and delivers what this module finds.
"""

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.urls import reverse

from organisation.models import Committee, Field, Province, Unit
from recognition.deadlines import LevelWindows
from registry.deadlines import annual_report_window, period_for, registration_window
from registry.selectors import non_compliant_units
from reminders import selectors
from reminders.kinds import Kind


@dataclass
class Due:
    kind: str
    province: Province
    year: int
    deadline: date  # the date the milestone counts from
    days_before: int  # negative: days after it
    recipient: object
    about: str
    link: str
    unit: Unit | None = None
    committee: Committee | None = None
    # Plain values for the texts, formatted in the recipient's language when claimed.
    values: dict = field(default_factory=dict)
    # The digest's units: name, parent, missing fields, extension date.
    units: list = field(default_factory=list)


def due_reminders(day: date) -> list[Due]:
    """Everything due on `day`, for every province, by the provinces' own settings."""
    found = []
    for province in Province.objects.order_by("code"):
        plan = _ProvincePlan(province, day)
        for kind, setting in selectors.settings_for(province).items():
            if setting.enabled and setting.milestones:
                found += PLANNERS[kind](plan, set(setting.days_before()))
    return found


class _ProvincePlan:
    """One province on one day: its periods for the years a milestone can fall in."""

    def __init__(self, province: Province, day: date):
        self.province, self.day = province, day
        # A deadline early in a year has milestones in the year before; a digest of a deadline
        # late in December arrives in January.
        self.periods = {
            year: period_for(province, year) for year in (day.year - 1, day.year, day.year + 1)
        }

    def hits(self, on: date, days_before: set[int]) -> int | None:
        days = (on - self.day).days
        return days if days in days_before else None


def _deadline_reminders(
    plan, kind, windows, days_before, laggards, link_name, values, level_windows=None
) -> list:
    """Units still owing something before a deadline, reminded `days_before` it; a unit with an
    extension beyond the deadline is reminded against the extension's date instead. With
    `level_windows` (year → LevelWindows), each unit counts from its own level's window (R40)."""
    found = []
    for year, window in windows:
        levels = level_windows[year] if level_windows else None
        earliest = min(w.closes for w in levels.all()) if levels else window.closes
        extended = selectors.extensions_beyond(plan.province, year, window.kind, earliest)
        closing = [w.closes for w in levels.all()] if levels else [window.closes]
        if not any(plan.hits(d, days_before) is not None for d in [*closing, *extended.values()]):
            continue
        targets = []
        units = laggards(year)
        if levels:
            levels.prepare(units)
        for unit in units:
            base = levels.of_unit(unit) if levels else window
            until = extended.get(unit.pk, base.closes)
            own = replace(base, closes=max(until, base.closes))
            days = own.days_left(plan.day)
            if days in days_before:
                targets.append((unit, own.closes, days))
        officials = selectors.officials_of(unit.pk for unit, _closes, _days in targets)
        link = f"?year={year}"
        for unit, closes, days in targets:
            for user in officials.get(unit.pk, []):
                found.append(
                    Due(
                        kind=kind,
                        province=plan.province,
                        year=year,
                        deadline=closes,
                        days_before=days,
                        recipient=user,
                        about=f"unit:{unit.pk}",
                        unit=unit,
                        link=reverse(link_name, args=[unit.pk]) + link,
                        values={
                            "unit": unit.name,
                            "year": year,
                            "deadline": closes,
                            "days": days,
                            **values(unit),
                        },
                    )
                )
    return found


def _registration(plan, days_before) -> list[Due]:
    windows = [(year, registration_window(period)) for year, period in plan.periods.items()]
    return _deadline_reminders(
        plan,
        Kind.REGISTRATION,
        windows,
        days_before,
        laggards=lambda year: selectors.units_without_complete_list(plan.province, year),
        link_name="registry:unit-year",
        values=lambda unit: {"missing": _missing(unit)},
    )


def _annual_report(plan, days_before) -> list[Due]:
    windows = [(year, annual_report_window(period)) for year, period in plan.periods.items()]
    return _deadline_reminders(
        plan,
        Kind.ANNUAL_REPORT,
        windows,
        days_before,
        laggards=lambda year: selectors.units_without_annual_report(plan.province, year, plan.day),
        link_name="registry:annual-report",
        values=lambda unit: {},
    )


def _registration_digest(plan, days_before) -> list[Due]:
    """The day after the deadline, each steering committee's staff get one digest listing
    exactly the units of its scope without a complete list (R25)."""
    found = []
    for year, period in plan.periods.items():
        days = plan.hits(period.deadline, days_before)
        if days is None:
            continue
        for committee in selectors.steering_committees(plan.province):
            units = list(non_compliant_units(committee, year))
            staff = selectors.staff_of(committee) if units else []
            if not staff:
                continue
            extensions = selectors.registration_extensions(units, year)
            listed = [
                {
                    "name": u.name,
                    "parent": _parent_within(u, committee),
                    "missing": _missing(u),
                    "extension": extensions.get(u.pk),
                }
                for u in units
            ]
            link = reverse("registry:committee-non-compliant", args=[committee.pk])
            for user in staff:
                found.append(
                    Due(
                        kind=Kind.REGISTRATION_DIGEST,
                        province=plan.province,
                        year=year,
                        deadline=period.deadline,
                        days_before=days,
                        recipient=user,
                        about=f"committee:{committee.pk}",
                        committee=committee,
                        link=f"{link}?year={year}",
                        units=listed,
                        values={
                            "committee": committee.name,
                            "year": year,
                            "deadline": period.deadline,
                            "units": len(units),
                        },
                    )
                )
    return found


def _recognition_opening(plan, days_before) -> list[Due]:
    """On the day the recognition window opens, units with accepted bright spots (R25)."""
    found = []
    for year in plan.periods:
        levels = LevelWindows(plan.province, year)
        if not any(plan.hits(w.opens, days_before) is not None for w in levels.all()):
            continue
        units = selectors.units_with_accepted_bright_spots(plan.province, year, plan.day)
        levels.prepare(units)
        opening = []
        for unit in units:
            window = levels.of_unit(unit)  # the unit's level's own window, or the province's
            days = plan.hits(window.opens, days_before)
            if days is not None:
                opening.append((unit, window, days))
        officials = selectors.officials_of(unit.pk for unit, _window, _days in opening)
        for unit, window, days in opening:
            opens, closes = window.opens, window.closes
            for user in officials.get(unit.pk, []):
                found.append(
                    Due(
                        kind=Kind.RECOGNITION_OPENING,
                        province=plan.province,
                        year=year,
                        deadline=opens,
                        days_before=days,
                        recipient=user,
                        about=f"unit:{unit.pk}",
                        unit=unit,
                        link=reverse("recognition:unit-dossiers", args=[unit.pk]) + f"?year={year}",
                        values={
                            "unit": unit.name,
                            "year": year,
                            "opens": opens,
                            "deadline": closes,
                            "bright_spots": unit.accepted,
                        },
                    )
                )
    return found


def _parent_within(unit, committee) -> str:
    """The unit's parent, named when it says more than the committee's own level does."""
    if unit.parent_id and unit.parent_id != committee.level_unit_id:
        return unit.parent.name
    return ""


def _dossier_draft(plan, days_before) -> list[Due]:
    """7 and 1 days before the recognition window closes, units with dossiers in draft (R25)."""
    levels = {year: LevelWindows(plan.province, year) for year in plan.periods}
    windows = [(year, level.default) for year, level in levels.items()]
    return _deadline_reminders(
        plan,
        Kind.DOSSIER_DRAFT,
        windows,
        days_before,
        laggards=lambda year: selectors.units_with_draft_dossiers(plan.province, year),
        link_name="recognition:unit-dossiers",
        values=lambda unit: {"dossiers": unit.drafts},
        level_windows=levels,
    )


def _supplement_due(plan, days_before) -> list[Due]:
    """Before the due date of a supplement the committee asked for (R18, R25), the officials of
    the dossier's unit."""
    due_dates = [plan.day + timedelta(days=days) for days in days_before if days >= 0]
    dossiers = selectors.dossiers_awaiting_supplement(plan.province, due_dates)
    officials = selectors.officials_of(dossier.unit_id for dossier in dossiers)
    found = []
    for dossier in dossiers:
        for user in officials.get(dossier.unit_id, []):
            found.append(
                Due(
                    kind=Kind.SUPPLEMENT_DUE,
                    province=plan.province,
                    year=dossier.year,
                    deadline=dossier.supplement_due,
                    days_before=(dossier.supplement_due - plan.day).days,
                    recipient=user,
                    about=f"dossier:{dossier.pk}",
                    unit=dossier.unit,
                    link=reverse("recognition:dossier-detail", args=[dossier.pk]),
                    values={
                        "unit": dossier.unit.name,
                        "year": dossier.year,
                        "deadline": dossier.supplement_due,
                        "days": (dossier.supplement_due - plan.day).days,
                        "dossier": dossier.bright_spot.name,
                        "request": dossier.supplement_note,
                    },
                )
            )
    return found


def _review_due(plan, days_before) -> list[Due]:
    """7 and 1 days before the recognition window closes, each reviewer with dossiers of the
    year assigned and not yet scored (R18, R36), once per committee."""
    found = []
    for year in plan.periods:
        levels = LevelWindows(plan.province, year)
        if not any(plan.hits(w.closes, days_before) is not None for w in levels.all()):
            continue
        for reviewer, committee, count in selectors.reviewers_with_unscored(plan.province, year):
            # The committee's level's own window (R40), else the province's.
            window = levels.own.get(committee.level_unit_id, levels.default)
            days = plan.hits(window.closes, days_before)
            if days is None:
                continue
            found.append(
                Due(
                    kind=Kind.REVIEW_DUE,
                    province=plan.province,
                    year=year,
                    deadline=window.closes,
                    days_before=days,
                    recipient=reviewer,
                    about=f"committee:{committee.pk}",
                    committee=committee,
                    link=reverse("recognition:committee-dossiers", args=[committee.pk])
                    + f"?year={year}",
                    values={
                        "committee": committee.name,
                        "year": year,
                        "deadline": window.closes,
                        "days": days,
                        "dossiers": count,
                    },
                )
            )
    return found


def _missing(unit) -> list[str]:
    """The fields a unit's submitted list lacks (annotated by `non_compliant_units`)."""
    return [f for f, count in ((Field.QCDC, unit.qcdc), (Field.DVCQ, unit.dvcq)) if not count]


PLANNERS = {
    Kind.REGISTRATION: _registration,
    Kind.REGISTRATION_DIGEST: _registration_digest,
    Kind.ANNUAL_REPORT: _annual_report,
    Kind.RECOGNITION_OPENING: _recognition_opening,
    Kind.DOSSIER_DRAFT: _dossier_draft,
    Kind.SUPPLEMENT_DUE: _supplement_due,
    Kind.REVIEW_DUE: _review_due,
}
