"""People and their scoped roles (SPEC §1, R30)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.text import nfc


class User(AbstractUser):
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    position = models.CharField(_("position"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=[("vi", "Tiếng Việt"), ("en", "English")],
        default="vi",
        help_text=_("Language of e-mails and of the interface after logging in."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.username

    def save(self, *args, **kwargs):
        self.full_name = nfc(self.full_name).strip()
        super().save(*args, **kwargs)


class RoleAssignment(models.Model):
    """A role held by a user, with its scope: a unit (and subtree), a committee or a province."""

    class Role(models.TextChoices):
        UNIT_OFFICIAL = "unit_official", _("Unit official")
        COMMITTEE_STAFF = "committee_staff", _("Committee staff")
        PROVINCIAL_STAFF = "provincial_staff", _("Provincial staff")
        ADMINISTRATOR = "administrator", _("Administrator")

    user = models.ForeignKey(
        User, models.CASCADE, related_name="role_assignments", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, related_name="+", verbose_name=_("province")
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("unit"),
    )
    committee = models.ForeignKey(
        "organisation.Committee",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("committee"),
    )
    created_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role="unit_official", unit__isnull=False, committee=None)
                    | Q(role="committee_staff", committee__isnull=False, unit=None)
                    | Q(role__in=["provincial_staff", "administrator"], unit=None, committee=None)
                ),
                name="role_scope_matches_role",
            )
        ]

    def __str__(self):
        scope = self.unit or self.committee or self.province
        return f"{self.user} · {self.get_role_display()} · {scope}"
