"""Administrators' own edits audited (R31), issue 15: every create, change and delete made in
the admin is in the audit log with before and after; what something depends on stays."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from organisation.models import AuditEntry, Committee, RoutingRule
from organisation.tests.factories import UserFactory
from registry.models import RegistrationPeriod
from registry.tests.factories import make_bright_spot


@pytest.fixture
def superuser(client_of, db):
    return client_of(UserFactory(username="root", is_staff=True, is_superuser=True))


NO_SHARES = {"successions-TOTAL_FORMS": "0", "successions-INITIAL_FORMS": "0"}


def test_a_split_in_the_admin_needs_shares_summing_to_100_and_is_audited(cast, superuser):
    from organisation.models import UnitSuccession

    old = cast.unit_a
    url = reverse("admin:organisation_unit_change", args=[old.pk])
    data = {
        "province": old.province_id, "parent": old.parent_id, "kind": old.kind, "name": old.name,
        "code": old.code, "valid_from": "", "valid_to": "30/06/2025",
        "successor": str(cast.unit_b.pk), "successions-TOTAL_FORMS": "2",
        "successions-INITIAL_FORMS": "0", "successions-0-successor": str(cast.unit_b.pk),
        "successions-0-share_percent": "60", "successions-1-successor": str(cast.department.pk),
        "successions-1-share_percent": "30",
    }  # fmt: skip
    refused = superuser.post(url, data)
    assert refused.status_code == 200 and "90%" in refused.content.decode()
    assert not UnitSuccession.objects.exists()
    response = superuser.post(url, {**data, "successions-1-share_percent": "40"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(UnitSuccession.objects.values_list("share_percent", flat=True)) == [40, 60]
    added = AuditEntry.objects.filter(
        action="admin.added", data__model="organisation.UnitSuccession"
    )
    assert added.count() == 2


def test_a_change_records_before_and_after(cast, superuser):
    unit = cast.unit_a
    response = superuser.post(
        reverse("admin:organisation_unit_change", args=[unit.pk]),
        {"province": unit.province_id, "parent": unit.parent_id, "kind": unit.kind,
         "name": "Xã Nghĩa Dũng mới", "code": unit.code, "valid_from": "", "valid_to": "",
         "successor": "", **NO_SHARES},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="admin.changed", target_id=unit.pk)
    assert entry.data["before"] == {"name": "Xã Nghĩa Dũng", "name_folded": "xa nghia dung",
                                    "name_sort": entry.data["before"]["name_sort"]}  # fmt: skip
    assert entry.data["after"]["name"] == "Xã Nghĩa Dũng mới"
    assert entry.province == cast.province and entry.actor.username == "root"


def test_an_addition_and_a_deletion_are_recorded(cast, superuser):
    response = superuser.post(
        reverse("admin:organisation_committee_add"),
        {"province": cast.province.pk, "level_unit": cast.unit_a.pk, "kind": "steering",
         "name": "Ban Chỉ đạo xã Nghĩa Dũng", "handles_qcdc": "on", "active": "on"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    committee = Committee.objects.get(name="Ban Chỉ đạo xã Nghĩa Dũng")
    added = AuditEntry.objects.get(action="admin.added", target_id=committee.pk)
    assert added.data["after"]["name"] == committee.name and added.data["before"] == {}

    rule = RoutingRule.objects.get(level_unit=cast.root, field="qcdc")
    response = superuser.post(
        reverse("admin:organisation_routingrule_delete", args=[rule.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    deleted = AuditEntry.objects.get(action="admin.deleted", target_id=rule.pk)
    assert deleted.data["before"]["recipient_id"] == cast.qcdc.pk


def test_a_role_given_in_the_users_page_is_recorded(cast, superuser):
    user = cast.official_b
    url = reverse("admin:organisation_user_change", args=[user.pk])
    page = superuser.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update({
        "username": user.username, "email": user.email, "full_name": user.full_name,
        "language": "vi", "is_active": "on", "date_joined_0": "01/01/2026",
        "date_joined_1": "08:00:00", "role_assignments-TOTAL_FORMS": "2",
        "role_assignments-INITIAL_FORMS": "1",
        "role_assignments-0-id": str(user.role_assignments.get().pk),
        "role_assignments-0-user": str(user.pk), "role_assignments-0-role": "unit_official",
        "role_assignments-0-province": str(cast.province.pk),
        "role_assignments-0-unit": str(cast.unit_b.pk),
        "role_assignments-1-user": str(user.pk), "role_assignments-1-role": "provincial_staff",
        "role_assignments-1-province": str(cast.province.pk),
    })  # fmt: skip
    for key in ("password", "last_login", "groups", "user_permissions"):
        data.pop(key, None)
    response = superuser.post(url, data)
    assert response.status_code == 302, (
        [(f.prefix, f.errors) for f in response.context["inline_admin_formsets"][0].formset]
        if response.status_code == 200
        else None
    )
    added = AuditEntry.objects.get(action="admin.added", data__model="organisation.RoleAssignment")
    assert added.data["after"]["role"] == "provincial_staff"


def test_a_period_something_depends_on_cannot_be_deleted(cast, superuser):
    period = RegistrationPeriod.objects.create(
        province=cast.province, year=2026, deadline=date(2026, 3, 30),
        report_deadline=date(2026, 11, 30),
    )  # fmt: skip
    url = reverse("admin:registry_registrationperiod_delete", args=[period.pk])
    free = superuser.get(url)
    assert free.status_code == 200
    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))):
        make_bright_spot(cast.unit_a, year=2026)
    assert superuser.get(url).status_code == 403
    assert superuser.post(url, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:registry_registrationperiod_changelist")
    superuser.post(changelist, {"action": "delete_selected", "_selected_action": [period.pk],
                                "post": "yes"})  # fmt: skip
    assert RegistrationPeriod.objects.filter(pk=period.pk).exists()
    assert not AuditEntry.objects.filter(action="admin.deleted").exists()
