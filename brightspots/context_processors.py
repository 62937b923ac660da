from django.conf import settings

from registry.scope import scope_for


def site(request):
    """The user's scope drives the navigation: it shows only what the role may use."""
    return {
        "scope": scope_for(request.user),
        "product_name": settings.PRODUCT_NAME,
        # Our own NFC spelling: Django's built-in local name for Vietnamese is decomposed (NFD).
        "language_names": settings.LANGUAGES,
    }
