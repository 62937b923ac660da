"""Helpers for reminder tests: the job runs at 07:00 Asia/Ho_Chi_Minh of a frozen day."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from organisation import events
from registry import services as registry_services
from registry.tests.factories import make_bright_spot
from reminders import services

ICT = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: date, hour: int = 7):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=ICT), tick=False)


@pytest.fixture(autouse=True)
def _quiet_events(request, monkeypatch):
    """Modules marked `quiet_events` test the milestone reminders (R25, R26) and count their
    rows and e-mails: the events their setup causes (a list submitted, a bright spot accepted)
    are not told there. reminders/tests/test_events*.py test those (R36)."""
    if request.node.get_closest_marker("quiet_events"):
        monkeypatch.setattr(events, "LISTENERS", {})


@pytest.fixture
def register():
    """register(unit, official): the unit submits a list with both fields in January."""

    def make(unit, official, year=2026):
        with at(date(year, 1, 10)):
            make_bright_spot(unit, year=year, field="qcdc", by=official)
            make_bright_spot(unit, year=year, field="dvcq", by=official)
            registry_services.registration_submit(unit=unit, year=year, by=official)

    return make


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """send(day) runs the day's job at 07:00 that day, e-mails delivered in this process."""

    def run(day: date, **options):
        with at(day), django_capture_on_commit_callbacks(execute=True):
            return services.reminders_send(day=day, **options)

    return run
