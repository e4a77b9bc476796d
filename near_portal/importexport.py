"""Shared rules for spreadsheet imports and exports in the admin (django-import-export).

- Imports are all-or-nothing: one bad row and nothing is written; every bad row is listed
  with its row number and reason. django-import-export keeps the valid rows when others fail
  model validation unless ``rollback_on_validation_errors`` is on, and its confirm step does
  not pass that flag, so ``AllOrNothingImportMixin`` forces it on every import call.
- Exports escape spreadsheet formulae: a cell starting with = + - @, tab, CR or NUL is
  prefixed with an apostrophe (the library's own option only strips one "="). Imports undo
  exactly that prefix, so an export imports back unchanged.
"""

from import_export import resources
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ConfirmImportForm, ImportForm

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\0")


def escape_formula(value):
    """Neutralise a cell a spreadsheet would evaluate: '=1+1' becomes "'=1+1"."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def unescape_formula(value):
    """Undo ``escape_formula`` (and only it) on an imported cell."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


class SafeSpreadsheetResource(resources.ModelResource):
    """A model resource whose exports escape formulae and whose imports undo the escaping."""

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        for key in list(row.keys()):
            row[key] = unescape_formula(row[key])
        super().before_import_row(row, **kwargs)


class AllOrNothingImportMixin(ImportExportMixin):
    """Admin import/export where an import with any bad row writes nothing."""

    # Staff exchange CSV and XLSX files.
    formats = [base_formats.CSV, base_formats.XLSX]
    import_form_class = ImportForm
    confirm_form_class = ConfirmImportForm

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def has_import_permission(self, request):
        # Importing creates and changes rows: it needs both permissions.
        return self.has_add_permission(request) and self.has_change_permission(request)
