"""The organisation's part of a province-year archive (core.archive): the units, committees and
routing as they stand."""

from core import archive
from core.archive import model_section
from organisation.models import Committee, Province, RoutingRule, Unit, UnitSuccession

DERIVED = ("name_folded", "name_sort")  # rebuilt from the name on import


@archive.register
def sections(context):
    province = context.province
    return [
        model_section("province", "The province itself: official code, name, place name.",
                      Province.objects.filter(pk=province.pk)),
        model_section("units", "The province's units (communes, wards, departments…), with "
                      "their tree (parent_id, path) and mergers (successor_id, valid_to).",
                      Unit.objects.filter(province=province), exclude=DERIVED),
        model_section("unit_successions", "Units split among several successors (R2): each "
                      "successor's share (%) of the former unit's figures.",
                      UnitSuccession.objects.filter(predecessor__province=province)),
        model_section("committees", "Steering committees and agencies; the field(s) each handles.",
                      Committee.objects.filter(province=province)),
        model_section("routing_rules", "Where each field's bright spots go on submission (R8).",
                      RoutingRule.objects.filter(province=province)),
    ]  # fmt: skip
