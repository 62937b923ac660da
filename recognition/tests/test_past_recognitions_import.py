"""Past years' bright spots imported with the Decision that recognized them (R39, issue 15):
the Decision of the recognizing authority (one per number), the recognized dossier and the
certificate are recorded; a malformed number or date is refused at the row; a second run of the
same file changes nothing."""

import pytest

from organisation.tests.test_imports import confirm, filled, template, upload
from recognition import criteria_data
from recognition.models import Certificate, CriteriaSet, Criterion, Decision, Dossier
from recognition.tests.factories import authority_for
from registry.models import BrightSpot

ROW = ["17011", "2024", "QCDC", "Cấp tỉnh", "Đối thoại định kỳ với Nhân dân", "Xóm 3", None,
       None, "Đã tiếp nhận", "30/03/2024", "15/04/2024", "2125/QĐ-UBND", "20/12/2024"]  # fmt: skip
ROWS = [
    ROW,
    ["17014", "2024", "QCDC", "Cấp tỉnh", "Tổ hòa giải giỏi", "Khối 5", None, None, None, None,
     None, "2125 / QĐ-UBND", "20/12/2024"],
    ["17014", "2024", "DVCQ", "Cấp tỉnh", "Một cửa thân thiện", "Khối 5", None, None, None, None,
     None, None, None],
]  # fmt: skip


@pytest.fixture
def admin(cast, client_of):
    criteria_data.install(CriteriaSet, Criterion)
    authority_for(cast.root)
    return client_of(cast.admin)


def test_recognized_rows_get_their_decision_dossier_and_certificate_once(cast, admin):
    content = filled(template(admin, "past_bright_spots"), ROWS)
    run = confirm(admin, upload(admin, cast.province, "past_bright_spots", content))
    assert run.status == "applied", run.refusals
    decision = Decision.objects.get()
    assert (decision.number_and_symbol, decision.date.isoformat()) == ("2125/QĐ-UBND", "2024-12-20")
    assert decision.recognition_year == 2024 and decision.committee == cast.qcdc
    dossiers = Dossier.objects.filter(decision=decision)
    assert sorted(d.bright_spot.name for d in dossiers) == [
        "Tổ hòa giải giỏi", "Đối thoại định kỳ với Nhân dân"
    ]  # fmt: skip
    assert {d.status for d in dossiers} == {"recognized"}
    certificates = Certificate.objects.filter(recognition__decision=decision)
    assert certificates.count() == 2 and len({c.serial for c in certificates}) == 2
    assert not Dossier.objects.filter(bright_spot__name="Một cửa thân thiện").exists()
    counts = (BrightSpot.objects.count(), Decision.objects.count(), Dossier.objects.count(),
              Certificate.objects.count())  # fmt: skip

    again = upload(admin, cast.province, "past_bright_spots", content)
    assert again.preview["created"] == 0 and again.preview["unchanged"] == 3
    confirm(admin, again)
    assert counts == (BrightSpot.objects.count(), Decision.objects.count(),
                      Dossier.objects.count(), Certificate.objects.count())  # fmt: skip


@pytest.mark.parametrize(
    ("decision", "day", "column", "reason"),
    [
        ("QĐ-UBND 2125", "20/12/2024", "Số Quyết định công nhận", "125/QĐ-UBND"),
        ("0/QĐ-UBND", "20/12/2024", "Số Quyết định công nhận", "125/QĐ-UBND"),
        ("2125/QĐ-UBND", "2024-12-20", "Ngày Quyết định", "dd/mm/yyyy"),
        ("2125/QĐ-UBND", None, "Ngày Quyết định", "dd/mm/yyyy"),
        ("2125/QĐ-UBND", "20/12/2021", "Ngày Quyết định", "2024"),
        (None, "20/12/2024", "Số Quyết định công nhận", "125/QĐ-UBND"),
    ],
)
def test_a_malformed_decision_is_refused_at_the_row(cast, admin, decision, day, column, reason):
    rows = [[*ROW[:11], decision, day]]
    run = upload(admin, cast.province, "past_bright_spots",
                 filled(template(admin, "past_bright_spots"), rows))  # fmt: skip
    assert run.status == "refused"
    assert [(r["row"], r["column"]) for r in run.refusals] == [(2, column)]
    assert reason in run.refusals[0]["message"], run.refusals[0]["message"]
    assert not BrightSpot.objects.exists() and not Decision.objects.exists()


def test_a_level_without_an_issuing_authority_is_refused(cast, client_of):
    criteria_data.install(CriteriaSet, Criterion)
    admin = client_of(cast.admin)
    run = upload(admin, cast.province, "past_bright_spots",
                 filled(template(admin, "past_bright_spots"), [ROW]))  # fmt: skip
    assert [(r["row"], r["column"]) for r in run.refusals] == [(2, "Số Quyết định công nhận")]
    assert "Tỉnh Nghệ An" in run.refusals[0]["message"]
