"""The portal's admin site: Django's, with rules that hold for every model admin registered on it.

* A list filter the database refuses (``?name_en__regex=\\``, ``?paid_on__year=99999999999999999999``,
  a number no column can hold) gets Django's own answer to a filter it cannot apply, the list
  without the filter (``?e=1``), instead of a server error. Django checks the lookup's name
  but lets PostgreSQL judge its value; the savepoint keeps the request's transaction usable.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db import DataError, transaction


class GuardedChangeListMixin:
    """A change list whose filters fail in the database redirects to the list without them."""

    def get_changelist_instance(self, request):
        try:
            with transaction.atomic():  # the list's count runs here; a refusal rolls back to this point
                return super().get_changelist_instance(request)
        except (DataError, OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


class PortalAdminSite(admin.AdminSite):
    """``admin.site`` (``near_portal.apps.PortalAdminConfig.default_site``)."""

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, GuardedChangeListMixin):
            admin_class = type(
                admin_class.__name__, (GuardedChangeListMixin, admin_class), {"__module__": admin_class.__module__}
            )
        super().register(model_or_iterable, admin_class, **options)
