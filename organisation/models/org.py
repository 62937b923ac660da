"""The organisation: provinces, the unit tree (R1, R2, R3a), committees (R3) and routing (R8)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _

from core.text import fold, nfc, sort_key


class Field(models.TextChoices):
    """The two fields of bright spots."""

    QCDC = "qcdc", _("Grassroots democracy (QCDC)")
    DVCQ = "dvcq", _("Government mass mobilization (DVCQ)")


class Level(models.TextChoices):
    """The level at which a bright spot is built and recognized (R5)."""

    COMMUNE = "commune", _("Commune level")
    DISTRICT = "district", _("District level")
    PROVINCE = "province", _("Province level")
    AGENCY = "agency", _("Agency level")


class Province(models.Model):
    """A province: the root of one isolated organisation (R4)."""

    code = models.CharField(_("official code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100, help_text=_("For example: Nghệ An"))
    place_name = models.CharField(
        _("place name on documents"),
        max_length=100,
        help_text=_("Used in the date line of decisions and certificates: “Nghệ An, ngày …”."),
    )

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name, self.place_name = nfc(self.name), nfc(self.place_name or self.name)
        super().save(*args, **kwargs)

    @property
    def root_unit(self):
        return self.units.filter(parent=None).first()


class UnitQuerySet(models.QuerySet):
    def subtree_of(self, unit):
        return self.filter(path__startswith=unit.path)

    def active_on(self, day):
        return self.filter(
            Q(valid_from=None) | Q(valid_from__lte=day), Q(valid_to=None) | Q(valid_to__gte=day)
        )

    def search(self, text):
        return self.filter(name_folded__contains=fold(text))


class Unit(models.Model):
    """A commune, district, department, affiliated unit or enterprise — a node of the tree (R1).

    Units are never moved or renamed into something else: after a merger the old unit keeps its
    history and points to its successor (R2).
    """

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District-level locality")
        COMMUNE = "commune", _("Commune")
        WARD = "ward", _("Ward")
        TOWNSHIP = "township", _("Township")
        SPECIAL_ZONE = "special_zone", _("Special zone")
        DEPARTMENT = "department", _("Provincial department or agency")
        AFFILIATED = "affiliated", _("Affiliated unit")
        ENTERPRISE = "enterprise", _("State-owned enterprise")
        VILLAGE = "village", _("Village, hamlet or residential group")
        SCHOOL = "school", _("School")
        HEALTH_STATION = "health_station", _("Health station")

    COMMUNE_LEVEL = (Kind.COMMUNE, Kind.WARD, Kind.TOWNSHIP, Kind.SPECIAL_ZONE)
    # Units of a commune (a village, a school, a health station): their bright spots are
    # recognized by the commune (R40).
    GRASSROOTS = (Kind.VILLAGE, Kind.SCHOOL, Kind.HEALTH_STATION)
    AGENCY_LEVEL = (Kind.DEPARTMENT, Kind.ENTERPRISE)
    LOCALITY = (Kind.PROVINCE, Kind.DISTRICT, *COMMUNE_LEVEL)

    province = models.ForeignKey(
        Province, models.PROTECT, related_name="units", verbose_name=_("province")
    )
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=255)
    code = models.CharField(
        _("official code"),
        max_length=10,
        blank=True,
        help_text=_("Administrative code (Decision 19/2025/QĐ-TTg): 5 digits for a commune."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("successor"),
        help_text=_(
            "The unit this one was merged into; when it was split, the successor with the "
            "largest share (the others and the shares are listed below)."
        ),
    )
    # Materialised path of ids ("12.340.5678.") so that a subtree is one indexed prefix match.
    path = models.CharField(max_length=255, editable=False)
    name_folded = models.CharField(max_length=255, editable=False)
    name_sort = models.CharField(max_length=600, editable=False, db_index=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name_sort"]
        indexes = [
            # varchar_pattern_ops lets PostgreSQL use the index for "path LIKE '12.34.%'".
            models.Index(fields=["path"], name="unit_path_idx", opclasses=["varchar_pattern_ops"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "code"], condition=~Q(code=""), name="unit_code_unique"
            ),
            models.CheckConstraint(
                condition=Q(valid_to=None)
                | Q(valid_from=None)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_validity_ordered",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name).strip()
        self.name_folded = fold(self.name)
        self.name_sort = sort_key(self.name)
        super().save(*args, **kwargs)
        expected = f"{self.parent.path if self.parent_id else ''}{self.pk}."
        if self.path != expected:
            old, self.path = self.path, expected
            Unit.objects.filter(pk=self.pk).update(path=expected)
            if old:  # moved under another parent: carry the subtree along
                Unit.objects.filter(path__startswith=old).exclude(pk=self.pk).update(
                    path=Concat(Value(expected), Substr("path", len(old) + 1))
                )

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.split(".") if part]

    def is_within(self, other: "Unit") -> bool:
        return self.path.startswith(other.path)

    def is_active_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )

    def current_successor(self) -> "Unit":
        """The unit that carries this one's history today (follows merger links, R2)."""
        unit, seen = self, set()
        while unit.successor_id and unit.pk not in seen:
            seen.add(unit.pk)
            unit = unit.successor
        return unit


class UnitSuccession(models.Model):
    """One of several successors of a unit split among new units, with its share of the old
    unit's figures (R2). A unit merged whole into one has no rows here: `Unit.successor` says it.
    When a unit is split, `Unit.successor` names the successor with the largest share (the one
    that carries its bright spots one by one) and the shares sum to 100."""

    predecessor = models.ForeignKey(
        Unit, models.CASCADE, related_name="successions", verbose_name=_("former unit")
    )
    successor = models.ForeignKey(
        Unit, models.PROTECT, related_name="+", verbose_name=_("successor")
    )
    share_percent = models.PositiveSmallIntegerField(
        _("share (%)"), help_text=_("The part of the former unit's figures it carries, 1–100.")
    )

    class Meta:
        verbose_name = _("successor with a share")
        verbose_name_plural = _("successors with shares")
        ordering = ["-share_percent", "successor_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="succession_once_per_pair"
            ),
            models.CheckConstraint(
                condition=Q(share_percent__gte=1, share_percent__lte=100),
                name="succession_share_1_to_100",
            ),
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor} ({self.share_percent}%)"


class Committee(models.Model):
    """A steering committee of a level, or an agency that advises it (R3, R8).

    A committee handles QCDC, DVCQ or both. Names are data: they change.
    """

    class Kind(models.TextChoices):
        STEERING = "steering", _("Steering committee")
        AGENCY = "agency", _("Advisory agency")

    province = models.ForeignKey(
        Province, models.PROTECT, related_name="committees", verbose_name=_("province")
    )
    level_unit = models.ForeignKey(
        Unit,
        models.PROTECT,
        related_name="committees",
        verbose_name=_("level"),
        help_text=_("The province, locality or agency whose committee this is."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.STEERING)
    name = models.CharField(_("name"), max_length=300)
    handles_qcdc = models.BooleanField(_("handles QCDC"), default=False)
    handles_dvcq = models.BooleanField(_("handles DVCQ"), default=False)
    active = models.BooleanField(_("active"), default=True)
    oversight = models.BooleanField(
        _("supervises and inspects"),
        default=False,
        help_text=_(
            "The Mass Mobilization Committee and Home Affairs: their staff record inspections "
            "of the units of their level (R40)."
        ),
    )

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(handles_qcdc=True) | Q(handles_dvcq=True),
                name="committee_handles_a_field",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name).strip()
        super().save(*args, **kwargs)

    @property
    def fields(self) -> list[str]:
        return [
            f for f, on in ((Field.QCDC, self.handles_qcdc), (Field.DVCQ, self.handles_dvcq)) if on
        ]

    def handles(self, field: str) -> bool:
        return field in self.fields


class RoutingRule(models.Model):
    """Where a level's bright spots of one field go on submission (R8). Data, not code."""

    province = models.ForeignKey(Province, models.PROTECT, verbose_name=_("province"))
    level_unit = models.ForeignKey(
        Unit, models.PROTECT, related_name="routing_rules", verbose_name=_("level")
    )
    field = models.CharField(_("field"), max_length=4, choices=Field.choices)
    recipient = models.ForeignKey(
        Committee, models.PROTECT, related_name="+", verbose_name=_("steering committee")
    )
    via = models.ForeignKey(
        Committee,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("through"),
    )
    copy_to = models.ForeignKey(
        Committee,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("copy to"),
    )

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        constraints = [
            models.UniqueConstraint(
                fields=["level_unit", "field"], name="routing_one_per_level_field"
            )
        ]

    def __str__(self):
        return f"{self.level_unit} · {self.get_field_display()} → {self.recipient}"

    def clean(self):
        """Each recipient handles the field and belongs to this level or one above it: a
        commune's bright spots never land with another commune's committee (R8, R40)."""
        if not self.level_unit_id or not self.field:
            return
        errors = {}
        for name in ("recipient", "via", "copy_to"):
            committee = getattr(self, name, None) if getattr(self, f"{name}_id") else None
            if committee is None:
                continue
            if not self.level_unit.is_within(committee.level_unit):
                errors[name] = _("Choose a committee of this level or of a level above it.")
            elif not committee.handles(self.field):
                errors[name] = _("This committee does not handle the field.")
        if errors:
            raise ValidationError(errors)
