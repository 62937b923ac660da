from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from organisation.models import Committee, Province, RoleAssignment, RoutingRule, Unit


def generate(**options):
    call_command(
        "generate_dataset",
        **{
            "provinces": 2,
            "units_per_province": 80,
            "years": 2,
            "bright_spots_per_year": 60,
            **options,
        },
        stdout=StringIO(),
    )


def test_generator_builds_the_tree_with_mergers_and_paths(db):
    generate()
    assert Province.objects.count() == 2
    assert Unit.objects.count() == 160
    for unit in Unit.objects.select_related("parent"):
        assert unit.path == f"{unit.parent.path if unit.parent else ''}{unit.pk}."
    old = Unit.objects.filter(successor__isnull=False).select_related("successor", "parent")
    assert old.exists()
    assert all(
        u.parent.kind == Unit.Kind.DISTRICT and u.successor.valid_from.isoformat() == "2025-07-01"
        for u in old
    )
    assert Committee.objects.count() == 8 and RoutingRule.objects.count() == 4
    assert (
        RoleAssignment.objects.filter(role="unit_official").count()
        == Unit.objects.filter(valid_to=None).exclude(kind=Unit.Kind.PROVINCE).count()
    )


def test_generator_registers_bright_spots_routed_and_both_fields(db):
    from django.db.models import Count

    from registry.models import BrightSpot, Registration

    generate()
    per_province_year = BrightSpot.objects.values("province", "year").annotate(n=Count("pk"))
    # At least the number asked for; more where every unit already registers one of each field.
    assert len(per_province_year) == 4 and all(row["n"] >= 60 for row in per_province_year)
    assert not BrightSpot.objects.exclude(status="draft").filter(recipient=None).exists()
    for registration in Registration.objects.filter(status="submitted")[:50]:
        fields = set(registration.bright_spots.values_list("field", flat=True))
        assert fields == {"qcdc", "dvcq"}


def test_generator_refuses_a_database_with_data(cast):
    with pytest.raises(CommandError):
        call_command("generate_dataset", provinces=1, units_per_province=50, stdout=StringIO())
