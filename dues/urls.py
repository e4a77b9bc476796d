"""Finance pages of the dues (staff only, under the language prefix)."""

from django.urls import path

from dues import views

app_name = "dues"
urlpatterns = [
    path("finance/dues/", views.dashboard, name="dashboard"),
    path("finance/dues/restricted/", views.restricted, name="restricted"),
    path("finance/dues/budget/<int:year>/", views.budget, name="budget"),
    path("finance/dues/members/<slug:slug>/", views.statement, name="statement"),
    path("finance/dues/members/<slug:slug>/statement.pdf", views.statement_pdf, name="statement-pdf"),
    path("finance/meeting-costs/", views.meeting_costs, name="meeting-costs"),
    path("finance/meeting-costs/<int:pk>/", views.meeting_cost, name="meeting-cost"),
]
