"""Each level's yearly plan for building bright spots (seed 000 §V, R40): the province's, a
commune's or a department's, with its targets per field and the signed document."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import nfc
from core.uploads import upload_path


class LevelPlan(models.Model):
    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, related_name="+", verbose_name=_("province")
    )
    level_unit = models.ForeignKey(
        "organisation.Unit", models.PROTECT, related_name="plans", verbose_name=_("level")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.CharField(_("number and symbol"), max_length=60, help_text=_("e.g. 45/KH-UBND"))
    date = models.DateField(_("date of the plan"))
    target_qcdc = models.PositiveSmallIntegerField(_("QCDC bright spots planned"), default=0)
    target_dvcq = models.PositiveSmallIntegerField(_("DVCQ bright spots planned"), default=0)
    document = models.FileField(
        _("plan document"), upload_to=upload_path, max_length=200, blank=True
    )
    document_name = models.CharField(max_length=200, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        verbose_name = _("plan of a level")
        verbose_name_plural = _("plans of the levels")
        ordering = ["-year", "level_unit__name_sort"]
        constraints = [
            models.UniqueConstraint(fields=["level_unit", "year"], name="plan_one_per_level_year")
        ]

    def __str__(self):
        return f"{self.number} · {self.level_unit}"

    def save(self, *args, **kwargs):
        self.number = nfc(self.number).strip()
        super().save(*args, **kwargs)

    def target(self, field: str) -> int:
        return self.target_qcdc if field == "qcdc" else self.target_dvcq
