from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class NearPortalConfig(AppConfig):
    name = "near_portal"
    verbose_name = _("NEAR portal")

    def ready(self):
        from near_portal import caching, roles

        # Any save of the record invalidates the cached public pages.
        for name, signal in (("post_save", post_save), ("post_delete", post_delete), ("m2m_changed", m2m_changed)):
            signal.connect(caching.record_changed, dispatch_uid=f"near_portal.caching.{name}")
        # The staff roles follow every model, including models added after the roles' migration.
        post_migrate.connect(roles.sync_roles, dispatch_uid="near_portal.roles.sync_roles")


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's site (near_portal/admin_site.py) as ``admin.site``."""

    default = False  # named in INSTALLED_APPS; NearPortalConfig stays this app's own config

    default_site = "near_portal.admin_site.PortalAdminSite"
