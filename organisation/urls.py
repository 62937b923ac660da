from django.urls import path

from organisation import views

app_name = "organisation"
urlpatterns = [
    path("units/<int:pk>/", views.unit_detail, name="unit-detail"),
    path("units/search/", views.unit_search, name="unit-search"),
    path("committees/<int:pk>/", views.committee_detail, name="committee-detail"),
]
