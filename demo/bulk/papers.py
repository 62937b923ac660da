"""The signed papers of the demo's dossiers (parts 2 and 3 of R17): one sample PDF for each part,
stored once and shared by every demo dossier, so a dossier past its draft has its checklist
complete and each link opens a real file."""

import functools
from html import escape

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core.pdf import render_pdf

PAPERS = {
    "evaluation": ("demo/ho-so/bien-ban-danh-gia.pdf", "Biên bản đánh giá mô hình.pdf",
                   "BIÊN BẢN ĐÁNH GIÁ MÔ HÌNH ĐIỂM SÁNG"),
    "dispatch": ("demo/ho-so/to-trinh-de-nghi.pdf", "Tờ trình đề nghị công nhận.pdf",
                 "TỜ TRÌNH ĐỀ NGHỊ CÔNG NHẬN ĐIỂM SÁNG"),
}  # fmt: skip


@functools.cache
def _pdf(title: str) -> bytes:
    return render_pdf(
        f"<h1 style='font-size:14pt;text-align:center'>{escape(title)}</h1>"
        "<p style='text-align:center'>(Văn bản mẫu của dữ liệu thử nghiệm)</p>"
    )


def paper(part: str) -> tuple[str, str]:
    """The stored name and the display name of the sample paper of `part`, stored if missing."""
    name, display, title = PAPERS[part]
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(_pdf(title)))
    return name, display
