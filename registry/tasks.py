from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from brightspots.emails import send_templated
from brightspots.jobs import durable_task
from registry.models import BrightSpot, Committee, User


@durable_task
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
        template="registry/email/welcome",
        context={"user": user, "link": link},
        language=user.language,
    )


@durable_task
def send_submission_notice(user_id: int, committee_id: int, bright_spot_ids: list[int]) -> None:
    """Tell a committee's staff member which bright spots a unit just sent to their inbox (R8)."""
    user = User.objects.get(pk=user_id)
    committee = Committee.objects.get(pk=committee_id)
    bright_spots = list(
        BrightSpot.objects.filter(pk__in=bright_spot_ids)
        .select_related("unit")
        .order_by("name_sort")
    )
    if not bright_spots or not user.is_active or not user.email:
        return
    send_templated(
        to=user.email,
        template="registry/email/list_submitted",
        context={
            "user": user,
            "committee": committee,
            "unit": bright_spots[0].unit,
            "year": bright_spots[0].year,
            "bright_spots": [
                (b, reverse("registry:bright-spot-detail", args=[b.pk])) for b in bright_spots
            ],
            "inbox": reverse("registry:committee-inbox", args=[committee.pk]),
        },
        language=user.language,
    )
