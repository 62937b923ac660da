"""Recognition's part of a province-year archive (core.archive): the year's window, the
criteria the dossiers were assessed against, the dossiers with their documents, reviews and
scores, the Decisions, what they recognized and the certificates issued, and the commendations."""

from core import archive
from core.archive import model_section
from recognition.models import (
    Assessment,
    Certificate,
    CommendationEntry,
    CommendationProposal,
    CriteriaSet,
    Criterion,
    Decision,
    Dossier,
    FollowUp,
    IssuingAuthority,
    Recognition,
    RecognitionPeriod,
    RecognitionSettings,
    Review,
    Score,
    SerialCounter,
    UnitCommendation,
)

DOCUMENTS = [
    ("report_file", "report_file_name"),
    ("evaluation_file", "evaluation_file_name"),
    ("dispatch_file", "dispatch_file_name"),
]


@archive.register
def sections(context):
    province, year = context.province, context.year
    dossiers = Dossier.objects.filter(province=province, year=year)
    criteria_sets = CriteriaSet.objects.filter(pk__in=dossiers.values("criteria_set"))
    reviews = Review.objects.filter(dossier__in=dossiers)
    decisions = Decision.objects.filter(province=province, recognition_year=year)
    recognitions = Recognition.objects.filter(decision__in=decisions)
    proposals = CommendationProposal.objects.filter(
        province=province, period_start__lte=year, period_end__gte=year
    )
    targets = Criterion.bright_spots.through.objects.filter(
        brightspot__province=province, brightspot__year=year
    )
    return [
        model_section("issuing_authorities", "Who signs Decisions and certificates for each "
                      "level, as printed (R19).", IssuingAuthority.objects.filter(province=province)),
        model_section("recognition_settings", "The province's certificate serial format.",
                      RecognitionSettings.objects.filter(province=province)),
        model_section("serial_counters", "The last certificate number given in the year.",
                      SerialCounter.objects.filter(province=province, year=year)),
        model_section("bright_spot_criteria", "The criteria each bright spot targets.", targets),
        model_section("recognition_periods", "The year's window for dossiers, when an "
                      "administrator set it (otherwise 15 October to 30 November).",
                      RecognitionPeriod.objects.filter(province=province, year=year)),
        model_section("criteria_sets", "The versions of the criteria the year's dossiers were "
                      "assessed against (R15).", criteria_sets,
                      match=("province_id", "field", "valid_from_year", "version")),
        model_section("criteria", "The criteria of those versions.",
                      Criterion.objects.filter(criteria_set__in=criteria_sets),
                      match=("criteria_set_id", "group", "number")),
        model_section("dossiers", "Recognition dossiers of the year (R16, R17); the *_file "
                      "columns name documents under files/.", dossiers, files=DOCUMENTS),
        model_section("assessments", "The unit's own assessment of each criterion.",
                      Assessment.objects.filter(dossier__in=dossiers)),
        model_section("reviews", "Who reviewed each dossier, and their conclusion (R18).", reviews),
        model_section("scores", "Each reviewer's verdict on each criterion.",
                      Score.objects.filter(review__in=reviews)),
        model_section("decisions", "Decisions recognizing the year's bright spots (R19), as "
                      "signed, with any annulment.", decisions),
        model_section("recognitions", "The annex of each Decision: the dossiers it recognized.",
                      recognitions),
        model_section("certificates", "Certificates issued (R20); file names a PDF under files/.",
                      Certificate.objects.filter(recognition__in=recognitions),
                      files=[("file", "serial")]),
        model_section("follow_ups", "Yearly follow-up reviews of the year's recognized bright "
                      "spots (R40), in the years after.",
                      FollowUp.objects.filter(dossier__in=dossiers)),
        model_section("commendation_proposals", "Proposals to the Emulation and Reward Council "
                      "whose period includes the year (R22).", proposals),
        model_section("commendation_entries", "The recognized bright spots each proposal names.",
                      CommendationEntry.objects.filter(proposal__in=proposals)),
        model_section("unit_commendations", "Commendations units recorded for the year.",
                      UnitCommendation.objects.filter(province=province, year=year)),
    ]  # fmt: skip
