"""Public pages of the specialized committees (under the language prefix)."""

from django.urls import path

from committees import views

app_name = "committees"
urlpatterns = [
    path("committees/", views.committee_list, name="list"),
    path("committees/<slug:slug>/", views.committee_detail, name="detail"),
]
