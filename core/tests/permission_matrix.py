"""Permission matrix rows for core's URLs (R30): the progress page, status and file of a document
rendered in the background (core.renditions). Only the user who asked for it sees it.

Format: tests/test_permission_matrix.py. Columns: offA offB qcdc dvcq prov othr admn anon.
"""

from django.core.files.base import ContentFile
from django.utils import timezone

from core.models import Rendition
from core.tests.upload_samples import PDF
from tests.permission_matrix import Row


def objects(world):
    rendition = Rendition.objects.create(
        requested_by=world.qcdc_staff, identifier="recognition.decision_pdf", params={},
        filename="quyet-dinh.pdf", kind="pdf",
    )  # fmt: skip
    rendition.file.save("quyet-dinh.pdf", ContentFile(PDF), save=False)
    rendition.status, rendition.finished_at = Rendition.Status.DONE, timezone.now()
    rendition.save()
    return {"rendition": rendition}


ONLY_QCDC = "  404   404   200   404   404   404   404   login"
LOGGED_IN_405 = "405   405   405   405   405   405   405   login"

ROWS = [
    #                                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row(
        "core:rendition",
        "rendition",
        get=ONLY_QCDC,
        post=LOGGED_IN_405,
        note="a document is only ever shown to the user who asked for it, administrators too",
    ),
    Row("core:rendition-status", "rendition", get=ONLY_QCDC, post=LOGGED_IN_405),
    Row("core:rendition-file", "rendition", get=ONLY_QCDC, post=LOGGED_IN_405),
]
