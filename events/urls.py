"""Public pages and calendar feeds of events (under the language prefix)."""

from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events.ics", views.events_ics, name="ics"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
    path("events/<slug:slug>.ics", views.event_ics, name="event_ics"),
    path("events/<slug:slug>/files/<int:pk>/", views.attachment, name="attachment"),
    # The committee's feed lives here so the committees app need not know about calendars.
    path("committees/<slug:slug>/events.ics", views.committee_events_ics, name="committee_ics"),
]
