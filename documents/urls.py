"""Public pages of the documents library (under the language prefix)."""

from django.urls import path

from assemblies.models import Body as SessionBody
from documents import views

app_name = "documents"
urlpatterns = [
    path("documents/", views.library, name="list"),
    path("news/", views.news_list, name="news-list"),
    path("news.atom", views.NewsFeed(), name="news-feed"),
    path("news/<slug:slug>/", views.news_detail, name="news-detail"),
    # A session's minutes beside its page (/en/assemblies/12/ -> /en/assemblies/12/minutes/).
    path(
        "assemblies/<slug:key>/minutes/",
        views.session_minutes,
        {"body": SessionBody.GENERAL_ASSEMBLY},
        name="assembly-minutes",
    ),
    path(
        "working-committee/<slug:key>/minutes/",
        views.session_minutes,
        {"body": SessionBody.WORKING_COMMITTEE},
        name="working-committee-minutes",
    ),
    path("documents/files/<int:pk>/", views.document_file, name="file"),
    # Symbols hold slashes (NEAR/GA/12/RES/1): the page's address is the symbol itself.
    path("documents/<path:symbol>/", views.document_detail, name="detail"),
]
