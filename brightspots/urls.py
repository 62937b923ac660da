from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from brightspots.health import healthz
from registry.forms import LoginForm
from registry.views import home as registry_views

urlpatterns = [
    path("", registry_views.home, name="home"),
    path("healthz/", healthz, name="healthz"),
    path("i18n/language/", registry_views.language_set, name="language-set"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("", include("registry.urls")),
    path("", include("reporting.urls")),
    path("", include("recognition.urls")),
    path("", include("reminders.urls")),
]

handler400 = "brightspots.errors.bad_request"
handler500 = "brightspots.errors.server_error"
