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
