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


def test_check_prints_the_counts_of_the_dataset(db):
    generate()
    out = StringIO()
    call_command("generate_dataset", check=True, stdout=out)
    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines() if ": " in line)
    from registry.models import BrightSpot

    assert lines["provinces"] == "2" and lines["units"] == "160"
    assert lines["bright spots"] == str(BrightSpot.objects.count()) != "0"
    assert int(lines["dossiers"]) > 0 and int(lines["certificates"]) > 0


def test_check_on_an_empty_database_says_so(db):
    with pytest.raises(CommandError, match="no dataset"):
        call_command("generate_dataset", check=True, stdout=StringIO())


def test_copy_insert_keeps_every_value_as_an_insert_would(db):
    """Text with tabs, new lines and backslashes, empty and null values, dates and foreign keys
    held as objects: COPY (PostgreSQL) stores what bulk_create would."""
    from demo.bulk import copy
    from organisation.tests.factories import ProvinceFactory

    province = ProvinceFactory(code="77", name="Thử")
    root = Unit(province=province, kind=Unit.Kind.PROVINCE, name="Tỉnh\tThử\\nghiệm\nmới", code="")
    child = Unit(province=province, parent=root, kind=Unit.Kind.COMMUNE, name="Xã Một", code="01")
    copy.insert(Unit, [root])
    copy.insert(Unit, [child])
    assert root.pk and child.pk
    stored = Unit.objects.get(pk=root.pk)
    assert stored.name == "Tỉnh\tThử\\nghiệm\nmới" and stored.code == "" and stored.valid_to is None
    assert Unit.objects.get(pk=child.pk).parent_id == root.pk
    assert Unit.objects.create(province=province, kind=Unit.Kind.WARD, name="Sau").pk > child.pk
