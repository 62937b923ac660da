"""Recognition's part of `manage.py generate_dataset`: for every province and year, dossiers for
about a quarter of the accepted bright spots, one reviewer's scores, a Decision per committee
with its recognitions and certificates; the current year still in its window."""

import random

from django.utils import timezone

from demo.bulk import recognition as bulk
from demo.province.recognition import PROVINCE_AUTHORITY
from organisation.models import Field, User
from recognition.models import Certificate, Dossier, IssuingAuthority, RecognitionSettings
from recognition.selectors import criteria_set_for
from registry.models import BrightSpot


def generate(context: dict) -> None:
    options = context["options"]
    rng = random.Random(options["seed"] + 4)
    this_year = timezone.localdate().year
    for data in context["provinces"]:
        province = data.province
        RecognitionSettings.objects.create(province=province)
        authority = IssuingAuthority.objects.create(
            **{**PROVINCE_AUTHORITY, "name": f"ỦY BAN NHÂN DÂN TỈNH {province.name.upper()}",
               "place_name": province.name},
            province=province, level_unit=data.root,
        )  # fmt: skip
        committees = [data.committees["qcdc"], data.committees["dvcq"]]
        staff = {
            u.username: u for u in User.objects.filter(username__startswith=f"p{province.code}.")
        }
        reviewers = {
            c.pk: [staff[f"p{province.code}.{key}"]]
            for c, key in zip(committees, ("qcdc", "dvcq"), strict=True)
        }
        for year in context["years"]:
            criteria = {}
            for field in Field.values:
                criteria_set = criteria_set_for(province, field, year)
                criteria[field] = (
                    criteria_set,
                    list(criteria_set.criteria.order_by("group", "number")),
                )
            accepted = list(
                BrightSpot.objects.filter(
                    province=province, year=year, status=BrightSpot.Status.ACCEPTED,
                    recipient__in=list(reviewers),
                ).select_related("unit")
            )  # fmt: skip
            bulk.recognize_year(
                province=province, bright_spots=accepted, reviewers=reviewers,
                authorities={c.pk: authority for c in committees}, criteria=criteria,
                officials=data.officials, rng=rng,
                plan=bulk.RecognitionPlan(year=year, decided=year < this_year, dossier_share=0.25,
                                          reviews_per_dossier=1),
            )  # fmt: skip
    context["step"](
        "recognition",
        f"{Dossier.objects.count()} dossiers, {Certificate.objects.count()} certificates",
    )
