"""Public URLs of the annual report (under the language prefix)."""

from django.urls import path

from near_portal.report import views

app_name = "reports"
urlpatterns = [
    path("reports/", views.report_list, name="list"),
    path("reports/<int:year>/<slug:language>.pdf", views.download, name="download"),
]
