from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app of the portal uses: languages, roles, audit, caching, imports, uploads."""

    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        from core import caching, ratelimits, roles

        # The system check that the rate limits' cache is shared and atomic.
        checks.register(ratelimits.check_rate_limit_cache, checks.Tags.caches)

        # Any save of the record invalidates the cached public pages.
        for name, signal in (("post_save", post_save), ("post_delete", post_delete), ("m2m_changed", m2m_changed)):
            signal.connect(caching.record_changed, dispatch_uid=f"core.caching.{name}")
        # The staff roles follow every model, including models added after the roles' migration.
        post_migrate.connect(roles.sync_roles, dispatch_uid="core.roles.sync_roles")
