"""The demo province's summary: Nghệ An's 2022 figures as the programme recorded them (135 QCDC
and 136 DVCQ bright spots), and its letterhead on the synthesis report."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from organisation.models import User
from reporting.models import Letterhead
from reporting.tests.pages import figures, links_in, number


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def test_the_demo_summary_of_2022(demo, client_of):
    client = client_of(User.objects.get(username="bandanvan"))
    html = client.get(reverse("reporting:summary"), {"year": 2022}).content.decode()
    # By field: registered, accepted, awaiting, returned, on time, extended, withdrawn. The
    # 2022 record counts every submitted bright spot, the few withdrawn later included.
    cells = [int(text) for text, _link in links_in(html, "fields")]
    qcdc, dvcq = cells[0:7], cells[7:14]
    assert qcdc[0] + qcdc[6] == 135 and dvcq[0] + dvcq[6] == 136
    assert number(figures(html)["qcdc"][-1][0]) == qcdc[0]
    call_command("load_demo", stdout=StringIO())
    assert Letterhead.objects.count() == 1
    assert Letterhead.objects.get().authority == "BAN TUYÊN GIÁO VÀ DÂN VẬN"
