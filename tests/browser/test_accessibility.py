"""Every page the demo cast reaches is accessible (issue 14 item 5): each person of the demo
province logs in and walks every kind of page their links lead to (home, lists, detail pages,
forms, the same forms with their errors shown, dashboards, summaries, the inbox, dossiers, the
notifications) and the error pages 403 and 404; a visitor without an account reads the login
page, the public library and /verify/. axe-core (node_modules/axe-core, from npm) runs on each:
no serious or critical violation. At a phone's width (375 px) no page scrolls sideways. And a
keyboard user sees where they are: every control Tab reaches draws a focus ring.

The demo province is built once for the module (building it takes longer than walking one
person's pages) and served by a live server of the module's own; the database is emptied after
the module as a transactional test would leave it."""

import re
import tempfile
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

from demo import names as demo_names
from tests.browser.conftest import CHROMIUM

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = 375

# The demo logins (README, demo/province): each walks their own pages.
CAST = [
    "admin",
    "canbo.thanhvinh",
    "canbo.nghiadong",
    "canbo.sotuphap",
    "canbo.truong",
    "bcd.qcdc",
    "bcd.qcdc2",
    "bcd.dvcq",
    "bcd.dvcq2",
    "bcd.thanhvinh",
    "bcd.nghiadong",
    "bcd.sotuphap",
    "bandanvan",
    "sonoivu",
]
# Not pages: files, downloads, the Django admin (Django's own), switches that only redirect.
NOT_PAGES = re.compile(
    r"^/(admin|static|media|i18n|documents|healthz)/|/accounts/logout|\.(csv|json|pdf|docx|xlsx|zip)$"
    r"|/(csv|file|plan-file|evidence|document|download|certificate|pdf|docx|xlsx)/|/reports/csv/"
)
# A page that answers 403 to whoever may read it but not act there (the summaries to an
# official; the edit page of a bright spot they read to staff); 404 for everyone.
FORBIDDEN_PROBES = ["/reports/", "{bright_spot}edit/", "/units/{unit}/bright-spots/new/"]
MISSING = "/bright-spots/999999/"
MAX_PAGES = 120

# Every link's address, the bars of the SVG charts included (their href is no plain string).
LINKS = "as => as.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | "));
}"""


def kind_of(url: str) -> str:
    """One page of each kind is enough: /bright-spots/17/ and /bright-spots/18/ are one kind."""
    return re.sub(r"\d+", "N", urlsplit(url).path)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    folder = Path(tempfile.mkdtemp(prefix="a11y-"))
    files = {"MEDIA_ROOT": str(folder / "media"), "SIGNING_KEYS_FILE": folder / "keys.json"}
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock():
        with override_settings(PASSWORD_HASHERS=hashers, **files):
            call_command("load_demo", stdout=StringIO())
        from organisation.models import RoleAssignment, Unit
        from recognition.models import Certificate

        demo_logins = set(
            RoleAssignment.objects.filter(user__password__startswith="md5$").values_list(
                "user__username", flat=True
            )
        )
        site = {
            "files": files,
            "unit": Unit.objects.get(name=demo_names.COMBINED_COMMITTEE_UNIT, successor=None).pk,
            "serial": Certificate.objects.values_list("serial", flat=True).first(),
            "logins": demo_logins,
            "committee": RoleAssignment.objects.get(user__username="bcd.qcdc").committee_id,
        }
        server = LiveServer("localhost")
        site["url"] = server.url
        try:
            yield site
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0)
            # The flush empties data migrations too: the tests after this module on the same
            # worker read the shipped criteria, as after a transactional test.
            from recognition import criteria_data
            from recognition.models import CriteriaSet, Criterion

            criteria_data.install(CriteriaSet, Criterion)


@pytest.fixture
def db(demo_site):
    """This module's `db` (it replaces pytest-django's): the name tells pytest-django to set up
    the test database, and no transaction wraps a test, so the module's server reads the
    demo province built once above."""


@pytest.fixture
def site(db, demo_site, settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.MEDIA_ROOT = demo_site["files"]["MEDIA_ROOT"]
    settings.SIGNING_KEYS_FILE = demo_site["files"]["SIGNING_KEYS_FILE"]
    return demo_site


@pytest.fixture(scope="module")
def module_browser(browser, demo_site):
    """A Chromium of the module's own, closed before the module's server stops: the server's
    request threads (and their database connections) end with the browser's open sockets."""
    own = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )
    yield own
    own.close()


@pytest.fixture
def tab(module_browser, site):
    """A browser tab on the module's server, with the Content Security Policy in force."""
    context = module_browser.new_context(
        base_url=site["url"],
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 1280, "height": 860},
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    yield page
    context.close()


class Walk:
    """What one person's walk found: (url, problem) pairs, and the kinds of page checked."""

    def __init__(self, page, base_url):
        self.page, self.base = page, base_url
        self.problems: list[str] = []
        self.checked: dict[str, str] = {}
        self.forms_tried: set[str] = set()
        self.axe = AXE.read_text()

    def check(self, label: str) -> None:
        """axe-core on the page as it is, then its width on a phone."""
        page = self.page
        page.wait_for_load_state("load")
        # Evaluated by the browser's debugger protocol: the page's CSP stays on and is tested.
        page.evaluate(self.axe)
        for violation in page.evaluate(AXE_RUN):
            self.problems.append(f"{label}: {violation}")
        page.set_viewport_size({"width": PHONE, "height": 800})
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > PHONE + 1:
            self.problems.append(f"{label}: {width} px wide at {PHONE} px, scrolls sideways")
        page.set_viewport_size({"width": 1280, "height": 860})

    def visit(self, url: str) -> int | None:
        try:
            response = self.page.goto(url)
        except Exception as error:  # a download starts instead of a page
            if "Download is starting" in str(error):
                return None
            raise
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            return None
        self.checked[kind_of(url)] = url
        self.check(url)
        return response.status

    def links(self) -> list[str]:
        found = []
        for href in self.page.eval_on_selector_all("a[href]", LINKS):
            if not href.startswith(self.base):
                continue
            path = href[len(self.base) :].split("#")[0]
            if path and not NOT_PAGES.search(urlsplit(path).path):
                found.append(path)
        return found

    def try_form(self, url: str) -> None:
        """Send the page's first form that asks for words empty, to see its errors drawn."""
        form = self.page.locator(
            "main form[method=post]:has(textarea:visible, input[type=text]:visible)"
        ).first
        if kind_of(url) in self.forms_tried or not form.count():
            return
        self.forms_tried.add(kind_of(url))
        for field in form.locator("textarea:visible, input[type=text]:visible").all():
            field.fill("")
        submit = form.locator("button[type=submit], input[type=submit]").first
        if not submit.count():
            return
        self.page.once("dialog", lambda dialog: dialog.accept())
        submit.click()
        self.page.wait_for_load_state("load")
        if "text/html" in (self.page.evaluate("document.contentType") or ""):
            self.check(f"{url} (sent empty)")

    def walk(self, start: list[str]) -> None:
        queue, kinds = list(start), set()
        while queue:
            url = queue.pop(0)
            if kind_of(url) in kinds:
                continue
            kinds.add(kind_of(url))
            assert len(kinds) <= MAX_PAGES, f"more than {MAX_PAGES} kinds of page: {sorted(kinds)}"
            if self.visit(url) != 200:
                continue
            queue.extend(self.links())
            self.try_form(url)


def readable_bright_spot(username) -> str:
    """A submitted bright spot the person may read (its edit page answers them 403), for when
    the walk's links did not lead to one; "/bright-spots/999999/" when they read none."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    from organisation.models import User
    from registry.models import BrightSpot
    from registry.selectors import get_bright_spot_for_user

    user = User.objects.get(username=username)
    for pk in (
        BrightSpot.objects.exclude(status="draft").order_by("pk").values_list("pk", flat=True)
    ):
        try:
            get_bright_spot_for_user(user, pk)
        except (Http404, PermissionDenied):
            continue
        return f"/bright-spots/{pk}/"
    return MISSING


def log_in(page, username):
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(demo_names.PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_the_cast_is_the_demo_cast(site):
    """A new demo login is walked too: add it to CAST."""
    assert site["logins"] == set(CAST)


@pytest.mark.parametrize("username", CAST)
def test_every_page_a_person_reaches_passes_axe(site, tab, username):
    log_in(tab, username)
    walk = Walk(tab, site["url"])
    # Next year's form is reached from the year box too, where this year's window has closed.
    new_form = f"/units/{site['unit']}/bright-spots/new/?year={timezone.localdate().year + 1}"
    # The country's page too: the demo has one province, so no link leads there.
    walk.walk(["/", "/notifications/", new_form, "/reports/country/"])
    # The error pages, as this person meets them (the administrator may open every page).
    reached = walk.checked.get("/bright-spots/N/")
    bright_spot = urlsplit(reached).path if reached else readable_bright_spot(username)
    assert walk.visit(MISSING) == 404
    statuses = [
        walk.visit(probe.format(unit=site["unit"], bright_spot=bright_spot))
        for probe in FORBIDDEN_PROBES
    ]
    assert 403 in statuses or username == "admin", (statuses, bright_spot, sorted(walk.checked))
    assert len(walk.checked) >= 8, sorted(walk.checked)
    # Forms were sent empty and their errors checked too.
    assert walk.forms_tried, sorted(walk.checked)
    assert not walk.problems, "\n".join(walk.problems)


def test_a_visitor_without_an_account(site, tab):
    walk = Walk(tab, site["url"])
    walk.walk(["/accounts/login/", "/library/", "/verify/", f"/verify/{site['serial']}/"])
    walk.visit("/verify/NO-SUCH-SERIAL/")
    tab.goto("/accounts/login/")
    tab.get_by_label("Tên đăng nhập").fill("nobody")
    tab.get_by_label("Mật khẩu").fill("wrong")
    tab.get_by_role("button", name="Đăng nhập").click()
    walk.check("/accounts/login/ (wrong password)")
    assert not walk.problems, "\n".join(walk.problems)


# What the focused element draws: an outline, or the stroke round a chart's bar.
FOCUS_RING = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const shape = element.closest("svg") && element.firstElementChild;
  return {
    what: `${element.tagName} ${element.getAttribute("class") || ""} ${(element.textContent || "").trim().slice(0, 40)}`,
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== "none",
    stroke: !!shape && parseFloat(getComputedStyle(shape).strokeWidth) >= 2,
  };
}"""


@pytest.mark.parametrize(
    ("username", "pages"),
    [
        (
            "canbo.thanhvinh",
            ["/", "/notifications/", "/units/{unit}/bright-spots/new/?year={year}"],
        ),
        ("bcd.qcdc", ["/", "/reports/", "/committees/{committee}/inbox/"]),
    ],
)
def test_every_control_the_keyboard_reaches_shows_a_focus_ring(site, tab, username, pages):
    """Tab through the page: each link, button, field, choice, summary, the bell and each bar
    of a chart draws a ring of at least 2 px when it has the keyboard's focus."""
    log_in(tab, username)
    unringed, reached = [], 0
    for url in pages:
        year = timezone.localdate().year + 1
        tab.goto(url.format(unit=site["unit"], committee=site["committee"], year=year))
        for _ in range(150):
            tab.keyboard.press("Tab")
            focus = tab.evaluate(FOCUS_RING)
            if focus is None:  # past the last control
                break
            reached += 1
            if not (focus["outline"] or focus["stroke"]):
                unringed.append(f"{url}: {focus['what']}")
    assert reached >= 40
    assert not unringed, "\n".join(unringed)
