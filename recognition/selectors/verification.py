"""What /verify/ says about an uploaded PDF (R21, R41): whether its signature is intact, who
signed it and when, whether it is the very file on record (by its SHA-256), and whether the
Decision behind it was annulled."""

import dataclasses

from django.db.models import Q

from core import signing
from recognition.models import Certificate, Decision


@dataclasses.dataclass(frozen=True)
class FileCheck:
    report: signing.SignatureReport
    sha256: str
    certificate: Certificate | None = None
    decision: Decision | None = None  # the Decision on record: the certificate's, or the file's

    @property
    def on_record(self) -> bool:
        return self.decision is not None

    @property
    def revoked(self) -> bool:
        return self.on_record and self.decision.is_annulled

    @property
    def verdict(self) -> str:
        """One word for the page (and its tests): valid, revoked, altered, unsigned, untrusted,
        not_on_record."""
        report = self.report
        if report.signed and not (report.intact and report.whole_file):
            return "altered"
        if self.revoked:
            return "revoked"
        if not report.signed:
            return "unsigned" if not self.on_record else "valid_unsigned"
        if not report.trusted:
            return "untrusted"
        return "valid" if self.on_record else "not_on_record"


def check_file(data: bytes) -> FileCheck:
    fingerprint = signing.sha256(data)
    report = signing.signature_report(data)
    certificate = (
        Certificate.objects.select_related(
            "recognition__decision", "recognition__dossier__bright_spot__unit__province"
        )
        .filter(sha256=fingerprint)
        .first()
    )
    if certificate is not None:
        decision = certificate.recognition.decision
    else:
        decision = (
            Decision.objects.filter(Q(file_sha256=fingerprint) | Q(final_file_sha256=fingerprint))
            .order_by("pk")
            .first()
        )
    return FileCheck(report=report, sha256=fingerprint, certificate=certificate, decision=decision)
