"""URLs of the governance app (under the language prefix)."""

from django.urls import path

from governance.views import instruments

app_name = "governance"
urlpatterns = []

# The Charter and the Regulations: /charter/, /regulations/committees/, /regulations/dues/.
for _slug, _prefix in instruments.INSTRUMENT_PATHS.items():
    urlpatterns += [
        path(_prefix, instruments.instrument_text, {"slug": _slug}, name=_slug),
        path(f"{_prefix}history/", instruments.history, {"slug": _slug}, name=f"{_slug}-history"),
        path(f"{_prefix}history/<slug:key>/", instruments.article, {"slug": _slug}, name=f"{_slug}-article"),
        path(f"{_prefix}pdf/", instruments.instrument_pdf, {"slug": _slug}, name=f"{_slug}-pdf"),
    ]
