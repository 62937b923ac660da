"""The project's URLs plus views that fail on purpose, for tests of error pages and their logs."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from brightspots.urls import handler400, handler500
from brightspots.urls import urlpatterns as project_urlpatterns


def refuse(request):
    raise PermissionDenied


def fail(request):
    raise RuntimeError("boom: the secret detail of a bug")


urlpatterns = [
    path("test/refuse/", refuse),
    path("test/fail/", fail),
    *project_urlpatterns,
]
__all__ = ["handler400", "handler500", "urlpatterns"]
