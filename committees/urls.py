"""URLs of the committees app (under the language prefix)."""

app_name = "committees"
urlpatterns = []
