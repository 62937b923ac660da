"""Past years' bright spots imported (R39), issue 15: the template filled and imported with the
registration and the review outcome; a bad row refused; the same file twice changes nothing."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from organisation.tests.test_imports import confirm, filled, template, upload
from registry.models import BrightSpot, Registration

ROWS = [
    ["17011", "2022", "QCDC", "Cấp tỉnh", "Đối thoại định kỳ với Nhân dân", "Xóm 3", "Đối thoại",
     None, "Đã tiếp nhận", "30/03/2022", "15/04/2022"],
    ["Phường Đông Vĩnh", "2023", "DVCQ", "Cấp tỉnh", "Dân vận khéo", "Khối 5", None, None,
     None, None, None],
]  # fmt: skip


def test_past_bright_spots_imported_with_their_outcome(cast, client_of, tmp_path):
    admin = client_of(cast.admin)
    content = filled(template(admin, "past_bright_spots"), ROWS)
    run = upload(admin, cast.province, "past_bright_spots", content)
    assert run.status == "previewed", run.refusals
    run = confirm(admin, run)
    assert run.status == "applied"
    spot = BrightSpot.objects.get(name="Đối thoại định kỳ với Nhân dân")
    assert (spot.year, spot.status, spot.recipient) == (2022, "accepted", cast.qcdc)
    assert spot.reviewed_at.date().isoformat() == "2022-04-15"
    assert Registration.objects.get(unit=cast.unit_a, year=2022).status == "submitted"
    assert BrightSpot.objects.get(name="Dân vận khéo").recipient == cast.dvcq
    assert upload(admin, cast.province, "past_bright_spots", content).preview["unchanged"] == 2

    bad = [[*ROWS[0][:1], "1999", *ROWS[0][2:]]]
    run = upload(admin, cast.province, "past_bright_spots",
                 filled(template(admin, "past_bright_spots"), bad))  # fmt: skip
    assert [(r["row"], r["column"]) for r in run.refusals] == [(2, "Năm")]

    path = tmp_path / "past.xlsx"
    path.write_bytes(content)
    with pytest.raises(CommandError):
        call_command("import_data", "past_bright_spots", str(path), province="40")
    assert reverse("organisation:import-template", args=["past_bright_spots"])
