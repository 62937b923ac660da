from django.urls import path

from organisation import views
from organisation.imports import views as imports

app_name = "organisation"
urlpatterns = [
    path("units/<int:pk>/", views.unit_detail, name="unit-detail"),
    path("units/search/", views.unit_search, name="unit-search"),
    path("committees/<int:pk>/", views.committee_detail, name="committee-detail"),
    path("manage/imports/", imports.import_list, name="import-list"),
    path("manage/imports/templates/<slug:kind>.xlsx", imports.import_template, name="import-template"),
    path("manage/imports/<int:pk>/", imports.import_detail, name="import-detail"),
    path("manage/imports/<int:pk>/status/", imports.import_status, name="import-status"),
    path("manage/imports/<int:pk>/confirm/", imports.import_confirm, name="import-confirm"),
]  # fmt: skip
