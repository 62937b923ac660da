from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """A unit of background work, committed with the change that asked for it.

    The row is the durable record; the Celery message is only a wake-up call. If the broker is
    away when the change commits, the sweeper sends the job later, so a lost Redis never loses
    work a user asked for (see core.jobs).
    """

    task = models.CharField(_("task"), max_length=150)
    kwargs = models.JSONField(_("arguments"), default=dict)
    key = models.CharField(
        _("idempotency key"),
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        help_text=_("A second job with the same key is not created."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    run_after = models.DateTimeField(_("run after"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        indexes = [
            models.Index(
                fields=["run_after"], name="job_pending_idx", condition=models.Q(done_at=None)
            )
        ]

    def __str__(self):
        return f"{self.task} #{self.pk}"


def rendition_path(instance, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"documents/{timezone.now():%Y/%m}/{instance.pk}-{timezone.now():%H%M%S%f}.{extension}"


class Rendition(models.Model):
    """A document (PDF, DOCX, XLSX) a user asked for, produced by a durable job (R41, issue 13).

    Nothing is rendered in the request: the page asks for a rendition and opens its progress
    page, which polls it and offers the file once stored. What is rendered is named by a
    `core.renditions` identifier and its parameters; only the user who asked may fetch it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Being produced")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("requested by")
    )
    identifier = models.CharField(_("document"), max_length=60)
    params = models.JSONField(_("parameters"), default=dict)
    language = models.CharField(_("language"), max_length=5, default="vi")
    title = models.CharField(_("title"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(_("file"), upload_to=rendition_path, max_length=200, blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    kind = models.CharField(max_length=10, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("rendered document")
        verbose_name_plural = _("rendered documents")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="done")
                | (~models.Q(file="") & models.Q(finished_at__isnull=False)),
                name="rendition_done_has_file",
            )
        ]

    def __str__(self):
        return self.filename or self.identifier

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
