"""Public pages of the specialized committees (under the language prefix)."""

from django.urls import path

from committees import views

app_name = "committees"
# A committee's own page composes several apps: near_portal/urls.py adds it ("committees:detail").
urlpatterns = [
    path("committees/", views.committee_list, name="list"),
]
