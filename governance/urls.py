"""URLs of the governance app (under the language prefix)."""

from django.urls import path

from governance.models import Body
from governance.views import assemblies, instruments

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


# The Charter and the Regulations: /charter/, /regulations/committees/, /regulations/dues/.
for _slug, _prefix in instruments.INSTRUMENT_PATHS.items():
    urlpatterns += [
        path(_prefix, instruments.instrument_text, {"slug": _slug}, name=_slug),
        path(f"{_prefix}history/", instruments.history, {"slug": _slug}, name=f"{_slug}-history"),
        path(f"{_prefix}history/<slug:key>/", instruments.article, {"slug": _slug}, name=f"{_slug}-article"),
        path(f"{_prefix}pdf/", instruments.instrument_pdf, {"slug": _slug}, name=f"{_slug}-pdf"),
    ]
