"""Shared rules for spreadsheet imports and exports in the admin (django-import-export).

- Imports are all-or-nothing: one bad row and nothing is written; every bad row is listed
  with its row number and reason. django-import-export keeps the valid rows when others fail
  model validation unless ``rollback_on_validation_errors`` is on, and its confirm step does
  not pass that flag, so ``AllOrNothingImportMixin`` forces it on every import call.
- Exports escape spreadsheet formulae (CSV/formula injection, OWASP): a cell starting with
  = + - @, tab, CR, LF or NUL is prefixed with an apostrophe, the spreadsheet programs' own
  mark for "this is text" (the library's own option only strips one "="). Plain numbers
  ("-120", "+3.5") stay as they are: they cannot be formulae. Text that already starts with
  an apostrophe before such a character gets one more. Imports take exactly one apostrophe off
  such cells, so an export imports back unchanged. Hand-written CSV views use ``escape_row``.
"""

import re

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.formats import base_formats

# A spreadsheet runs a cell starting with one of these as a formula (or strips a control
# character and then does).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")


def escape_formula(value):
    """Neutralise a cell a spreadsheet would evaluate: '=1+1' becomes "'=1+1".

    Text that already starts with apostrophes before such a character ("'=1+1" itself) gets
    one more, so that ``unescape_formula`` gives it back as it was.
    """
    if not isinstance(value, str):
        return value
    if (value.startswith(FORMULA_PREFIXES) and not PLAIN_NUMBER.fullmatch(value)) or _is_quoted(value):
        return "'" + value
    return value


def _is_quoted(value: str) -> bool:
    """Apostrophes, then a character a formula starts with: "'=1+1", "''-120"."""
    return value.startswith("'") and value.lstrip("'").startswith(FORMULA_PREFIXES)


def escape_row(row):
    """Every cell of a row through ``escape_formula`` (for hand-written CSV views)."""
    return [escape_formula(cell) for cell in row]


def unescape_formula(value):
    """Undo ``escape_formula`` (and only it) on an imported cell."""
    if isinstance(value, str) and _is_quoted(value):
        return value[1:]
    return value


class FormulaEscapingResourceMixin:
    """For a resource: exports escape formulae, imports undo the escaping."""

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        for key in list(row.keys()):
            row[key] = unescape_formula(row[key])
        super().before_import_row(row, **kwargs)


class SafeSpreadsheetResource(FormulaEscapingResourceMixin, resources.ModelResource):
    """A model resource whose exports escape formulae and whose imports undo the escaping."""


class SlugWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related row's slug, with errors a person can act on."""

    def __init__(self, model, label, field="slug", required=True, **kwargs):
        super().__init__(model, field=field, **kwargs)
        self.label = label
        self.required = required

    def clean(self, value, row=None, **kwargs):
        value = (value or "").strip() if isinstance(value, str) or value is None else value
        if not value:
            if not self.required:
                return None
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
    """Admin mixin (before ImportMixin or ImportExportMixin): an import with any bad row writes nothing.

    Both the preview and the confirm step run with ``rollback_on_validation_errors``. A
    confirm that still finds errors (the file changed between preview and confirm) writes
    nothing and says which rows failed.
    """

    # Staff exchange CSV and XLSX files.
    formats = [base_formats.CSV, base_formats.XLSX]

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def has_import_permission(self, request):
        # Importing creates and changes rows: it needs both permissions.
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            rows = [str(row.number) for row in result.invalid_rows] + [str(n) for n, _e in result.row_errors()]
            messages.error(
                request,
                _("Nothing was imported: rows %(rows)s have errors. Correct the file and import it again.")
                % {"rows": ", ".join(rows)},
            )
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_import", current_app=self.admin_site.name)
            )
        return super().process_result(result, request)
