"""Public pages of the member directory (under the language prefix)."""

from django.urls import path

from members import views

app_name = "members"
urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("members/<slug:slug>/", views.detail, name="detail"),
]
