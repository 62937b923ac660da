"""How each recorded action reads in a timeline. Other apps add theirs with `ACTIONS.update`."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "user.created": _("created the account"),
    "role.assigned": _("assigned a role"),
    "import.uploaded": _("uploaded a file to import"),
    "import.applied": _("imported a file"),
    "admin.added": _("added in the administration"),
    "admin.changed": _("changed in the administration"),
    "admin.deleted": _("deleted in the administration"),
    "bright_spot.created": _("created the bright spot"),
    "bright_spot.edited": _("edited the bright spot"),
    "bright_spot.deleted": _("deleted the draft"),
    "bright_spot.submitted": _("submitted the bright spot"),
    "bright_spot.resubmitted": _("resubmitted after revision"),
    "bright_spot.accepted": _("accepted the bright spot"),
    "bright_spot.returned": _("returned it for revision"),
    "bright_spot.withdrawn": _("withdrew the bright spot"),
    "registration.submitted": _("submitted the list"),
    "registration.resubmitted": _("sent more bright spots of the list"),
    "extension.granted": _("granted an extension"),
    "extension.refused": _("refused an extension"),
    "period.created": _("set the year's deadlines"),
    "period.changed": _("changed the year's deadlines"),
    "milestone.updated": _("updated a milestone"),
    "progress.added": _("recorded progress"),
    "annual_report.saved": _("saved the annual report"),
    "annual_report.submitted": _("submitted the annual report"),
    "plan.saved": _("recorded the level's yearly plan"),
    "inspection.recorded": _("recorded an inspection"),
    "inspection.answered": _("answered the inspection"),
}


def action_label(code: str):
    return ACTIONS.get(code, code)
