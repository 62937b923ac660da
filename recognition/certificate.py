"""The certificate of recognition of a bright spot (Giấy chứng nhận, R20) as a PDF.

`CertificateData` is everything printed on it, as plain values: the code that issues certificates
fills it from the recognition, its Decision and the province's settings (issuer, place name,
signing form are data, not fixed text), and `render_certificate` turns it into an A4 landscape
page. The QR code points at `/verify/<serial>/` (R21).
"""

import dataclasses
import datetime
import logging
from urllib.parse import quote

import segno
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

from core import documents, signing
from core.pdf import layout_template, signature_box, write_pdf
from organisation.models import Field

# The field as documents name it: Vietnamese whatever the interface language (Decree 30).
FIELD_WORDS = {"qcdc": "Thực hiện Quy chế dân chủ ở cơ sở", "dvcq": "Dân vận chính quyền"}

TEMPLATE = "recognition/pdf/certificate.html"
STYLESHEET = "recognition/pdf/certificate.css"

# Longer names get a smaller type (see the CSS): 300 characters take four lines, not eight.
_NAME_SIZES = ((90, "name-normal"), (180, "name-long"), (None, "name-very-long"))
# When everything is long at once (name, unit, issuer, signing form), tighter type and spacing.
_FITS = ("", "fit-compact", "fit-tight")

logger = logging.getLogger(__name__)

SIGNING_REASON = "Ký số văn bản hành chính"


def verification_url(serial: str) -> str:
    """The public address printed in the QR code.

    Built by hand, not with reverse(): printed certificates outlive URL configurations, so this
    path must never change.
    """
    return f"{settings.SITE_URL}/verify/{quote(serial, safe='')}/"


@dataclasses.dataclass(frozen=True, kw_only=True)
class CertificateData:
    # Header, left column (Decree 30): the issuer's parent authority when it has one, e.g.
    # "UBND TỈNH NGHỆ AN" above "SỞ NỘI VỤ"; a People's Committee has none. Both print in capitals.
    parent_authority: str = ""
    authority: str  # "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    bright_spot_name: str
    unit_name: str
    field_label: str  # "Thực hiện Quy chế dân chủ ở cơ sở"
    year: int
    decision_number: int | str
    decision_symbol: str  # "QĐ-UBND"
    decision_date: datetime.date
    place: str  # "Nghệ An", for the date line
    signing_form: tuple[str, ...]  # ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    signer_name: str
    serial: str
    issued_on: datetime.date | None = None  # the date line; the Decision's date when not given
    sample: bool = False  # a preview: printed with a "sample" mark across the page
    # Who signs the file digitally (printed in the signer block), and the name of their key in
    # the signing configuration (core.signing); both empty for an unsigned certificate.
    signed_by: str = ""
    signing_key: str = ""

    @property
    def verification_url(self) -> str:
        return verification_url(self.serial)


def qr_svg(url: str) -> str:
    """The QR code of `url` as inline SVG: vector, sharp at any print size, nothing to fetch."""
    # Level M survives a scuffed or folded print; a 0-module border because the page gives space.
    return segno.make(url, error="m").svg_inline(border=0, omitsize=True, dark="#000")


def certificate_context(data: CertificateData) -> dict:
    length = len(data.bright_spot_name)
    return {
        "certificate": data,
        "name_size": next(css for limit, css in _NAME_SIZES if limit is None or length <= limit),
        "date_line": documents.date_line(data.place, data.issued_on or data.decision_date),
        "decision": documents.decision_reference(
            data.decision_number, data.decision_symbol, data.decision_date
        ),
        "verification_url": data.verification_url,
        # segno writes only paths and numbers into the SVG, never the encoded text.
        "qr_svg": mark_safe(qr_svg(data.verification_url)),
        "signed_by": data.signed_by if data.signing_key and not data.sample else "",
    }


def render_certificate(data: CertificateData) -> bytes:
    """The certificate as PDF bytes: one A4 landscape page.

    A certificate is hung on a wall: a second page is never acceptable. Almost every certificate
    fits at the first try; the tighter layouts are tried only when it does not.
    """
    context = certificate_context(data)
    for fit in _FITS:
        document = layout_template(TEMPLATE, {**context, "fit": fit}, stylesheets=[STYLESHEET])
        if len(document.pages) == 1:
            break
    else:
        logger.warning("Certificate %s does not fit one page", data.serial)
    pdf = write_pdf(document)
    if not context["signed_by"]:
        return pdf
    where = signature_box(document, "signature-box")
    return signing.sign_pdf(
        pdf, key=data.signing_key, where=where, reason=SIGNING_REASON, location=data.place
    )


def sample_certificate_data() -> CertificateData:
    """Made-up values for a preview of the layout (no database needed)."""
    with translation.override("vi"):
        field_label = str(Field.QCDC.label)
    return CertificateData(
        authority="ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
        bright_spot_name="Phát huy vai trò của Nhân dân trong xây dựng nông thôn mới kiểu mẫu",
        unit_name="Ủy ban nhân dân xã Nghĩa Đồng",
        field_label=field_label,
        year=2025,
        decision_number=125,
        decision_symbol="QĐ-UBND",
        decision_date=datetime.date(2026, 1, 5),
        place="Nghệ An",
        signing_form=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        signer_name="Nguyễn Văn Mẫu",
        serial="40-2025-000125",
        sample=True,
    )
