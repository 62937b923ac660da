from django.urls import reverse

from core.emails import send_templated
from core.jobs import durable_task
from organisation.models import Committee, User
from registry.models import BrightSpot


@durable_task("registry.send_submission_notice")
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
