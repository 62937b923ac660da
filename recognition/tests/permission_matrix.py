"""Permission matrix rows for recognition's URLs (R30): dossiers, reviews, Decisions,
certificates, commendation, and the public library and verification.

Format: tests/test_permission_matrix.py. Columns: offA offB qcdc dvcq prov othr admn anon.
The matrix runs in March 2026, between two recognition windows: what it reads is the history of
2024 and 2025, built at the dates it happened (`recognition_history`). Unit A's 2025 QCDC dossier
is under review (the QCDC staff are its reviewers) and its DVCQ dossier still a draft; unit B's
2025 QCDC bright spot was recognized by Decision 125 of the QCDC committee, with a certificate,
and its DVCQ dossier awaits a Decision of the DVCQ committee; Decision 88 of 2024 (DVCQ)
recognized unit B too. The QCDC committee prepares its 2021–2025 commendation proposal; the DVCQ
committee has sent its own.
"""

from recognition.tests.factories import recognition_history
from tests.permission_matrix import Row


def objects(world):
    history = recognition_history(world)
    return {
        **history,
        "serial": history["certificate"].serial,
        "forged_serial": "40-2025-999999",
        "part_report": "report",
        "part_evaluation": "evaluation",
        "part_dispatch": "dispatch",
        "part_unknown": "appendix",
    }


EVERYONE_200 = "200   200   200   200   200   200   200   200"
EVERYONE_404 = "404   404   404   404   404   404   404   404"
EVERYONE_405 = "405   405   405   405   405   405   405   405"
LOGGED_IN_405 = "405   405   405   405   405   405   405   login"

ROWS = [
    # --- public: verification (R21) and the good-practice library (R24) --------------------------
    #                                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row("recognition:verify-search",                     get=EVERYONE_200, post=EVERYONE_405,
        note="public: anyone types the serial printed under the QR code"),
    Row("recognition:verify-search", query="serial=40-2025-000001",
                                                         get="  302   302   302   302   302   302   302   302"),
    Row("recognition:verify", "serial",                  get=EVERYONE_200, post=EVERYONE_405,
        note="the QR target: public, and it shows what the certificate certifies"),
    Row("recognition:verify", "forged_serial",           get=EVERYONE_404,
        note="a forged or unknown serial says so (R21)"),
    Row("recognition:verify-file",                       get=EVERYONE_405, post=EVERYONE_200,
        note="public: anyone checks a PDF they hold; an empty upload is answered at the field (R41)"),
    Row("recognition:library",                           get=EVERYONE_200, post=EVERYONE_405),
    Row("recognition:open-data-csv",                     get=EVERYONE_200, post=EVERYONE_405),
    Row("recognition:open-data-json",                    get=EVERYONE_200, post=EVERYONE_405),
    Row("recognition:library-detail", "recognized_spot", get=EVERYONE_200, post=EVERYONE_405),
    Row("recognition:library-detail", "accepted_a_qcdc", get=EVERYONE_404,
        note="a bright spot under review is not in the public library, whoever asks"),
    Row("recognition:library-detail", "draft_a",         get=EVERYONE_404),
    # --- the unit's dossiers (R16, R17) --------------------------------------------------------------
    #                                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row("recognition:unit-dossiers", "unit_a",           get="  200   404   200   200   200   404   200   login",
                                                         post=" 200   404   200   200   200   404   200   login",
        note="who reads the unit reads where its dossiers stand; a read-only page ignores POST"),
    Row("recognition:unit-dossiers", "other_unit",       get="  404   404   404   404   404   200   404   login"),
    Row("recognition:dossier-start", "accepted_a_qcdc",  get=LOGGED_IN_405,
                                                         post=" 302   404   403   404   403   404   403   login",
        note="only the unit's officials start a dossier; the dossier already started is answered"),
    Row("recognition:dossier-detail", "dossier_review",  get="  200   404   200   404   200   404   200   login",
                                                         post=" 200   404   200   404   200   404   200   login",
        note="a QCDC dossier goes to the QCDC committee only (R8, R18)"),
    Row("recognition:dossier-detail", "dossier_draft",   get="  200   404   404   404   404   404   404   login",
        note="a draft dossier stays with its unit"),
    Row("recognition:dossier-detail", "dossier_awaiting",
                                                         get="  404   200   404   200   200   404   200   login"),
    Row("recognition:dossier-detail", "dossier_recognized",
                                                         get="  404   200   200   404   200   404   200   login"),
    Row("recognition:dossier-part", "dossier_draft part_report",
                                                         get="  200   404   404   404   404   404   404   login",
                                                         post=" 200   404   404   404   404   404   404   login"),
    Row("recognition:dossier-part", "dossier_draft part_evaluation",
                                                         get="  200   404   404   404   404   404   404   login",
                                                         post=" 200   404   404   404   404   404   404   login"),
    Row("recognition:dossier-part", "dossier_draft part_dispatch",
                                                         get="  200   404   404   404   404   404   404   login",
                                                         post=" 200   404   404   404   404   404   404   login"),
    Row("recognition:dossier-part", "dossier_draft part_unknown",
                                                         get="  404   404   404   404   404   404   404   login"),
    Row("recognition:dossier-part", "dossier_review part_report",
                                                         get="  302   404   403   404   403   404   403   login",
                                                         post=" 302   404   403   404   403   404   403   login",
        note="a submitted dossier is not editable: its official is sent back with a message"),
    Row("recognition:dossier-submit", "dossier_draft",   get=LOGGED_IN_405,
                                                         post=" 302   404   404   404   404   404   404   login"),
    Row("recognition:dossier-submit", "dossier_review",  post=" 302   404   403   404   403   404   403   login"),
    Row("recognition:dossier-request", "dossier_review", query="format=pdf",
                                                         get="  302   404   403   404   403   404   403   login",
                                                         post=LOGGED_IN_405,
        note="part 3 as a paper to sign (issue 13): for the unit's officials, rendered in the background"),
    Row("recognition:dossier-request", "dossier_draft",  get="  302   404   404   404   404   404   404   login"),
    Row("recognition:dossier-file", "dossier_review part_evaluation",
                                                         get="  200   404   200   404   200   404   200   login",
                                                         post=LOGGED_IN_405,
        note="an upload is served to exactly those who read its dossier (R32)"),
    Row("recognition:dossier-file", "dossier_review part_unknown",
                                                         get="  404   404   404   404   404   404   404   login"),
    # --- review by the committee (R18) -----------------------------------------------------------------
    #                                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row("recognition:dossier-score", "dossier_review",   get="  403   404   200   404   403   404   403   login",
                                                         post=" 403   404   200   404   403   404   403   login",
        note="only an assigned reviewer of the receiving committee scores"),
    Row("recognition:dossier-score", "dossier_awaiting", get="  404   403   404   200   403   404   403   login"),
    Row("recognition:dossier-supplement", "dossier_review",
                                                         get=LOGGED_IN_405,
                                                         post=" 403   404   302   404   403   404   403   login"),
    Row("recognition:dossier-propose", "dossier_review", get=LOGGED_IN_405,
                                                         post=" 403   404   302   404   403   404   403   login"),
    Row("recognition:dossier-propose", "dossier_awaiting",
                                                         post=" 404   403   404   302   403   404   403   login"),
    Row("recognition:dossier-follow-up", "dossier_recognized",
                                                         get="  404   403   200   404   403   404   403   login",
                                                         post=" 404   403   200   404   403   404   403   login",
        note="the committee that recognized it records the yearly follow-up (R40); readers 403"),
    Row("recognition:committee-dossiers", "qcdc",        get="  404   404   200   404   200   404   200   login",
                                                         post=" 404   404   200   404   200   404   200   login"),
    Row("recognition:committee-dossiers", "dvcq",        get="  404   404   404   200   200   404   200   login"),
    Row("recognition:committee-dossiers", "other_committee",
                                                         get="  404   404   404   404   404   200   404   login"),
    Row("recognition:assign-reviewers", "qcdc",          get=LOGGED_IN_405,
                                                         post=" 404   404   302   404   403   404   403   login"),
    # --- Decisions and certificates (R19, R20) -------------------------------------------------------------
    #                                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row("recognition:committee-decisions", "qcdc",       get="  404   404   200   404   200   404   200   login",
                                                         post=" 404   404   200   404   200   404   200   login"),
    Row("recognition:committee-decisions", "dvcq",       get="  404   404   404   200   200   404   200   login"),
    Row("recognition:decision-create", "qcdc",           get="  404   404   200   404   403   404   403   login",
                                                         post=" 404   404   200   404   403   404   403   login",
        note="only the committee records its Decisions; provincial staff and administrators read"),
    Row("recognition:decision-create", "dvcq", query="year=2025",
                                                         get="  404   404   404   200   403   404   403   login"),
    Row("recognition:decision-detail", "decision",       get="  404   200   200   404   200   404   200   login",
                                                         post=" 404   200   200   404   200   404   200   login",
        note="a recognized unit reads the Decision that recognizes it; another unit does not"),
    Row("recognition:decision-detail", "decision_2024",  get="  404   200   404   200   200   404   200   login"),
    Row("recognition:decision-pdf", "decision",          get="  404   302   302   404   302   404   302   login",
                                                         post=LOGGED_IN_405,
        note="not yet rendered: a redirect to the progress of its background render (issue 13)"),
    Row("recognition:decision-docx", "decision",         get="  404   403   302   404   403   404   403   login",
                                                         post=LOGGED_IN_405,
        note="the Word draft is for the committee that records the Decision"),
    Row("recognition:decision-final", "decision",        get="  404   403   200   404   403   404   403   login",
                                                         post=" 404   403   200   404   403   404   403   login"),
    Row("recognition:decision-final-file", "decision",   get="  404   404   404   404   404   404   404   login",
                                                         post=LOGGED_IN_405,
        note="no final document filed yet: nothing to download, whoever asks"),
    Row("recognition:decision-annul", "decision",        get=LOGGED_IN_405,
                                                         post=" 404   403   302   404   403   404   403   login"),
    Row("recognition:decision-annul", "decision_2024",   post=" 404   403   404   302   403   404   403   login"),
    Row("recognition:certificates-issue", "decision",    get=LOGGED_IN_405,
                                                         post=" 404   403   302   404   403   404   403   login"),
    Row("recognition:certificates-progress", "decision", get="  404   200   200   404   200   404   200   login",
                                                         post=" 404   200   200   404   200   404   200   login"),
    Row("recognition:certificates-progress-json", "decision",
                                                         get="  404   200   200   404   200   404   200   login",
                                                         post=LOGGED_IN_405),
    Row("recognition:certificates-zip", "decision",      get="  404   403   200   404   200   404   200   login",
                                                         post=LOGGED_IN_405,
        note="the zip holds every certificate of the Decision: a recognized unit gets only its own"),
    Row("recognition:certificate-preview", "decision",   get="  404   403   302   404   403   404   403   login",
                                                         post=LOGGED_IN_405),
    Row("recognition:certificate-pdf", "certificate",    get="  404   200   200   404   200   404   200   login",
                                                         post=LOGGED_IN_405),
    # --- commendation (R22) --------------------------------------------------------------------------------
    #                                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row("recognition:committee-commendation", "qcdc",    get="  404   404   200   404   200   404   200   login",
                                                         post=" 404   404   200   404   403   404   403   login"),
    Row("recognition:proposal-detail", "proposal",       get="  404   404   200   404   200   404   200   login",
                                                         post=" 404   404   200   404   200   404   200   login"),
    Row("recognition:proposal-detail", "dvcq_proposal",  get="  404   404   404   200   200   404   200   login"),
    Row("recognition:proposal-select", "proposal",       get=LOGGED_IN_405,
                                                         post=" 404   404   302   404   403   404   403   login"),
    Row("recognition:proposal-send", "proposal",         get=LOGGED_IN_405,
                                                         post=" 404   404   302   404   403   404   403   login"),
    Row("recognition:proposal-outcome", "dvcq_proposal dvcq_entry",
                                                         get=LOGGED_IN_405,
                                                         post=" 404   404   404   302   403   404   403   login"),
    Row("recognition:proposal-pdf", "proposal",          get="  404   404   302   404   302   404   302   login",
                                                         post=LOGGED_IN_405),
    Row("recognition:proposal-docx", "proposal",         get="  404   404   302   404   302   404   302   login",
                                                         post=LOGGED_IN_405),
    Row("recognition:proposal-xlsx", "proposal",         get="  404   404   302   404   302   404   302   login",
                                                         post=LOGGED_IN_405),
    Row("recognition:unit-commendations", "unit_a",      get="  200   404   200   200   200   404   200   login",
                                                         post=" 200   404   403   403   403   404   403   login",
        note="the unit records its own commendations; readers of the unit only read them"),
]  # fmt: skip
