"""`load_demo` builds a realistic province once, whatever how often it runs; every login works."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from demo import names as demo_org
from organisation.models import Committee, RoleAssignment, Unit, User


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return (
        Unit.objects.count(),
        Committee.objects.count(),
        User.objects.count(),
        RoleAssignment.objects.count(),
    )


def test_running_twice_duplicates_nothing(demo):
    before = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == before


def test_the_province_looks_like_nghe_an_after_the_merger(demo):
    root = Unit.objects.get(kind=Unit.Kind.PROVINCE)
    assert root.name == "Tỉnh Nghệ An" and root.code == "40"
    districts = Unit.objects.filter(kind=Unit.Kind.DISTRICT)
    assert districts.count() == len(demo_org.DISTRICTS)
    assert all(d.valid_to.isoformat() == "2025-06-30" for d in districts)
    old = Unit.objects.get(name="Xã Nghĩa Dũng")
    assert old.parent.name == "Huyện Tân Kỳ" and old.successor.name == "Xã Nghĩa Đồng"
    assert old.successor.parent == root and old.successor.valid_from.isoformat() == "2025-07-01"
    assert all(len(u.code) == 5 for u in Unit.objects.filter(kind__in=Unit.COMMUNE_LEVEL))
    assert Unit.objects.filter(kind=Unit.Kind.DEPARTMENT, name="Sở Tư pháp").exists()


def test_logins_are_printed_and_each_reaches_its_home(demo, client):
    for username, _full, _position, role, scope in demo_org.USERS:
        assert username in demo
        response = client.post(
            reverse("login"), {"username": username, "password": demo_org.PASSWORD}
        )
        assert response.status_code == 302, username
        text = client.get(reverse("home")).text
        if role == "unit_official":
            assert scope in text
        elif role in {"committee_staff", "provincial_staff"}:
            assert demo_org.COMMITTEES[scope] in text
        client.logout()
    assert demo_org.PASSWORD in demo
