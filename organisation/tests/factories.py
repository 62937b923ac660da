import factory

from organisation.models import (
    Committee,
    Field,
    Province,
    RoleAssignment,
    RoutingRule,
    Unit,
    User,
)


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{(n % 89) + 10:02d}")
    name = factory.Sequence(lambda n: f"Tỉnh thử {n}")
    place_name = factory.SelfAttribute("name")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    province = factory.SubFactory(ProvinceFactory)
    parent = None
    kind = Unit.Kind.COMMUNE
    name = factory.Sequence(lambda n: f"Xã Thử Nghiệm {n}")


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    province = factory.SelfAttribute("level_unit.province")
    level_unit = factory.SubFactory(UnitFactory, kind=Unit.Kind.PROVINCE)
    name = factory.Sequence(lambda n: f"Ban Chỉ đạo {n}")
    handles_qcdc = True


class RoutingRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoutingRule

    province = factory.SelfAttribute("level_unit.province")
    field = Field.QCDC


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Người dùng {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.vn")
    password = factory.django.Password("correct-horse-battery")


def assign(user, role, *, unit=None, committee=None, province=None) -> RoleAssignment:
    province = province or (unit.province if unit else committee.province)
    return RoleAssignment.objects.create(
        user=user, role=role, unit=unit, committee=committee, province=province
    )
