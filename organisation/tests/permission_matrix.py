"""Permission matrix rows for the project's own URLs: home, health, accounts, language, admin.

Format: tests/test_permission_matrix.py. Columns: offA offB qcdc dvcq prov othr admn anon.
"""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from organisation.models import ImportRun
from organisation.tests.factories import UserFactory
from tests.permission_matrix import Prefix, Row


def objects(world):
    # A user who never logs in during the test: logging in would void the reset token.
    user = UserFactory(username="forgetful", email="forgetful@example.vn")
    run = ImportRun.objects.create(
        province=world.province, kind="units", file="uploads/x.csv", file_name="don-vi.csv"
    )
    return {
        "import_run": run,
        "import_kind": "units",
        "reset_uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "reset_token": default_token_generator.make_token(user),
    }


PREFIXES = [
    Prefix("admin/", "Django's admin: every page asks admin_view (staff only) first; the rows "
           "admin:index and admin:organisation_unit_changelist stand for all of them"),
]  # fmt: skip

ROWS = [
    #                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row("home",                         get="  200   200   200   200   200   200   200   login",
                                        post=" 200   200   200   200   200   200   200   login",
        note="the home page answers any method; it changes nothing"),
    Row("healthz",                      get="  200   200   200   200   200   200   200   200",
                                        post=" 405   405   405   405   405   405   405   405",
        note="public on purpose: load balancers ask it; it shows no data"),
    Row("language-set",                 get="  405   405   405   405   405   405   405   405",
                                        post=" 400   400   400   400   400   400   400   400",
        note="empty POST: no language chosen"),
    Row("language-set", data={"language": "en"},
                                        post=" 302   302   302   302   302   302   302   302"),
    Row("login",                        get="  302   302   302   302   302   302   302   200",
                                        post=" 302   302   302   302   302   302   302   200",
        note="a logged-in user is sent home; an empty form is answered at its fields"),
    Row("logout",                       get="  405   405   405   405   405   405   405   405",
                                        post=" login login login login login login login login",
        note="logging out ends on the login page"),
    Row("password_change",              get="  200   200   200   200   200   200   200   login",
                                        post=" 200   200   200   200   200   200   200   login"),
    Row("password_change_done",         get="  200   200   200   200   200   200   200   login",
                                        post=" 405   405   405   405   405   405   405   login"),
    Row("password_reset",               get="  200   200   200   200   200   200   200   200",
                                        post=" 200   200   200   200   200   200   200   200"),
    Row("password_reset_done",          get="  200   200   200   200   200   200   200   200",
                                        post=" 405   405   405   405   405   405   405   405"),
    Row("password_reset_confirm", "reset_uid reset_token",
                                        get="  302   302   302   302   302   302   302   302",
                                        post=" 302   302   302   302   302   302   302   302",
        note="the token moves into the session, then to the set-password form"),
    Row("password_reset_complete",      get="  200   200   200   200   200   200   200   200",
                                        post=" 405   405   405   405   405   405   405   405"),
    Row("admin:index",                  get="  login login login login login login 200   login",
                                        post=" login login login login login login 200   login",
        note="only staff accounts enter the admin"),
    Row("admin:organisation_unit_changelist",
                                        get="  login login login login login login 403   login",
                                        post=" login login login login login login 403   login",
        note="a province administrator edits through the Administrators group's permissions "
             "(load_demo gives it); the cast's administrator holds none"),
    Row("organisation:import-list",     get="  403   403   403   403   403   403   200   login",
                                        post=" 403   403   403   403   403   403   200   login",
        note="imports are for administrators (R39); an empty upload is answered at its fields"),
    Row("organisation:import-template", "import_kind",
                                        get="  403   403   403   403   403   403   302   login",
                                        post=" 405   405   405   405   405   405   405   login"),
    Row("organisation:import-detail", "import_run",
                                        get="  403   403   403   403   403   403   200   login",
                                        post=" 405   405   405   405   405   405   405   login"),
    Row("organisation:import-status", "import_run",
                                        get="  403   403   403   403   403   403   200   login",
                                        post=" 405   405   405   405   405   405   405   login"),
    Row("organisation:import-confirm", "import_run",
                                        get="  405   405   405   405   405   405   405   login",
                                        post=" 403   403   403   403   403   403   302   login",
        note="an import still being read is not confirmed: back to its page with a message"),
]  # fmt: skip
