"""URLs of the events app (under the language prefix)."""

app_name = "events"
urlpatterns = []
