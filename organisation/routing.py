"""Reading the organisation: which levels a unit may build at, and where a level's bright spots
go (R1, R5, R8)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from organisation.models import Level, RoutingRule, Unit

Kind = Unit.Kind


def ancestors(unit: Unit, known: dict[int, Unit] | None = None) -> list[Unit]:
    """The unit and every unit above it, nearest first (one query; none when `known`, units by
    id, holds them all, as a generator of many bright spots has)."""
    if known is not None and all(pk in known for pk in unit.ancestor_ids):
        return [known[pk] for pk in reversed(unit.ancestor_ids)]
    by_id = Unit.objects.in_bulk(unit.ancestor_ids)
    return [by_id[pk] for pk in reversed(unit.ancestor_ids) if pk in by_id]


def level_units(unit: Unit, on: date, known: dict[int, Unit] | None = None) -> dict[str, Unit]:
    """Each level that may recognize a bright spot of this unit, nearest first, with the unit
    whose committees handle it (R5, R8, R40).

    A bright spot is recognized by a level above the unit that builds it: a village, school or
    health station by its commune (or the district while it exists, or the province); an
    affiliated unit by its department, or the province; a commune by its district while that
    exists, else the province; a department or enterprise by the province. The first level is
    the usual one.
    """
    chain = ancestors(unit, known)
    found: dict[str, Unit] = {}
    for candidate in chain[1:]:
        if candidate.kind in Unit.COMMUNE_LEVEL:
            found.setdefault(Level.COMMUNE, candidate)
        elif candidate.kind == Kind.DISTRICT and candidate.is_active_on(on):
            found.setdefault(Level.DISTRICT, candidate)
        elif candidate.kind in Unit.AGENCY_LEVEL:
            found.setdefault(Level.AGENCY, candidate)
        elif candidate.kind == Kind.PROVINCE:
            found.setdefault(Level.PROVINCE, candidate)
    if not found and unit.kind == Kind.PROVINCE:
        found[Level.PROVINCE] = unit
    return found


def recognizing_level(unit: Unit, on: date) -> str | None:
    """The level that usually recognizes this unit's bright spots (the nearest one above)."""
    return next(iter(level_units(unit, on)), None)


def route(
    *, unit: Unit, level: str, field: str, on: date, known: dict[int, Unit] | None = None
) -> RoutingRule:
    """The routing rule for a bright spot: the nearest rule for the field, from its level upward.

    Raises ValidationError when no committee of the level or above receives that field.
    """
    levels = level_units(unit, on, known)
    if level not in levels:
        raise ValidationError({"level": _("This unit cannot build a bright spot at this level.")})
    chain = ancestors(levels[level], known)
    rules = {
        rule.level_unit_id: rule
        for rule in RoutingRule.objects.filter(level_unit__in=chain, field=field).select_related(
            "recipient", "via", "copy_to"
        )
    }
    for candidate in chain:
        if candidate.pk in rules and rules[candidate.pk].recipient.active:
            return rules[candidate.pk]
    raise ValidationError(
        _(
            "No steering committee receives this field at this level yet. Please tell your administrator."
        )
    )


def router(unit: Unit, on: date):
    """`rule_for(bright_spot)` → the routing rule of each of the unit's bright spots (as `route`),
    one query per level and field however many bright spots share them."""
    rules: dict[tuple, RoutingRule] = {}

    def rule_for(bright_spot) -> RoutingRule:
        key = (bright_spot.level, bright_spot.field)
        if key not in rules:
            rules[key] = route(unit=unit, level=key[0], field=key[1], on=on)
        return rules[key]

    return rule_for
