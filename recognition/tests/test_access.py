"""R30: every recognition page and download, for every role. One scenario, one table: the answer
each role gets (200 allowed, 302 to the login page or after a POST, 403 read-only, 404 outside
the user's scope, 405 wrong method)."""

import pytest
from django.urls import reverse

from recognition import services
from recognition.models import Certificate
from recognition.tests.factories import (
    at,
    authority_for,
    cast_pair,
    decision_for,
    proposed,
    submitted_dossier,
)

ROLES = [
    "anonymous",
    "official_a",
    "official_b",
    "qcdc_staff",
    "dvcq_staff",
    "provincial",
    "other_province_staff",
    "admin",
]
# Columns in the order of ROLES.
READ_UNIT_A = [302, 200, 404, 200, 200, 200, 404, 200]
READ_COMMITTEE = [302, 404, 404, 200, 404, 200, 404, 200]
RENDER_COMMITTEE = [302, 404, 404, 302, 404, 302, 404, 302]  # the document's progress page
PUBLIC = [200] * 8


@pytest.fixture
def scenario(cast, settings, tmp_path):
    """Unit A: a DVCQ dossier in draft and a QCDC dossier under review, scored by QCDC staff.
    Unit B: a QCDC bright spot recognized by Decision 125 with its certificate; a proposal."""
    settings.MEDIA_ROOT = tmp_path
    authority_for(cast.root)
    a = cast_pair(cast)
    b = cast_pair(cast, unit=cast.unit_b, official=cast.official_b)
    under_review = submitted_dossier(a["qcdc"], cast.official_a)
    with at(2026, 10, 20):
        draft = services.dossier_start(bright_spot=a["dvcq"], by=cast.official_a)
    recognized = proposed(submitted_dossier(b["qcdc"], cast.official_b), cast.qcdc_staff)
    services.reviewers_assign(
        committee=cast.qcdc,
        dossiers=[under_review],
        reviewers=[cast.qcdc_staff],
        by=cast.qcdc_staff,
    )
    decision = decision_for(cast.qcdc, [recognized], cast.qcdc_staff)
    services.certificates_issue(decision=decision, by=cast.qcdc_staff)
    services.certificates_run(decision_id=decision.pk, round=1, part=1)
    with at(2026, 11, 24):
        proposal = services.commendation_proposal_create(
            committee=cast.qcdc,
            period_start=2026,
            council="Hội đồng Thi đua - Khen thưởng tỉnh",
            by=cast.qcdc_staff,
        )
    return {
        "unit": cast.unit_a.pk, "committee": cast.qcdc.pk, "review": under_review.pk, "draft": draft.pk,
        "decision": decision.pk, "certificate": Certificate.objects.get().pk, "proposal": proposal.pk,
        "serial": Certificate.objects.get().serial, "model": b["qcdc"].pk, "spot": a["qcdc"].pk,
    }  # fmt: skip


def matrix(s):
    """(method, url name, args, expected per role). POSTs carry no valid data: only the access
    answer is looked at (a refused form redirects or re-renders; both mean "let in")."""
    r = lambda name, *args: reverse(f"recognition:{name}", args=args)  # noqa: E731
    return [
        ("get", r("unit-dossiers", s["unit"]), READ_UNIT_A),
        ("get", r("unit-commendations", s["unit"]), READ_UNIT_A),
        ("post", r("unit-commendations", s["unit"]), [302, 200, 404, 403, 403, 403, 404, 403]),
        ("post", r("dossier-start", s["spot"]), [302, 302, 404, 403, 404, 403, 404, 403]),
        ("get", r("dossier-detail", s["review"]), [302, 200, 404, 200, 404, 200, 404, 200]),
        ("get", r("dossier-detail", s["draft"]), [302, 200, 404, 404, 404, 404, 404, 404]),
        ("get", r("dossier-part", s["draft"], "report"), [302, 200, 404, 404, 404, 404, 404, 404]),
        (
            "get",
            r("dossier-part", s["draft"], "nonsense"),
            [302, 404, 404, 404, 404, 404, 404, 404],
        ),
        ("post", r("dossier-submit", s["draft"]), [302, 302, 404, 404, 404, 404, 404, 404]),
        ("get", r("dossier-submit", s["draft"]), [302, 405, 405, 405, 405, 405, 405, 405]),
        (
            "get",
            r("dossier-file", s["review"], "evaluation"),
            [302, 200, 404, 200, 404, 200, 404, 200],
        ),
        ("get", r("dossier-score", s["review"]), [302, 403, 404, 200, 404, 403, 404, 403]),
        ("post", r("dossier-supplement", s["review"]), [302, 403, 404, 302, 404, 403, 404, 403]),
        ("post", r("dossier-propose", s["review"]), [302, 403, 404, 302, 404, 403, 404, 403]),
        ("get", r("committee-dossiers", s["committee"]), READ_COMMITTEE),
        ("post", r("assign-reviewers", s["committee"]), [302, 404, 404, 302, 404, 403, 404, 403]),
        ("get", r("committee-decisions", s["committee"]), READ_COMMITTEE),
        ("get", r("decision-create", s["committee"]), [302, 404, 404, 200, 404, 403, 404, 403]),
        ("get", r("decision-detail", s["decision"]), [302, 404, 200, 200, 404, 200, 404, 200]),
        # Documents not yet stored are rendered in the background: a redirect to their progress.
        ("get", r("decision-pdf", s["decision"]), [302, 404, 302, 302, 404, 302, 404, 302]),
        ("post", r("decision-annul", s["decision"]), [302, 404, 403, 302, 404, 403, 404, 403]),
        (
            "get",
            r("certificates-progress", s["decision"]),
            [302, 404, 200, 200, 404, 200, 404, 200],
        ),
        (
            "get",
            r("certificates-progress-json", s["decision"]),
            [302, 404, 200, 200, 404, 200, 404, 200],
        ),
        ("get", r("certificates-zip", s["decision"]), [302, 404, 403, 200, 404, 200, 404, 200]),
        ("get", r("certificate-preview", s["decision"]), [302, 404, 403, 302, 404, 403, 404, 403]),
        ("get", r("certificate-pdf", s["certificate"]), [302, 404, 200, 200, 404, 200, 404, 200]),
        ("get", r("committee-commendation", s["committee"]), READ_COMMITTEE),
        (
            "post",
            r("committee-commendation", s["committee"]),
            [302, 404, 404, 200, 404, 403, 404, 403],
        ),
        ("get", r("proposal-detail", s["proposal"]), READ_COMMITTEE),
        ("post", r("proposal-select", s["proposal"]), [302, 404, 404, 302, 404, 403, 404, 403]),
        ("post", r("proposal-send", s["proposal"]), [302, 404, 404, 302, 404, 403, 404, 403]),
        ("get", r("proposal-pdf", s["proposal"]), RENDER_COMMITTEE),
        ("get", r("proposal-xlsx", s["proposal"]), RENDER_COMMITTEE),
        ("get", r("library"), PUBLIC),
        ("get", r("library-detail", s["model"]), PUBLIC),
        ("get", r("library-detail", s["spot"]), [404] * 8),  # not recognized: not public
        ("get", r("open-data-csv"), PUBLIC),
        ("get", r("open-data-json"), PUBLIC),
        ("get", r("verify-search"), PUBLIC),
        ("get", r("verify", s["serial"]), PUBLIC),
        # Last: asking again starts a new round, and the zip waits for it.
        ("post", r("certificates-issue", s["decision"]), [302, 404, 403, 302, 404, 403, 404, 403]),
    ]


def test_every_role_gets_the_answer_of_its_scope(cast, scenario, client_of):
    clients = {
        role: client_of(None if role == "anonymous" else getattr(cast, role)) for role in ROLES
    }
    wrong = []
    for method, url, expected in matrix(scenario):
        for role, status in zip(ROLES, expected, strict=True):
            with at(2026, 11, 24, 10):
                got = getattr(clients[role], method)(url).status_code
            if got != status:
                wrong.append(f"{method.upper()} {url} as {role}: {got}, expected {status}")
    assert not wrong, "\n".join(wrong)
