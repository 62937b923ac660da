"""What each province sets for recognition: the window (R16), the authorities that sign Decisions
and certificates (R19, R20), and how certificate serials are numbered. Data, not fixed text:
administrators edit them in the Django admin."""

import string
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.text import nfc

DEFAULT_SERIAL_FORMAT = "{province}-{year}-{number:06d}"
SERIAL_FIELDS = {"province", "year", "number"}
# A serial is printed and typed back from paper: letters, digits and a few separators only.
SERIAL_CHARACTERS = set(string.ascii_letters + string.digits + "-./_")


class RecognitionPeriod(models.Model):
    """A recognition window for a year, when an administrator moved it (R16): the province's,
    or one level's own (a commune's or a department's, R40), which must lie within the
    province's. A level without its own window uses the province's."""

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, verbose_name=_("province")
    )
    level_unit = models.ForeignKey(
        "organisation.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("level"),
        help_text=_(
            "Leave empty for the province's window. A commune or department may set its own, "
            "within the province's."
        ),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    opens = models.DateField(_("dossiers accepted from"))
    closes = models.DateField(_("dossiers accepted until (inclusive)"))

    class Meta:
        verbose_name = _("recognition window")
        verbose_name_plural = _("recognition windows")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year"],
                condition=Q(level_unit=None),
                name="recognition_period_one_per_province_year",
            ),
            models.UniqueConstraint(
                fields=["level_unit", "year"],
                condition=Q(level_unit__isnull=False),
                name="recognition_period_one_per_level_year",
            ),
            models.CheckConstraint(
                condition=Q(closes__gte=F("opens")), name="recognition_period_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.level_unit or self.province} {self.year}"

    def clean(self):
        if self.opens and self.closes and self.closes < self.opens:
            raise ValidationError({"closes": _("The window cannot close before it opens.")})
        if not (self.level_unit_id and self.province_id and self.year and self.opens):
            return
        if self.level_unit.province_id != self.province_id:
            raise ValidationError({"level_unit": _("Choose a unit of this province.")})
        if self.level_unit.parent_id is None:
            raise ValidationError(
                {"level_unit": _("Leave the level empty for the province's own window.")}
            )
        province = province_window(self.province_id, self.year)
        if self.opens < province.opens or (self.closes and self.closes > province.closes):
            raise ValidationError(
                _("A level's window must lie within the province's, from %(opens)s to %(closes)s.")
                % {
                    "opens": province.opens.strftime("%d/%m/%Y"),
                    "closes": province.closes.strftime("%d/%m/%Y"),
                }
            )


def province_window(province_id: int, year: int) -> RecognitionPeriod:
    """The province's window of the year: as set by an administrator, else 15 October to
    30 November (R16). Not saved when it is the default."""
    period = RecognitionPeriod.objects.filter(
        province_id=province_id, year=year, level_unit=None
    ).first()
    if period is None:
        period = RecognitionPeriod(
            province_id=province_id, year=year, opens=date(year, 10, 15), closes=date(year, 11, 30)
        )
    return period


def validate_serial_format(value: str) -> None:
    """A serial format must name the province, the year and the number, so that two serials
    can never be equal (R20), and print only characters a reader can type back."""
    try:
        names = {name for _text, name, _spec, _conv in string.Formatter().parse(value) if name}
        sample = value.format(province="40", year=2025, number=125)
    except (ValueError, KeyError, IndexError):
        raise ValidationError(
            _("Write the format with {province}, {year} and {number}, e.g. %(example)s."),
            params={"example": DEFAULT_SERIAL_FORMAT},
        ) from None
    if names != SERIAL_FIELDS:
        raise ValidationError(
            _(
                "The format must contain {province}, {year} and {number}, and nothing else in braces."
            )
        )
    if not set(sample) <= SERIAL_CHARACTERS or len(sample) > 40:
        raise ValidationError(
            _("A serial may hold only letters without accents, digits and - . / _ (at most 40).")
        )


class RecognitionSettings(models.Model):
    """A province's own choices for certificates."""

    province = models.OneToOneField(
        "organisation.Province",
        models.PROTECT,
        related_name="recognition_settings",
        verbose_name=_("province"),
    )
    serial_format = models.CharField(
        _("certificate serial format"),
        max_length=60,
        default=DEFAULT_SERIAL_FORMAT,
        validators=[validate_serial_format],
        help_text=_(
            "{province} is the province code, {year} the year recognized, {number} the running "
            "number of the year; {number:06d} pads it to six digits. Example: 40-2025-000125."
        ),
    )

    class Meta:
        verbose_name = _("recognition settings")
        verbose_name_plural = _("recognition settings")

    def __str__(self):
        return str(self.province)

    def serial(self, *, province_code: str, year: int, number: int) -> str:
        return self.serial_format.format(province=province_code, year=year, number=number)


class IssuingAuthority(models.Model):
    """The People's Committee, or the head of an agency, that signs Decisions and certificates
    for a level (R19). Its words are printed as they are written here."""

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, related_name="+", verbose_name=_("province")
    )
    level_unit = models.ForeignKey(
        "organisation.Unit",
        models.PROTECT,
        related_name="+",
        verbose_name=_("level"),
        help_text=_("The province, locality or agency whose committees record its Decisions."),
    )
    name = models.CharField(
        _("issuing authority"), max_length=200, help_text=_("e.g. ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")
    )
    parent_name = models.CharField(
        _("parent authority"),
        max_length=200,
        blank=True,
        help_text=_("Printed above the authority, e.g. UBND TỈNH NGHỆ AN above SỞ NỘI VỤ."),
    )
    place_name = models.CharField(
        _("place name on documents"), max_length=100, help_text=_("“Nghệ An, ngày …”")
    )
    decision_symbol = models.CharField(
        _("Decision symbol"), max_length=30, default="QĐ-UBND", help_text=_("Số: 125/QĐ-UBND")
    )
    signing_form = models.TextField(
        _("signing form"),
        help_text=_("One line each, e.g. “TM. ỦY BAN NHÂN DÂN” then “KT. CHỦ TỊCH”."),
    )
    signer_title = models.CharField(_("signer's title"), max_length=100)
    signer_name = models.CharField(_("signer's name"), max_length=100)
    legal_bases = models.TextField(
        _("legal bases"),
        blank=True,
        help_text=_("The “Căn cứ …” lines of a Decision, one per line."),
    )
    signing_key = models.CharField(
        _("signing key"),
        max_length=100,
        blank=True,
        help_text=_(
            "The name of the authority's key in the signing configuration (a PKCS#12 file or a "
            "token, kept outside the database). Empty: its documents are not signed digitally."
        ),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("issuing authority")
        verbose_name_plural = _("issuing authorities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        for name in ("name", "parent_name", "place_name", "signing_form", "signer_title",
                     "signer_name", "legal_bases", "decision_symbol"):  # fmt: skip
            setattr(self, name, nfc(getattr(self, name)).strip())
        super().save(*args, **kwargs)


class SerialCounter(models.Model):
    """The last certificate number given in a province and year; locked while numbers are given."""

    province = models.ForeignKey("organisation.Province", models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["province", "year"], name="serial_counter_unique")
        ]

    def __str__(self):
        return f"{self.province_id}-{self.year}: {self.last_number}"
