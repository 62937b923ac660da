"""Background work of recognition: thin durable tasks that call a service (STYLE.md)."""

from core.jobs import durable_task
from recognition.services.certificates import RunResult, certificates_run


# A certificate takes a fraction of a second; a job renders for RUN_BUDGET_SECONDS at most and
# then hands over, so these limits only stop a render that hangs (it is retried later).
@durable_task("recognition.issue_certificates", time_limit=240, soft_time_limit=210)
def issue_certificates(decision_id: int, round: int, part: int = 1) -> RunResult:
    """Issue the certificates of a Decision (R20): see certificates_run."""
    return certificates_run(decision_id=decision_id, round=round, part=part)
