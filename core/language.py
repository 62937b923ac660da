"""Which language a page speaks (R33): Vietnamese unless the reader chose English.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an official whose
computer runs an English browser would meet an English app. Here the choice is the reader's own:
the language switcher's cookie, else the language saved on their account, else Vietnamese.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class LanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if code not in dict(settings.LANGUAGES):
            user = getattr(request, "user", None)
            authenticated = user is not None and user.is_authenticated
            code = user.language if authenticated else settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = translation.get_language()
