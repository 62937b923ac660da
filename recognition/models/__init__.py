from recognition.models.certificates import Certificate, CertificateBatch
from recognition.models.commendation import (
    CommendationEntry,
    CommendationProposal,
    Outcome,
    UnitCommendation,
    cycle_of,
)
from recognition.models.criteria import CriteriaSet, Criterion
from recognition.models.decisions import Decision, Recognition
from recognition.models.dossiers import AchievementLevel, Assessment, Dossier
from recognition.models.follow_up import FollowUp
from recognition.models.reviews import Review, Score, Verdict
from recognition.models.settings import (
    IssuingAuthority,
    RecognitionPeriod,
    RecognitionSettings,
    SerialCounter,
)

__all__ = [
    "AchievementLevel",
    "Assessment",
    "Certificate",
    "CertificateBatch",
    "CommendationEntry",
    "CommendationProposal",
    "CriteriaSet",
    "Criterion",
    "Decision",
    "Dossier",
    "FollowUp",
    "IssuingAuthority",
    "Outcome",
    "RecognitionPeriod",
    "RecognitionSettings",
    "Recognition",
    "Review",
    "Score",
    "SerialCounter",
    "UnitCommendation",
    "Verdict",
    "cycle_of",
]
