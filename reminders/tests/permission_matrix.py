"""Permission matrix rows for the reminders' URLs (R30).

Format: tests/test_permission_matrix.py. Columns: offA offB qcdc dvcq prov othr admn anon.
Official A has one notification; the province is Nghệ An, whose administrator is the cast's.
"""

from reminders.services import unsubscribe_token
from reminders.tests.factories import make_notification
from tests.permission_matrix import Row


def objects(world):
    return {
        "notification_a": make_notification(world.official_a),
        "reminder_kind": "registration",
        "unknown_kind": "no-such-reminder",
        "token_a": unsubscribe_token(world.official_a, ["bright_spot_returned"]),
        "forged_token": "eyJ1IjoxfQ:forged:signature",
    }


ROWS = [
    #                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row("reminders:notifications",      get="  200   200   200   200   200   200   200   login",
                                        post=" 405   405   405   405   405   405   405   login",
        note="everyone reads their own notifications, only theirs"),
    Row("reminders:notification-read", "notification_a",
                                        get="  405   405   405   405   405   405   405   login",
                                        post=" 302   404   404   404   404   404   404   login",
        note="only the recipient reaches a notification: to anyone else it does not exist"),
    Row("reminders:notifications-read-all",
                                        get="  405   405   405   405   405   405   405   login",
                                        post=" 302   302   302   302   302   302   302   login",
        note="marks the sender's own notifications only"),
    Row("reminders:settings",           get="  403   403   403   403   403   403   302   login",
                                        post=" 405   405   405   405   405   405   405   login",
        note="an administrator of one province is sent to its settings"),
    Row("reminders:settings-province", "province",
                                        get="  403   403   403   403   403   404   200   login",
                                        post=" 405   405   405   405   405   405   405   login",
        note="people of the province who do not administer it: 403; another province: 404"),
    Row("reminders:setting-edit", "province reminder_kind",
                                        get="  403   403   403   403   403   404   200   login",
                                        post=" 403   403   403   403   403   404   302   login",
        note="an empty POST is a valid choice: the reminder turned off"),
    Row("reminders:setting-edit", "province unknown_kind",
                                        get="  403   403   403   403   403   404   404   login"),
    Row("reminders:choices",            get="  200   200   200   200   200   200   200   login",
                                        post=" 302   302   302   302   302   302   302   login",
        note="each person's own choices; an empty POST keeps every kind as it was"),
    Row("reminders:unsubscribe", "token_a",
                                        get="  200   200   200   200   200   200   200   200",
                                        post=" 302   302   302   302   302   302   302   302",
        note="no login: the signed token names the person and the one kind it turns off"),
    Row("reminders:unsubscribe", "forged_token",
                                        get="  404   404   404   404   404   404   404   404",
                                        post=" 404   404   404   404   404   404   404   404"),
]  # fmt: skip
