"""Public pages of the documents library (under the language prefix)."""

from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("documents/", views.library, name="list"),
    path("documents/files/<int:pk>/", views.document_file, name="file"),
    # Symbols hold slashes (NEAR/GA/12/RES/1): the page's address is the symbol itself.
    path("documents/<path:symbol>/", views.document_detail, name="detail"),
]
