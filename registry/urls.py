from django.urls import path

from registry import views

app_name = "registry"
urlpatterns = [
    path("units/<int:pk>/", views.unit_detail, name="unit-detail"),
    path("committees/<int:pk>/", views.committee_detail, name="committee-detail"),
]
