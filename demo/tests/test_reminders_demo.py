"""The demo users find notifications made by the real job; loading the demo twice adds none."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from reminders.models import Reminder
from reminders.tests.conftest import at


def test_demo_users_have_notifications_and_a_second_load_adds_none(db, client, mailoutbox):
    from datetime import date

    with at(date(2026, 11, 24), hour=9):
        call_command("load_demo", stdout=StringIO())
        kinds = dict(Reminder.objects.values_list("recipient__username", "kind").distinct())
        assert {"bcd.qcdc", "bcd.dvcq", "canbo.thanhvinh"} <= set(kinds)
        official = Reminder.objects.filter(recipient__username="canbo.thanhvinh")
        assert {"annual_report", "recognition_opening"} <= set(
            official.values_list("kind", flat=True)
        )
        # The oldest is read, the others wait under the bell.
        assert official.order_by("day", "pk").first().read_at is not None
        assert official.filter(read_at=None).count() == official.count() - 1 >= 1
        assert Reminder.objects.filter(kind="dossier_draft").exists()
        digest = Reminder.objects.get(recipient__username="bcd.qcdc", kind="registration_digest")
        assert digest.details["units"]
        assert mailoutbox == [] and not Reminder.objects.exclude(email="").exists()

        before = Reminder.objects.count()
        call_command("load_demo", stdout=StringIO())
        assert Reminder.objects.count() == before

        # The committee's reviewers are reminded of dossiers they have not scored (R36).
        assert Reminder.objects.filter(kind="review_due").exists()

        client.post(reverse("login"), {"username": "bcd.qcdc", "password": "diemsang2026"})
        page = client.get(reverse("reminders:notifications")).text
        unread = Reminder.objects.filter(recipient__username="bcd.qcdc", read_at=None).count()
        assert digest.subject in page and f'data-testid="unread-count">{unread}<' in page
