"""R36: each person chooses how messages reach them: per kind an e-mail each time, one digest a
day, or none (the bell always); an unsubscribe link that needs no login changes only its kind."""

import re
from datetime import date

import pytest
from django.urls import reverse

from core import jobs
from core.models import Job
from recognition.tests.factories import at
from registry import services as registry_services
from registry.tests.factories import make_bright_spot
from reminders import selectors, services
from reminders.models import MessageChoice, MessageDefault, Reminder
from reminders.tasks import send_digest


@pytest.fixture
def returned(cast, django_capture_on_commit_callbacks):
    """returned(name): unit A's bright spot `name` is submitted and returned with a comment."""

    def make(name, comment="Bổ sung số liệu"):
        with at(2026, 3, 10), django_capture_on_commit_callbacks(execute=True):
            spot = make_bright_spot(cast.unit_a, field="qcdc", name=name)
            make_bright_spot(cast.unit_a, field="dvcq")
            registry_services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
            spot.refresh_from_db()
            registry_services.bright_spot_review(
                bright_spot=spot, accept=False, comment=comment, version=spot.version,
                by=cast.qcdc_staff,
            )  # fmt: skip
        return spot

    return make


def mails_to(user, mailoutbox):
    return [m for m in mailoutbox if m.to == [user.email]]


def test_the_choices_page_saves_each_kind(cast, client_of):
    client = client_of(cast.official_a)
    page = client.get(reverse("reminders:choices"))
    assert "Điểm sáng bị trả lại để chỉnh sửa" in page.text
    response = client.post(
        reverse("reminders:choices"), {"bright_spot_returned": "off", "registration": "digest"}
    )
    assert response.status_code == 302
    chosen = selectors.deliveries_of(cast.official_a)
    assert chosen["bright_spot_returned"] == "off" and chosen["registration"] == "digest"
    assert chosen["bright_spot_accepted"] == "each"  # untouched kinds keep the default


def test_a_bad_choice_is_answered_at_the_field(cast, client_of):
    response = client_of(cast.official_a).post(
        reverse("reminders:choices"), {"bright_spot_returned": "sometimes"}
    )
    assert response.status_code == 200
    assert "Hãy chọn một trong ba cách." in response.text
    assert not MessageChoice.objects.exists()


def test_no_email_still_shows_under_the_bell(cast, returned, mailoutbox):
    services.message_choices_update(
        user=cast.official_a, choices={"bright_spot_returned": "off"}, by=cast.official_a
    )
    returned("Đối thoại định kỳ")
    note = Reminder.objects.get(recipient=cast.official_a, kind="bright_spot_returned")
    assert note.email == "" and "Bổ sung số liệu" in note.body
    assert mails_to(cast.official_a, mailoutbox) == []


def test_the_administrators_default_applies_until_a_person_chooses(cast, returned, mailoutbox):
    MessageDefault.objects.create(
        province=cast.province, kind="bright_spot_returned", delivery="off"
    )
    returned("Đối thoại định kỳ")
    assert mails_to(cast.official_a, mailoutbox) == []
    assert selectors.deliveries_of(cast.official_a)["bright_spot_returned"] == "off"
    # another province's messages keep the standard default
    assert selectors.delivery_for(cast.official_a, "bright_spot_returned", cast.other_province) == (
        "each"
    )
    services.message_choices_update(
        user=cast.official_a, choices={"bright_spot_returned": "each"}, by=cast.official_a
    )
    returned("Chợ không rác")
    assert len(mails_to(cast.official_a, mailoutbox)) == 1  # the person's own choice wins


def test_province_administrators_set_the_defaults_in_the_admin(cast, client_of):
    """An administrator of Nghệ An given the model's permissions, as the installation grants
    them, sets a default for Nghệ An and cannot for another province."""
    from django.contrib.auth.models import Permission

    from organisation.models import AuditEntry

    cast.admin.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="reminders", codename__endswith="messagedefault"
        )
    )
    admin = client_of(cast.admin)
    url = reverse("admin:reminders_messagedefault_add")
    response = admin.post(
        url, {"province": cast.province.pk, "kind": "list_submitted", "delivery": "digest"}
    )
    assert response.status_code == 302
    assert selectors.delivery_for(cast.qcdc_staff, "list_submitted", cast.province) == "digest"
    assert AuditEntry.objects.filter(action="admin.added").exists()
    refused = admin.post(
        url, {"province": cast.other_province.pk, "kind": "list_submitted", "delivery": "off"}
    )
    assert refused.status_code == 200  # not a province they administer: not a valid choice
    assert not MessageDefault.objects.filter(province=cast.other_province).exists()


def test_the_unsubscribe_link_needs_no_login_and_changes_only_its_kind(
    cast, returned, mailoutbox, client
):
    services.message_choices_update(
        user=cast.official_a, choices={"registration": "digest"}, by=cast.official_a
    )
    returned("Đối thoại định kỳ")
    (mail,) = mails_to(cast.official_a, mailoutbox)
    link = re.search(r"http://[^/]+(/messages/unsubscribe/[^/\s]+/)", mail.body).group(1)
    assert mail.extra_headers["List-Unsubscribe"].endswith(f"{link}>")

    page = client.get(link)  # anonymous: a GET only asks
    assert page.status_code == 200 and "Điểm sáng bị trả lại để chỉnh sửa" in page.text
    assert selectors.deliveries_of(cast.official_a)["bright_spot_returned"] == "each"
    done = client.post(link, {"List-Unsubscribe": "One-Click"}, follow=True)
    assert done.status_code == 200 and "bạn không còn nhận các thư này" in done.text
    chosen = selectors.deliveries_of(cast.official_a)
    assert chosen["bright_spot_returned"] == "off"
    assert chosen["registration"] == "digest" and chosen["bright_spot_accepted"] == "each"
    assert not MessageChoice.objects.exclude(user=cast.official_a).exists()


@pytest.mark.parametrize(
    "token", ["garbage", "eyJ1IjoxLCJrIjpbInJlZ2lzdHJhdGlvbiJdfQ:1vzmO8:forgedsignature00000000"]
)
def test_a_forged_or_broken_token_changes_nothing(cast, client, token):
    response = client.post(reverse("reminders:unsubscribe", args=[token]))
    assert response.status_code == 404 and not MessageChoice.objects.exists()


def test_a_token_naming_an_unknown_kind_is_refused(cast, client):
    token = services.unsubscribe_token(cast.official_a, ["no_such_kind"])
    assert client.post(reverse("reminders:unsubscribe", args=[token])).status_code == 404


def test_the_digest_sends_one_email_a_day_once(cast, returned, mailoutbox, client_of):
    services.message_choices_update(
        user=cast.official_a, choices={"bright_spot_returned": "digest"}, by=cast.official_a
    )
    returned("Đối thoại định kỳ", comment="Thêm ảnh")
    returned("Chợ không rác", comment="Thêm số liệu")
    assert mails_to(cast.official_a, mailoutbox) == []  # nothing goes at once
    assert (
        Reminder.objects.filter(recipient=cast.official_a, digest=True, sent_at=None).count() == 2
    )

    with at(2026, 3, 10, 18):
        scheduled = services.digests_schedule(day=date(2026, 3, 10))
        assert services.digests_schedule(day=date(2026, 3, 10)) == scheduled  # beat fires twice
        for job in Job.objects.filter(task=send_digest.name):
            jobs.run_job(job.pk, send_digest.body)
            send_digest.body(**job.kwargs)  # a duplicate delivery of the same job
    (digest,) = mails_to(cast.official_a, mailoutbox)
    assert digest.subject == "Điểm sáng: 2 thông báo trong ngày"
    assert "Thêm ảnh" in digest.body and "Thêm số liệu" in digest.body
    assert "/messages/unsubscribe/" in digest.body and digest.extra_headers["List-Unsubscribe"]
    assert not Reminder.objects.filter(recipient=cast.official_a, sent_at=None).exists()


def test_the_choices_page_reads_in_a_few_queries_whatever_was_chosen(
    cast, client_of, django_assert_max_num_queries
):
    services.message_choices_update(
        user=cast.official_a,
        choices=dict.fromkeys(("registration", "list_submitted", "not_recognized"), "digest"),
        by=cast.official_a,
    )
    client = client_of(cast.official_a)
    client.get(reverse("reminders:choices"))  # warm the session and the menus
    with django_assert_max_num_queries(12):
        response = client.get(reverse("reminders:choices"))
    digests = re.findall(
        r'<input type="radio" name="(\w+)" value="digest"[^>]* checked', response.text
    )
    assert sorted(digests) == ["list_submitted", "not_recognized", "registration"]
