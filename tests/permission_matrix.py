"""The machinery of the permission matrix (R30); the format is described in
`tests/test_permission_matrix.py`, which runs it.

Each app lists its rows in `<app>/tests/permission_matrix.py` (not collected as a test module by
itself): a list `ROWS` of `Row`s and, when the rows need objects, a function `objects(world)` that
builds them and answers them as a dict.
"""

import importlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# The standard cast, in the order of a row's columns.
ROLES = (
    "official_a",
    "official_b",
    "qcdc_staff",
    "dvcq_staff",
    "provincial",
    "other_province_staff",
    "admin",
    "anonymous",
)
COLUMNS = "offA offB qcdc dvcq prov othr admn anon"
# Statuses a cell may hold; "login" is a redirect to a login page, "302" a redirect elsewhere.
TOKENS = {"200", "302", "login", "400", "403", "404", "405"}
# The matrix runs at a fixed moment, while 2026's registration is open (deadline 30 March).
MOMENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@dataclass(frozen=True)
class Row:
    """One URL with the objects it is called on and the answer each role must get.

    name: the URL's name, namespaced ("registry:bright-spot-detail").
    args: world attributes giving the URL's arguments, separated by spaces ("unit_a year"); a
        model instance gives its pk.
    get, post: eight statuses in the order of COLUMNS; None when the method is not checked
        (never both).
    query: a query string for GET; data: the body of the POST (default empty).
    note: why the row is as it is, when the reader could wonder.
    """

    name: str
    args: str = ""
    get: str | None = None
    post: str | None = None
    query: str = ""
    data: dict = field(default_factory=dict)
    note: str = ""

    def __post_init__(self):
        for method in ("get", "post"):
            cells = getattr(self, method)
            if cells is None:
                continue
            tokens = cells.split()
            unknown = set(tokens) - TOKENS
            if len(tokens) != len(ROLES) or unknown:
                raise ValueError(
                    f"{self.name} {method}: give {len(ROLES)} statuses ({COLUMNS}) from "
                    f"{sorted(TOKENS)}; got {cells!r}"
                )

    @property
    def label(self) -> str:
        return f"{self.name}({self.args})" if self.args else self.name

    def url(self, world) -> str:
        values = []
        for name in self.args.split():
            value = getattr(world, name)
            values.append(value.pk if isinstance(value, models.Model) else value)
        return reverse(self.name, args=values)

    def expected(self, method: str) -> dict[str, str]:
        return dict(zip(ROLES, getattr(self, method).split(), strict=True))


@dataclass(frozen=True)
class Prefix:
    """Every URL under `prefix` (e.g. the Django admin) is covered by the rows named in `rows`."""

    prefix: str
    reason: str


# --- the row modules -----------------------------------------------------------------------------
def row_modules():
    """`<app>.tests.permission_matrix` of every app of the project that has one."""
    found = []
    for config in apps.get_app_configs():
        if Path(config.path).parent != Path(settings.BASE_DIR):
            continue  # a library's app, not ours
        if (Path(config.path) / "tests" / "permission_matrix.py").exists():
            found.append(importlib.import_module(f"{config.name}.tests.permission_matrix"))
    return found


def all_rows() -> list[Row]:
    return [row for module in row_modules() for row in getattr(module, "ROWS", [])]


def all_prefixes() -> list[Prefix]:
    return [prefix for module in row_modules() for prefix in getattr(module, "PREFIXES", [])]


def build_world(cast) -> SimpleNamespace:
    """The cast and every object that the row modules build, in the order of INSTALLED_APPS."""
    world = SimpleNamespace(**vars(cast), year=MOMENT.year)
    for module in row_modules():
        build = getattr(module, "objects", None)
        if build is not None:
            for key, value in build(world).items():
                if hasattr(world, key):
                    raise ValueError(f"{module.__name__} builds {key!r}, which already exists")
                setattr(world, key, value)
    return world


# --- the project's URLs ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Pattern:
    route: str
    name: str | None

    def __str__(self):
        return f"{self.route} ({self.name or 'unnamed'})"


def url_patterns(resolver=None, prefix: str = "", namespace: str = "") -> list[Pattern]:
    """Every URL pattern of the project, with its full route and namespaced name."""
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += url_patterns(entry, route, inner)
        elif isinstance(entry, URLPattern):
            found.append(Pattern(route, f"{namespace}{entry.name}" if entry.name else None))
    return list(dict.fromkeys(found))


def uncovered(patterns, rows, prefixes) -> list[Pattern]:
    names = {row.name for row in rows}
    return [
        pattern
        for pattern in patterns
        if pattern.name not in names
        and not any(pattern.route.startswith(p.prefix) for p in prefixes)
    ]


# --- checking ---------------------------------------------------------------------------------------
def answer(response) -> str:
    """The cell a response gives: its status, or "login" for a redirect to a login page."""
    if response.status_code in (301, 302):
        path = urlsplit(response["Location"]).path
        login_pages = {reverse(settings.LOGIN_URL), reverse("admin:login")}
        return "login" if path in login_pages else "302"
    return str(response.status_code)


def clients(world) -> dict[str, Client]:
    made = {}
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        made[role] = client
    return made


def check(rows, world) -> list[str]:
    """Request every cell; answer one line per cell whose status differs from the table.

    Each request runs in a savepoint that is rolled back, so a POST that succeeds for one role
    does not change what the next role sees; each row gets new clients, so a row that logs out
    or switches the language does not change the next row's answers.
    """
    mismatches = []
    for row in rows:
        url = row.url(world)
        role_clients = clients(world)
        for method in ("get", "post"):
            if getattr(row, method) is None:
                continue
            for role, wanted in row.expected(method).items():
                client = role_clients[role]
                with transaction.atomic():
                    if method == "get":
                        response = client.get(url, QUERY_STRING=row.query)
                    else:
                        response = client.post(url, row.data)
                    transaction.set_rollback(True)
                got = answer(response)
                if got != wanted:
                    mismatches.append(
                        f"{method.upper()} {url}{'?' + row.query if row.query and method == 'get' else ''}"
                        f" as {role}: expected {wanted}, got {got}"
                    )
    return mismatches
