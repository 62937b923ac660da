"""Reporting's rows of the permission matrix (R30; format in tests/test_permission_matrix.py).

Unit officials read no province or committee summary (403) but their own unit's history;
committee staff read their committee's summary, provincial staff and administrators their
province's; the other province's staff read their own (200 without a query: it is theirs). A
download belongs to whoever asked for it: anybody else gets a 404.
"""

from django.core.files.base import ContentFile
from django.utils import timezone

from reporting.models import Export
from tests.permission_matrix import Row


def objects(world):
    export = Export(
        requested_by=world.provincial, province=world.province, exporter="workbook",
        options={"years": [world.year], "view": "historical"}, area_label=world.root.name,
        status=Export.Status.DONE, progress=100, filename="diem-sang-2026.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        finished_at=timezone.now(),
    )  # fmt: skip
    export.file.save("diem-sang-2026.xlsx", ContentFile(b"PK\x03\x04 workbook"), save=True)
    return {"export_ready": export, "csv_table": "csv-overview"}


#                      offA  offB  qcdc  dvcq  prov  othr  admn  anon
READERS = "             403   403   200   200   200   200   200   login"
OWNER = "               404   404   404   404   200   404   404   login"
GET_ONLY = "            405   405   405   405   405   405   405   login"

ROWS = [
    Row("reporting:summary", get=READERS, post=GET_ONLY),
    Row("reporting:country", post=GET_ONLY,
        get="  403   403   403   403   200   200   200   login",
        note="the provinces a reader reads as a whole: committee staff read none of them"),
    Row("reporting:bright-spots", get=READERS, post=GET_ONLY, query="field=qcdc&status=accepted"),
    Row("reporting:units", get=READERS, post=GET_ONLY, query="compliance=not_both"),
    Row("reporting:csv", "csv_table", get=READERS, post=GET_ONLY),
    Row("reporting:export-create",
        get="  405   405   405   405   405   405   405   login",
        post=" 403   403   400   400   400   400   400   login",
        note="an empty body is not a download anyone can produce: 400"),
    Row("reporting:export-detail", "export_ready", get=OWNER, post=GET_ONLY),
    Row("reporting:export-status", "export_ready", get=OWNER, post=GET_ONLY),
    Row("reporting:export-download", "export_ready", get=OWNER, post=GET_ONLY),
    Row("reporting:unit-history", "unit_a", post=GET_ONLY,
        get="  200   404   403   403   200   404   200   login",
        note="committee staff read the unit but not its history: their summary has the unit filter"),
]  # fmt: skip
