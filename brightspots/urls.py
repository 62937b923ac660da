from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter

from brightspots.health import healthz
from core.years import YearConverter
from organisation import views as organisation_views
from organisation.forms import LoginForm

# `<year:year>` in any app's URLs (core.years).
register_converter(YearConverter, "year")

urlpatterns = [
    path("", organisation_views.home, name="home"),
    path("healthz/", healthz, name="healthz"),
    path("i18n/language/", organisation_views.language_set, name="language-set"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("", include("core.urls")),
    path("", include("organisation.urls")),
    path("", include("registry.urls")),
    path("", include("reporting.urls")),
    path("", include("recognition.urls")),
    path("", include("reminders.urls")),
]

handler400 = "core.errors.bad_request"
handler500 = "core.errors.server_error"
