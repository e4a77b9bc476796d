"""URLs of the instruments app (under the language prefix)."""

from django.urls import path

from instruments import views

app_name = "instruments"
urlpatterns = []

# The Charter and the Regulations: /charter/, /regulations/committees/, /regulations/dues/.
for _slug, _prefix in views.INSTRUMENT_PATHS.items():
    urlpatterns += [
        path(_prefix, views.instrument_text, {"slug": _slug}, name=_slug),
        path(f"{_prefix}history/", views.history, {"slug": _slug}, name=f"{_slug}-history"),
        path(f"{_prefix}history/<slug:key>/", views.article, {"slug": _slug}, name=f"{_slug}-article"),
        path(f"{_prefix}pdf/", views.instrument_pdf, {"slug": _slug}, name=f"{_slug}-pdf"),
    ]
