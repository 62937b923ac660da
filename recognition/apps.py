from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "recognition"
    verbose_name = _("Recognition")

    def ready(self):
        from organisation.audit_labels import ACTIONS
        from recognition import (  # noqa: F401 - registrations
            export,
            navigation,
            open_years,
            parts,
            past,
            renditions,
            tasks,
        )
        from registry import bright_spot_parts

        for part in (parts.TargetedCriteria(), parts.Replication(), parts.RecognitionStatus()):
            bright_spot_parts.register(part)

        ACTIONS.update(
            {
                "dossier.created": _("started the recognition dossier"),
                "dossier.report_saved": _("saved the report of achievements"),
                "dossier.evaluation_saved": _("saved the evaluation"),
                "dossier.dispatch_saved": _("saved the official dispatch"),
                "dossier.submitted": _("submitted the recognition dossier"),
                "dossier.resubmitted": _("submitted the supplemented dossier"),
                "dossier.reviewers_assigned": _("assigned reviewers"),
                "dossier.scored": _("scored the criteria"),
                "dossier.rescored": _("changed their scores"),
                "dossier.supplement_requested": _("requested a supplement"),
                "dossier.proposed": _("proposed recognition"),
                "dossier.not_recognized": _("did not propose recognition"),
                "dossier.recognized": _("recorded the Decision recognizing it"),
                "dossier.recognition_annulled": _("annulled the Decision recognizing it"),
                "dossier.followed_up": _("recorded the yearly follow-up"),
                "decision.recorded": _("recorded the Decision"),
                "decision.annulled": _("annulled the Decision"),
                "decision.certificates_requested": _("asked for the certificates"),
                "decision.certificates_issued": _("issued the certificates"),
                "decision.final_uploaded": _("filed the signed final document"),
                "criteria.new_version": _("made a new version of the criteria"),
                "commendation.created": _("started the commendation proposal"),
                "commendation.selected": _("selected bright spots for commendation"),
                "commendation.sent": _("sent the proposal to the Council"),
                "commendation.outcome": _("recorded the Council's decision"),
                "unit_commendation.recorded": _("recorded a commendation"),
            }
        )
