"""R25: the day after the registration deadline, each steering committee's staff get one digest
listing exactly the units of its scope without a complete list, instead of a mail per unit."""

from datetime import date

import pytest

from organisation.models import Unit
from organisation.tests.factories import UnitFactory, UserFactory, assign
from registry import services as registry_services
from registry.models import Extension
from registry.tests.factories import bulk_submitted
from reminders.models import Reminder
from reminders.tests.conftest import at

pytestmark = pytest.mark.quiet_events

DAY_AFTER = date(2026, 3, 31)


def digests():
    return Reminder.objects.filter(kind="registration_digest")


def test_each_committee_gets_one_digest_listing_exactly_the_non_compliant_units(
    cast, register, send, mailoutbox
):
    register(cast.unit_a, cast.official_a)
    bulk_submitted(cast.unit_b, cast.qcdc, 2, field="qcdc")  # no DVCQ: not compliant
    more = [
        UnitFactory(province=cast.province, parent=cast.root, name=f"Xã Thử {i:02d}")
        for i in range(12)
    ]
    clerk = UserFactory(username="clerk")
    for unit in more:
        assign(clerk, "unit_official", unit=unit)
    for unit in more[:5]:  # five of them are compliant
        bulk_submitted(unit, cast.qcdc, 1, field="qcdc")
        bulk_submitted(unit, cast.dvcq, 1, field="dvcq")

    send(DAY_AFTER)

    # Unit B (QCDC only), the department (nothing) and the seven new communes without a list;
    # unit A and Xã Thử 00–04 are complete. In the order of their names.
    expected = ["Phường Đông Vĩnh", "Sở Tư pháp", *(f"Xã Thử {i:02d}" for i in range(5, 12))]
    assert sorted(digests().values_list("recipient__username", flat=True)) == [
        "dvcq_staff",
        "other_staff",
        "qcdc_staff",
    ]
    digest = digests().get(recipient=cast.qcdc_staff)
    assert [u["name"] for u in digest.details["units"]] == expected
    assert digest.subject == "Điểm sáng năm 2026: 9 đơn vị chưa hoàn thành đăng ký"
    assert "Hạn đăng ký điểm sáng năm 2026 là ngày 30/03/2026" in digest.body
    assert "Ban Chỉ đạo QCDC tỉnh" in digest.body
    assert digest.link == f"/committees/{cast.qcdc.pk}/non-compliant/?year=2026"

    [mail] = [m for m in mailoutbox if m.to == ["qcdc_staff@example.vn"]]
    assert mail.subject == digest.subject
    listed = [line for line in mail.body.splitlines() if line.startswith("- ")]
    assert [line[2:].split(":")[0] for line in listed] == expected
    assert "- Phường Đông Vĩnh: còn thiếu điểm sáng DVCQ" in mail.body
    assert "- Sở Tư pháp: chưa gửi điểm sáng nào" in mail.body
    assert "Xã Nghĩa Dũng" not in mail.body
    # No unit reminders that day: the deadline has passed.
    assert not Reminder.objects.exclude(kind="registration_digest").exists()


def test_the_other_provinces_committee_lists_only_its_own_units(cast, send):
    send(DAY_AFTER)
    digest = digests().get(recipient=cast.other_province_staff)
    assert [u["name"] for u in digest.details["units"]] == ["Xã Thạch Hà"]


def test_units_under_an_extension_are_listed_with_its_date(cast, send):
    with at(date(2026, 3, 25)):
        registry_services.extension_grant(
            committee=cast.qcdc,
            unit=cast.unit_b,
            year=2026,
            kind=Extension.Kind.REGISTRATION,
            until=date(2026, 4, 10),
            reason="Thiên tai",
            by=cast.qcdc_staff,
        )
    send(DAY_AFTER)
    digest = digests().get(recipient=cast.qcdc_staff)
    [row] = [u for u in digest.details["units"] if u["name"] == "Phường Đông Vĩnh"]
    assert row["extension"] == "10/04/2026"


def test_no_digest_on_other_days_nor_to_advisory_agencies(cast, send):
    agency_staff = UserFactory(username="agency_staff")
    assign(agency_staff, "committee_staff", committee=cast.party)
    send(date(2026, 3, 30))
    send(date(2026, 4, 1))
    assert not digests().exists()
    send(DAY_AFTER)
    assert not digests().filter(recipient=agency_staff).exists()


def test_a_committee_whose_units_all_complied_gets_nothing(cast, register, send):
    register(cast.unit_a, cast.official_a)
    register(cast.unit_b, cast.official_b)
    Unit.objects.filter(pk=cast.department.pk).update(valid_to=date(2025, 6, 30))
    send(DAY_AFTER)
    assert not digests().filter(recipient__in=[cast.qcdc_staff, cast.dvcq_staff]).exists()


def test_a_nested_unit_is_named_with_its_parent(cast, send):
    UnitFactory(
        province=cast.province,
        parent=cast.department,
        kind=Unit.Kind.AFFILIATED,
        name="Trung tâm Trợ giúp pháp lý",
    )
    send(DAY_AFTER)
    units = digests().get(recipient=cast.qcdc_staff).details["units"]
    assert {"name": "Trung tâm Trợ giúp pháp lý", "parent": "Sở Tư pháp"}.items() <= next(
        u for u in units if u["name"] == "Trung tâm Trợ giúp pháp lý"
    ).items()
    assert next(u for u in units if u["name"] == "Sở Tư pháp")["parent"] == ""


def test_an_english_speaking_member_of_staff_gets_the_digest_in_english(cast, send, mailoutbox):
    cast.dvcq_staff.language = "en"
    cast.dvcq_staff.save()
    send(DAY_AFTER)
    digest = digests().get(recipient=cast.dvcq_staff)
    assert digest.subject == "Bright spots 2026: 3 units without a complete list"
    assert digest.body.startswith("The registration deadline for 2026 was 30/03/2026.")
    [mail] = [m for m in mailoutbox if m.to == ["dvcq_staff@example.vn"]]
    assert "- Phường Đông Vĩnh: no bright spot submitted yet" in mail.body
    assert "Open it in Bright Spots:" in mail.body
