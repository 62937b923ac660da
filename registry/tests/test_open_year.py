"""The open year (R37, R6, R16): which year each page opens on, the banner that leads from a
closed year to the open one, the home counts over every year with open work."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from core.years import open_year_for
from registry import services
from registry.models import Extension
from registry.tests.factories import bulk_submitted

ICT = ZoneInfo("Asia/Ho_Chi_Minh")


def on(day: date):
    return time_machine.travel(datetime(day.year, day.month, day.day, 9, 0, tzinfo=ICT))


@pytest.mark.parametrize(
    "day, year, kind, days_left",
    [
        (date(2026, 12, 2), 2027, "registration", 118),
        (date(2027, 3, 20), 2027, "registration", 10),
        (date(2027, 3, 30), 2027, "registration", 0),
        (date(2027, 10, 20), 2027, "recognition", 41),
    ],
)
def test_the_year_whose_window_is_open(cast, day, year, kind, days_left):
    with on(day):
        for user in (cast.official_a, cast.qcdc_staff, cast.provincial):
            found = open_year_for(user)
            assert (found.year, found.window.kind, found.days_left) == (year, kind, days_left)
            assert found.is_open


def test_between_windows_the_next_to_open(cast):
    with on(date(2027, 8, 5)):
        found = open_year_for(cast.official_a)
    assert (found.year, found.window.kind, found.is_open) == (2027, "recognition", False)
    assert found.window.opens == date(2027, 10, 15)


def test_an_extension_keeps_the_unit_on_its_late_year(cast):
    Extension.objects.create(
        province=cast.province,
        unit=cast.unit_a,
        year=2026,
        kind=Extension.Kind.REGISTRATION,
        until=date(2026, 12, 10),
        reason="Bão lũ",
        granted_by=cast.qcdc_staff,
    )
    with on(date(2026, 12, 2)):
        assert open_year_for(cast.official_a).year == 2026
        assert open_year_for(cast.official_b).year == 2027


def test_a_moved_deadline_moves_the_open_year(cast):
    from registry.models import RegistrationPeriod

    RegistrationPeriod.objects.create(
        province=cast.province,
        year=2027,
        deadline=date(2027, 4, 15),
        report_deadline=date(2027, 11, 30),
    )
    with on(date(2027, 4, 10)):
        found = open_year_for(cast.official_a)
    assert (found.year, found.days_left) == (2027, 5)


def test_registration_opens_on_the_open_year_and_a_closed_year_points_to_it(cast, client_of):
    client = client_of(cast.official_a)
    url = reverse("registry:unit-year", args=[cast.unit_a.pk])
    with on(date(2026, 12, 2)):
        opened = client.get(url).text
        closed = client.get(url, {"year": 2026}).text
    assert "Điểm sáng của Xã Nghĩa Dũng năm 2027" in opened
    assert "Hạn đăng ký: hết ngày 30/03/2027 — còn 118 ngày" in opened
    assert 'data-testid="open-year-banner"' not in opened
    assert "Đăng ký năm 2027 đang mở — còn 118 ngày" in closed
    assert f'href="{url}?year=2027"' in closed


def test_the_home_of_an_official_speaks_of_the_open_year(cast, client_of):
    with on(date(2026, 12, 2)):
        text = client_of(cast.official_a).get(reverse("home")).text
    assert "Hạn đăng ký: hết ngày 30/03/2027 — còn 118 ngày" in text
    assert f"{reverse('registry:unit-year', args=[cast.unit_a.pk])}?year=2027" in text


def _submit_both(cast, year):
    from registry.tests.factories import make_bright_spot

    make_bright_spot(cast.unit_a, year=year, field="qcdc", name=f"QCDC {year}")
    make_bright_spot(cast.unit_a, year=year, field="dvcq", name=f"DVCQ {year}")
    services.registration_submit(unit=cast.unit_a, year=year, by=cast.official_a)


def test_staff_see_a_new_submission_without_typing_a_year(cast, client_of):
    with on(date(2026, 3, 20)):
        _submit_both(cast, 2026)
    with on(date(2026, 12, 2)):
        _submit_both(cast, 2027)
        staff = client_of(cast.qcdc_staff)
        inbox = staff.get(reverse("registry:committee-inbox", args=[cast.qcdc.pk])).text
        home = staff.get(reverse("home")).text
    assert "QCDC 2027" in inbox and "QCDC 2026" not in inbox
    # Both years' submissions wait for review: the home count covers every year with open work.
    assert 'data-testid="to-review">2<' in home


def test_copy_and_intermediary_recipients_get_their_own_counts(cast, client_of):
    with on(date(2026, 12, 2)):
        _submit_both(cast, 2027)
        party_staff = _staff_of(cast.party, "party_staff")
        home_affairs_staff = _staff_of(cast.home_affairs, "home_affairs_staff")
        party = client_of(party_staff).get(reverse("home")).text
        home_affairs = client_of(home_affairs_staff).get(reverse("home")).text
    # The Mass Mobilization Committee: QCDC through it, DVCQ copied to it.
    assert 'data-testid="read-waiting">2<' in party and 'data-testid="read-year">2<' in party
    # The Department of Home Affairs: DVCQ through it.
    assert 'data-testid="read-waiting">1<' in home_affairs


def _staff_of(committee, username):
    from organisation.models import RoleAssignment
    from organisation.tests.factories import UserFactory, assign

    user = UserFactory(username=username)
    assign(user, RoleAssignment.Role.COMMITTEE_STAFF, committee=committee)
    return user


def test_the_year_menus_include_the_next_year_once_it_opens(cast, client_of):
    client = client_of(cast.provincial)
    with on(date(2026, 11, 20)):
        before = client.get(reverse("reporting:summary")).text
    with on(date(2026, 12, 2)):
        after = client.get(reverse("reporting:summary")).text
    assert '<option value="2027"' not in before
    assert '<option value="2027" selected>' in after


@pytest.mark.parametrize("rows", [5, 200])
def test_home_counts_do_not_grow_with_rows(cast, client_of, django_assert_max_num_queries, rows):
    with on(date(2026, 12, 2)):
        bulk_submitted(cast.unit_a, cast.qcdc, rows, year=2026)
        bulk_submitted(cast.unit_a, cast.qcdc, rows, year=2027)
        client = client_of(cast.qcdc_staff)
        with django_assert_max_num_queries(30):
            text = client.get(reverse("home")).text
    assert f'data-testid="to-review">{2 * rows}<' in text
