"""Public pages of the documents library (under the language prefix)."""

from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("documents/", views.library, name="list"),
    path("news/", views.news_list, name="news-list"),
    path("news.atom", views.news_feed, name="news-feed"),
    path("news/<slug:slug>/", views.news_detail, name="news-detail"),
    path("documents/files/<int:pk>/", views.document_file, name="file"),
    # Symbols hold slashes (NEAR/GA/12/RES/1): the page's address is the symbol itself.
    path("documents/<path:symbol>/", views.document_detail, name="detail"),
]
