from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents and news")

    def ready(self):
        from assemblies import views
        from documents.minutes import session_minutes_links

        # A session's page links its minutes once published (the preview for staff before).
        views.minutes_links = session_minutes_links
