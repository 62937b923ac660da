"""The header's navigation and the home page's panels, contributed by each app.

An app registers in its AppConfig.ready():
    navigation.register_menu(fn)   fn(request, scope) → [(label, url), …]  shown in the header
    navigation.register_panel(fn)  fn(user, scope, year) → [dict with "template", …]  on the home page
Only what the user's roles may use is returned, so the navigation never offers a page that would
answer 403.
"""

MENUS = []
PANELS = []


def register_menu(fn):
    MENUS.append(fn)
    return fn


def register_panel(fn):
    PANELS.append(fn)
    return fn


def menu_items(request, scope) -> list[tuple[str, str]]:
    if not getattr(request.user, "is_authenticated", False):
        return []
    return [item for fn in MENUS for item in fn(request, scope)]


def panels(user, scope, year) -> list[dict]:
    return [panel for fn in PANELS for panel in fn(user, scope, year)]
