"""URLs of the governance app (under the language prefix)."""

app_name = "governance"
urlpatterns = []
