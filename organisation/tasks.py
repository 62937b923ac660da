"""Background work of the organisation: the welcome e-mail of a new account."""

from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.emails import send_templated
from core.jobs import durable_task
from organisation import services
from organisation.models import ImportRun, User


@durable_task("organisation.send_welcome_email")
def send_welcome_email(user_id: int) -> None:
    """Welcome a new user with a link to choose their password."""
    user = User.objects.get(pk=user_id)
    link = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    send_templated(
        to=user.email,
        template="organisation/email/welcome",
        context={"user": user, "link": link},
        language=user.language,
    )


@durable_task("organisation.import_preview")
def import_preview(run_id: int) -> None:
    """Read a large import file and store its preview (R39)."""
    run = ImportRun.objects.get(pk=run_id)
    if run.status == ImportRun.Status.PREVIEWING:
        services.import_preview(run=run)


@durable_task("organisation.import_apply")
def import_apply(run_id: int, by_id: int | None = None) -> None:
    """Apply a large confirmed import in one transaction (R39)."""
    run = ImportRun.objects.get(pk=run_id)
    if run.status == ImportRun.Status.APPLYING:
        services.import_apply(run=run, by=User.objects.filter(pk=by_id).first())
