"""Decisions of recognition (R19) and the recognitions they grant (their annex)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import documents
from core.text import nfc
from core.uploads import upload_path


def decision_path(instance, filename: str) -> str:
    # One file per Decision: a repeated render writes the same name.
    return f"decisions/{instance.year}/decision-{instance.pk}.pdf"


class Decision(models.Model):
    """A Decision (Quyết định) of a People's Committee or head of agency recognizing bright spots.

    The words printed on it are copied from the issuing authority when it is recorded, so that a
    later change of the settings never rewrites a signed document. Numbers restart each calendar
    year and are unique per authority and year (a database constraint, so two staff recording at
    once cannot both take a number).
    """

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("In force")
        ANNULLED = "annulled", _("Annulled")

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, verbose_name=_("province")
    )
    committee = models.ForeignKey(
        "organisation.Committee",
        models.PROTECT,
        related_name="decisions",
        verbose_name=_("proposed by"),
    )
    authority = models.ForeignKey(
        "recognition.IssuingAuthority",
        models.PROTECT,
        related_name="decisions",
        verbose_name=_("issuing authority"),
    )
    number = models.PositiveIntegerField(_("number"))
    year = models.PositiveSmallIntegerField(_("year of the number"), editable=False)
    date = models.DateField(_("date of the Decision"))
    recognition_year = models.PositiveSmallIntegerField(_("bright spots of the year"))

    # As printed (copied from the authority when recorded).
    authority_name = models.CharField(_("issuing authority"), max_length=200)
    parent_name = models.CharField(_("parent authority"), max_length=200, blank=True)
    place_name = models.CharField(_("place name"), max_length=100)
    symbol = models.CharField(_("symbol"), max_length=30)
    signing_form = models.TextField(_("signing form"))
    signer_title = models.CharField(_("signer's title"), max_length=100)
    signer_name = models.CharField(_("signer's name"), max_length=100)
    legal_bases = models.TextField(_("legal bases"), blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.IN_FORCE
    )
    annulled_at = models.DateTimeField(_("annulled"), null=True, blank=True)
    annulled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    annulment_reason = models.TextField(_("reason for the annulment"), blank=True)

    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    # The Decision as the app rendered it (signed when the authority has a key), and the final
    # document an official uploaded back after editing and signing it (R41).
    file = models.FileField(upload_to=decision_path, max_length=200, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    signed_by = models.CharField(_("signed by"), max_length=300, blank=True)
    rendered_at = models.DateTimeField(_("rendered"), null=True, blank=True)
    final_file = models.FileField(
        _("final signed document"), upload_to=upload_path, max_length=200, blank=True
    )
    final_file_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    final_signed_by = models.CharField(max_length=300, blank=True)
    final_uploaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Decision")
        verbose_name_plural = _("Decisions")
        ordering = ["-date", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "year", "number"], name="decision_number_unique_per_year"
            ),
            models.CheckConstraint(condition=Q(number__gt=0), name="decision_number_positive"),
            models.CheckConstraint(
                condition=Q(status="in_force", annulled_at__isnull=True)
                | (Q(status="annulled", annulled_at__isnull=False) & ~Q(annulment_reason="")),
                name="decision_annulled_has_reason",
            ),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        self.year = self.date.year
        self.annulment_reason = nfc(self.annulment_reason).strip()
        super().save(*args, **kwargs)

    @property
    def number_and_symbol(self) -> str:
        """'125/QĐ-UBND'"""
        return documents.document_number(self.number, self.symbol)

    @property
    def reference(self) -> str:
        """'Quyết định số 125/QĐ-UBND ngày 05 tháng 01 năm 2026'"""
        return documents.decision_reference(self.number, self.symbol, self.date)

    @property
    def signing_lines(self) -> tuple[str, ...]:
        """The signing form lines then the signer's title, as printed above the signature."""
        lines = [line.strip() for line in self.signing_form.splitlines() if line.strip()]
        return (*lines, self.signer_title)

    @property
    def is_annulled(self) -> bool:
        return self.status == self.Status.ANNULLED


class Recognition(models.Model):
    """One line of a Decision's annex: this dossier's bright spot is recognized.

    Kept when the Decision is annulled (its certificate then reads as revoked); a later Decision
    recognizing the same bright spot makes a new Recognition.
    """

    decision = models.ForeignKey(
        Decision, models.PROTECT, related_name="recognitions", verbose_name=_("Decision")
    )
    dossier = models.ForeignKey(
        "recognition.Dossier",
        models.PROTECT,
        related_name="recognitions",
        verbose_name=_("dossier"),
    )
    position = models.PositiveIntegerField(_("line of the annex"))

    class Meta:
        verbose_name = _("recognition")
        verbose_name_plural = _("recognitions")
        ordering = ["decision", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "dossier"], name="recognition_once_per_decision"
            ),
            models.UniqueConstraint(
                fields=["decision", "position"], name="recognition_position_unique"
            ),
        ]

    def __str__(self):
        return f"{self.decision} · {self.dossier}"
