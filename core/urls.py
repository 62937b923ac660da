from django.urls import path

from core import views

app_name = "core"
urlpatterns = [
    path("documents/<int:pk>/", views.rendition, name="rendition"),
    path("documents/<int:pk>/status.json", views.rendition_status, name="rendition-status"),
    path("documents/<int:pk>/file/", views.rendition_file, name="rendition-file"),
]
