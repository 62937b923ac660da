from registry.models.bright_spots import BrightSpot, Registration, StaffInCharge
from registry.models.inspections import Inspection
from registry.models.periods import Extension, RegistrationPeriod, Timeliness
from registry.models.plans import LevelPlan
from registry.models.progress import AnnualReport, AnnualReportItem, Milestone, ProgressEntry

__all__ = [
    "AnnualReport",
    "AnnualReportItem",
    "BrightSpot",
    "Extension",
    "Inspection",
    "LevelPlan",
    "Milestone",
    "ProgressEntry",
    "Registration",
    "RegistrationPeriod",
    "StaffInCharge",
    "Timeliness",
]
