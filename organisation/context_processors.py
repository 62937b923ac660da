from django.conf import settings

from core.navigation import menu_items
from organisation.scope import scope_for


def site(request):
    """The user's scope drives the navigation: it shows only what the role may use."""
    # An error page for a request refused before authentication (a 400) has no user.
    scope = scope_for(getattr(request, "user", None))
    return {
        "scope": scope,
        # A callable: templates call it only where the menu is shown.
        "nav_items": lambda: menu_items(request, scope),
        "product_name": settings.PRODUCT_NAME,
        # Our own NFC spelling: Django's built-in local name for Vietnamese is decomposed (NFD).
        "language_names": settings.LANGUAGES,
    }
