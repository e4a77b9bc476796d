"""All-or-nothing imports and formula-safe exports in the admin (django-import-export).

Written here because ``members/importing.py`` is not on this branch yet; the two are meant to
become one shared module when the branches are merged.
"""

from django.utils.translation import gettext as _
from import_export import resources, widgets

# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection);
# the library's own option only strips one leading "=".
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def escape_formula(value):
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class FormulaSafeResource(resources.ModelResource):
    """Exports every cell escaped with ``escape_formula``."""

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))


class SlugForeignKeyWidget(widgets.ForeignKeyWidget):
    """Looks a related row up by its slug, with an error a person can act on."""

    def __init__(self, model, **kwargs):
        super().__init__(model, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                _("No %(model)s has the slug “%(slug)s”.") % {"model": self.model._meta.verbose_name, "slug": value}
            ) from None


class AllOrNothingImportMixin:
    """Admin mixin: one bad row and nothing is written; every bad row is listed with its number.

    django-import-export keeps the valid rows when others fail validation unless
    ``rollback_on_validation_errors`` is on, and its confirm step does not pass that flag:
    ``get_import_data_kwargs`` sets it for the preview and the confirm step alike.
    """

    import_error_display = ("message",)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def has_import_permission(self, request):
        """Importing adds and changes rows, so it needs both permissions."""
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)
