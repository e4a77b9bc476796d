"""Public pages of cooperation plans (under the language prefix)."""

from django.urls import path

from plans import views

app_name = "plans"
urlpatterns = [
    path("members/<slug:slug>/plans/<int:year>/", views.plan_detail, name="detail"),
]
