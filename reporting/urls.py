from django.urls import path

from reporting import views

app_name = "reporting"
urlpatterns = [
    path("reports/", views.summary, name="summary"),
    path("reports/country/", views.country, name="country"),
    path("reports/bright-spots/", views.bright_spots, name="bright-spots"),
    path("reports/units/", views.units, name="units"),
    path("reports/csv/<slug:identifier>/", views.download_csv, name="csv"),
    path("reports/exports/", views.export_create, name="export-create"),
    path("reports/exports/<int:pk>/", views.export_detail, name="export-detail"),
    path("reports/exports/<int:pk>/status/", views.export_status, name="export-status"),
    path("reports/exports/<int:pk>/download/", views.export_download, name="export-download"),
    path("units/<int:pk>/history/", views.unit_history, name="unit-history"),
]
