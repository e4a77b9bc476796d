"""All-or-nothing imports and formula-safe exports for django-import-export.

``members/importing.py`` is to hold the shared version of these helpers (issue 2, section 5);
it is not on this branch yet, so the events app carries its own: merge them into one.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from import_export import widgets

# A spreadsheet runs a cell starting with one of these as a formula (or strips a control
# character and then does): = + - @, tab, carriage return, NUL.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def escape_formula(value):
    """Text that a spreadsheet would run as a formula, prefixed with ' so it reads as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaEscapingResourceMixin:
    """Exports every cell escaped (the library's own option strips only a leading '=')."""

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))


class SlugWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the row's slug, with a readable error for an unknown one."""

    def __init__(self, model, label, field="slug", **kwargs):
        super().__init__(model, field=field, **kwargs)
        self.label = label

    def clean(self, value, row=None, **kwargs):
        value = (value or "").strip() if isinstance(value, str) or value is None else value
        if not value:
            raise ValueError(_("The %(label)s is missing.") % {"label": self.label})
        try:
            return super().clean(value, row=row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                _("No %(label)s has the slug “%(value)s”.") % {"label": self.label, "value": value}
            ) from None


class LenientInstanceLookupMixin:
    """A row whose key columns do not resolve is a new row; its fields then report why, with its number."""

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None


class AllOrNothingImportMixin:
    """Admin imports write every row or none.

    The library keeps the valid rows when others fail model validation unless
    ``rollback_on_validation_errors`` is passed, and its confirm step does not pass it;
    both steps get it here. A confirm that still finds errors (the file changed between
    preview and confirm) writes nothing and says so.
    """

    def has_import_permission(self, request):
        """Importing writes rows: it needs the add and change permissions (issue 2, section 5)."""
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        kwargs["use_transactions"] = True
        return kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            rows = [str(row.number) for row in result.invalid_rows] + [str(number) for number, _e in result.row_errors()]
            messages.error(
                request,
                _("Nothing was imported: rows %(rows)s have errors. Correct the file and import it again.")
                % {"rows": ", ".join(rows)},
            )
            info = self.model._meta.app_label, self.model._meta.model_name
            return HttpResponseRedirect(reverse(f"admin:{info[0]}_{info[1]}_import", current_app=self.admin_site.name))
        return super().process_result(result, request)
