from registry.models.audit import AuditEntry
from registry.models.org import Committee, Field, Province, RoutingRule, Unit
from registry.models.people import RoleAssignment, User

__all__ = [
    "AuditEntry",
    "Committee",
    "Field",
    "Province",
    "RoleAssignment",
    "RoutingRule",
    "Unit",
    "User",
]
