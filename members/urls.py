"""Public pages of the member directory (under the language prefix)."""

from django.urls import path

from members import views

app_name = "members"
# A government's own page composes several apps: near_portal/urls.py adds it ("members:detail").
urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("partners/", views.partners, name="partners"),
]
