"""Public pages of the member directory (under the language prefix)."""

from django.urls import path

from members import views

app_name = "members"
urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("members/<slug:slug>/", views.detail, name="detail"),
    path("partners/", views.partners, name="partners"),
]

# Finance views of the dues (staff only): members/dues_views.py.
from members import dues_views  # noqa: E402

urlpatterns += [
    path("finance/dues/", dues_views.dashboard, name="dues-dashboard"),
    path("finance/dues/restricted/", dues_views.restricted, name="dues-restricted"),
    path("finance/dues/budget/<int:year>/", dues_views.budget, name="dues-budget"),
    path("finance/dues/members/<slug:slug>/", dues_views.statement, name="dues-statement"),
    path("finance/dues/members/<slug:slug>/statement.pdf", dues_views.statement_pdf, name="dues-statement-pdf"),
    path("finance/meeting-costs/", dues_views.meeting_costs, name="meeting-costs"),
    path("finance/meeting-costs/<int:pk>/", dues_views.meeting_cost, name="meeting-cost"),
]
