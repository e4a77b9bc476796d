from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NearPortalConfig(AppConfig):
    name = "near_portal"
    verbose_name = _("NEAR portal")
