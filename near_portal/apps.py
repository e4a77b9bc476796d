from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class NearPortalConfig(AppConfig):
    name = "near_portal"
    verbose_name = _("NEAR portal")


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's site (near_portal/admin_site.py) as ``admin.site``."""

    default = False  # named in INSTALLED_APPS; NearPortalConfig stays this app's own config
    default_site = "near_portal.admin_site.PortalAdminSite"
