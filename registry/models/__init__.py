from registry.models.audit import AuditEntry
from registry.models.bright_spots import BrightSpot, Level, Registration, StaffInCharge
from registry.models.org import Committee, Field, Province, RoutingRule, Unit
from registry.models.people import RoleAssignment, User
from registry.models.periods import Admission, Extension, RegistrationPeriod, Timeliness, Window
from registry.models.progress import AnnualReport, AnnualReportItem, Milestone, ProgressEntry

__all__ = [
    "Admission",
    "AnnualReport",
    "AnnualReportItem",
    "AuditEntry",
    "BrightSpot",
    "Committee",
    "Extension",
    "Field",
    "Level",
    "Milestone",
    "ProgressEntry",
    "Province",
    "Registration",
    "RegistrationPeriod",
    "RoleAssignment",
    "RoutingRule",
    "StaffInCharge",
    "Timeliness",
    "Unit",
    "User",
    "Window",
]
