from organisation.models.audit import AuditEntry
from organisation.models.imports import ImportRun
from organisation.models.org import (
    Committee,
    Field,
    Level,
    Province,
    RoutingRule,
    Unit,
    UnitSuccession,
)
from organisation.models.people import RoleAssignment, User

__all__ = [
    "AuditEntry",
    "Committee",
    "Field",
    "ImportRun",
    "Level",
    "Province",
    "RoleAssignment",
    "RoutingRule",
    "Unit",
    "UnitSuccession",
    "User",
]
