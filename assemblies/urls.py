"""URLs of the assemblies app (under the language prefix)."""

from django.urls import path

from assemblies import views
from assemblies.models import Body

app_name = "assemblies"
urlpatterns = [
    path("assemblies/", views.session_list, {"body": Body.GENERAL_ASSEMBLY}, name="assembly-list"),
    path("assemblies/<slug:key>/", views.session_detail, {"body": Body.GENERAL_ASSEMBLY}, name="assembly-detail"),
    path("working-committee/", views.session_list, {"body": Body.WORKING_COMMITTEE}, name="working-committee-list"),
    path(
        "working-committee/<slug:key>/",
        views.session_detail,
        {"body": Body.WORKING_COMMITTEE},
        name="working-committee-detail",
    ),
]
