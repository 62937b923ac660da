"""R6, R9: deadlines are inclusive to 23:59:59 Asia/Ho_Chi_Minh, by the server's clock."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from registry import services
from registry.models import BrightSpot, Extension, Registration, RegistrationPeriod
from registry.tests.factories import make_bright_spot

ICT = ZoneInfo("Asia/Ho_Chi_Minh")


def at(*args):
    return time_machine.travel(datetime(*args, tzinfo=ICT), tick=False)


@pytest.fixture
def both_fields(cast):
    def make(year=2026):
        with at(year, 1, 10, 9, 0):
            make_bright_spot(cast.unit_a, year=year, field="qcdc")
            make_bright_spot(cast.unit_a, year=year, field="dvcq")

    return make


def submit(cast, year=2026):
    return services.registration_submit(unit=cast.unit_a, year=year, by=cast.official_a)


def test_on_time_at_the_last_second_of_30_march(cast, both_fields):
    both_fields()
    with at(2026, 3, 30, 23, 59, 59):
        result = submit(cast)
    assert result.submitted == 2
    assert result.registration.timeliness == "on_time"
    assert set(BrightSpot.objects.values_list("timeliness", flat=True)) == {"on_time"}


def test_refused_at_midnight_of_31_march(cast, both_fields):
    both_fields()
    with at(2026, 3, 31, 0, 0, 0), pytest.raises(ValidationError) as refused:
        submit(cast)
    assert "30/03/2026" in refused.value.messages[0]
    assert Registration.objects.get(unit=cast.unit_a).status == "draft"
    assert not BrightSpot.objects.filter(status="submitted").exists()


def test_2022_deadline_was_15_june(cast, both_fields):
    both_fields(2022)
    with at(2022, 6, 15, 23, 59, 59):
        assert submit(cast, 2022).registration.timeliness == "on_time"


def test_2022_refused_on_16_june(cast, both_fields):
    both_fields(2022)
    with at(2022, 6, 16, 0, 0, 0), pytest.raises(ValidationError):
        submit(cast, 2022)


def test_extension_to_5_april_admits_4_april_and_marks_it(cast, both_fields):
    both_fields()
    with at(2026, 4, 1, 8, 0):
        services.extension_grant(
            committee=cast.qcdc,
            unit=cast.unit_a,
            year=2026,
            kind="registration",
            until=date(2026, 4, 5),
            reason="Xã mới hợp nhất, đang kiện toàn bộ máy",
            by=cast.qcdc_staff,
        )
    with at(2026, 4, 4, 15, 0):
        result = submit(cast)
    assert result.registration.timeliness == "extended"
    assert set(BrightSpot.objects.values_list("timeliness", flat=True)) == {"extended"}


def test_extension_ends_after_its_own_date(cast, both_fields):
    both_fields()
    with at(2026, 4, 1, 8, 0):
        services.extension_grant(
            committee=cast.qcdc,
            unit=cast.unit_a,
            year=2026,
            kind="registration",
            until=date(2026, 4, 5),
            reason="Lý do",
            by=cast.qcdc_staff,
        )
    with at(2026, 4, 6, 0, 0, 0), pytest.raises(ValidationError):
        submit(cast)


def test_an_extension_for_another_unit_does_not_help(cast, both_fields):
    both_fields()
    with at(2026, 4, 1, 8, 0):
        services.extension_grant(
            committee=cast.qcdc,
            unit=cast.unit_b,
            year=2026,
            kind="registration",
            until=date(2026, 4, 5),
            reason="Lý do",
            by=cast.qcdc_staff,
        )
    with at(2026, 4, 4, 15, 0), pytest.raises(ValidationError):
        submit(cast)


def test_administrator_can_move_a_deadline(cast, both_fields):
    both_fields()
    RegistrationPeriod.objects.create(
        province=cast.province,
        year=2026,
        deadline=date(2026, 4, 15),
        report_deadline=date(2026, 11, 30),
    )
    with at(2026, 4, 15, 23, 0):
        assert submit(cast).registration.timeliness == "on_time"


def test_the_browser_clock_is_never_asked(cast, both_fields, client_of):
    """Whatever the browser claims about the time, the server's clock decides."""
    both_fields()
    client = client_of(cast.official_a)
    with at(2026, 3, 31, 0, 0, 1):
        response = client.post(
            f"/units/{cast.unit_a.pk}/registration/2026/submit/",
            {"submitted_at": "2026-03-30T12:00:00+07:00", "now": "2026-03-01"},
            HTTP_DATE="Mon, 30 Mar 2026 05:00:00 GMT",
            follow=True,
        )
    assert "Đã hết hạn đăng ký (30/03/2026)" in response.text
    assert Registration.objects.get(unit=cast.unit_a).status == "draft"


def test_drafts_cannot_be_started_after_the_deadline(cast):
    with at(2026, 4, 2, 9, 0), pytest.raises(ValidationError):
        make_bright_spot(cast.unit_a, year=2026)


def test_a_committee_extends_only_units_of_its_scope(cast):
    with pytest.raises(ValidationError) as refused:
        services.extension_grant(
            committee=cast.other_committee,
            unit=cast.unit_a,
            year=2026,
            kind="registration",
            until=date(2026, 12, 5),
            reason="Ngoài phạm vi",
            by=cast.other_province_staff,
        )
    assert "unit" in refused.value.message_dict
    assert not Extension.objects.filter(unit=cast.unit_a).exists()
