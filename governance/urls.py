"""URLs of the governance app (under the language prefix)."""

from django.urls import path

from governance.models import Body
from governance.views import assemblies

app_name = "governance"
urlpatterns = [
    path("assemblies/", assemblies.session_list, {"body": Body.GENERAL_ASSEMBLY}, name="assembly-list"),
    path("assemblies/<slug:key>/", assemblies.session_detail, {"body": Body.GENERAL_ASSEMBLY}, name="assembly-detail"),
    path("working-committee/", assemblies.session_list, {"body": Body.WORKING_COMMITTEE}, name="working-committee-list"),
    path(
        "working-committee/<slug:key>/",
        assemblies.session_detail,
        {"body": Body.WORKING_COMMITTEE},
        name="working-committee-detail",
    ),
]
