"""The portal's admin site: Django's, with rules that hold for every model admin registered on it.

* A list filter the database refuses (``?name_en__regex=\\``, ``?paid_on__year=99999999999999999999``,
  a number no column can hold) gets Django's own answer to a filter it cannot apply, the list
  without the filter (``?e=1``), instead of a server error. Django checks the lookup's name
  but lets PostgreSQL judge its value; the savepoint keeps the request's transaction usable.
* A form saved while another request saves the same unique value (two clicks, twelve clients
  posting one payment) gets the form's own error, not the database's IntegrityError: the form
  checked uniqueness before the other insert committed, so the add or change is run once more,
  and its validation now sees the row the other request wrote.
* Every admin action declares the permissions it needs (``@admin.action(permissions=[...])``):
  Django offers and runs an action without them for anybody who may view the list, an
  Auditor closing polls. Registering an admin with an undeclared action fails at start-up.
* Nobody deletes what ``core.roles.NEVER_DELETED`` lists (ballots, payments, resolutions,
  amendments), superusers included: the delete view answers 403 and the list offers no
  "delete selected". They are annulled, reversed or revoked, with a reason.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import ImproperlyConfigured
from django.db import DataError, IntegrityError, transaction
from psycopg2 import errorcodes

from core.roles import NEVER_DELETED

# PostgreSQL's answer to an insert or update another transaction's committed row makes a duplicate.
RACE_ERROR_CODES = frozenset({errorcodes.UNIQUE_VIOLATION, errorcodes.EXCLUSION_VIOLATION})


def lost_a_race(error: IntegrityError) -> bool:
    return getattr(error.__cause__, "pgcode", None) in RACE_ERROR_CODES


class GuardedChangeListMixin:
    """A change list whose filters fail in the database redirects to the list without them."""

    def get_changelist_instance(self, request):
        try:
            with transaction.atomic():  # the list's count runs here; a refusal rolls back to this point
                return super().get_changelist_instance(request)
        except (DataError, OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


class RetriedChangeFormMixin:
    """The add and change views, run once more when their save lost a uniqueness race."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except IntegrityError as error:
            if request.method != "POST" or not lost_a_race(error):
                raise
            # The first run rolled back whole (Django runs it in transaction.atomic); the
            # second validates against the committed row and answers with the form's error.
            return super().changeform_view(request, object_id, form_url, extra_context)


def declared_permissions(function) -> tuple:
    return tuple(getattr(function, "allowed_permissions", None) or ())


class DeclaredActionsMixin:
    """An action that declares no permissions needs the change permission (third-party admins)."""

    def _filter_actions_by_permissions(self, request, actions):
        actions = super()._filter_actions_by_permissions(request, actions)
        if self.has_change_permission(request):
            return actions
        return [action for action in actions if declared_permissions(action[0])]


class NeverDeletedMixin:
    """No delete permission, for anybody, on a model the record never deletes."""

    def has_delete_permission(self, request, obj=None):
        if self.model._meta.label_lower in NEVER_DELETED:
            return False
        return super().has_delete_permission(request, obj)


def is_portal_admin(admin_class) -> bool:
    """An admin of the portal's own apps (not django.contrib's, axes' or another library's)."""
    return admin_class.__module__.split(".")[0] in {*settings.NEAR_RECORD_APPS, "core"}


class PortalAdminSite(admin.AdminSite):
    """``admin.site`` (``near_portal.apps.PortalAdminConfig.default_site``)."""

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        for action in admin_class.actions or () if is_portal_admin(admin_class) else ():
            function = getattr(admin_class, action) if isinstance(action, str) else action
            if not declared_permissions(function):
                raise ImproperlyConfigured(
                    f"{admin_class.__qualname__}.{getattr(function, '__name__', action)} must declare the "
                    "permissions it needs: @admin.action(permissions=[...])."
                )
        if not issubclass(admin_class, GuardedChangeListMixin):
            admin_class = type(
                admin_class.__name__,
                (GuardedChangeListMixin, RetriedChangeFormMixin, DeclaredActionsMixin, NeverDeletedMixin, admin_class),
                {"__module__": admin_class.__module__},
            )
        super().register(model_or_iterable, admin_class, **options)
