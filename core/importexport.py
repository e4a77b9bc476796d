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
- CSV exports quote every cell holding a comma, a quote, a line break or a semicolon
  (``csv_line``): Excel in Russian or German locales splits on ";", and Python's csv module
  only quotes the delimiter it writes. ``SpreadsheetCSV`` is the admin's CSV format;
  hand-written CSV views write their rows with ``csv_line``.
"""

import io
import re
import zipfile

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.formats import base_formats
from import_export.forms import ImportForm

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


# A cell holding one of these is quoted: the comma we write, and the separators spreadsheets assume.
CSV_QUOTED_CHARACTERS = frozenset(',;"\r\n')


def csv_cell(value) -> str:
    """One CSV cell: quoted (with doubled quotes) when it holds a separator or a quote."""
    text = "" if value is None else str(value)
    if CSV_QUOTED_CHARACTERS.intersection(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_line(row) -> str:
    """A CSV record (RFC 4180 line ending) whose cells are quoted by ``csv_cell``."""
    return ",".join(csv_cell(value) for value in row) + "\r\n"


class SpreadsheetCSV(base_formats.CSV):
    """django-import-export's CSV, with every cell holding a semicolon quoted too (``csv_line``)."""

    def export_data(self, dataset, **kwargs):
        return "".join(csv_line(row) for row in [dataset.headers or [], *dataset] if row is not None)


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


# An import runs inside one transaction, row by row: bounded so that one file cannot hold a
# worker for minutes (a 441 KB XLSX can hold 200,000 rows). The record's largest table has a
# few hundred rows; an import of more is a mistake.
IMPORT_MAX_ROWS = 2000
IMPORT_MAX_BYTES = 2 * 1024 * 1024


def count_rows(data: bytes, *, limit: int) -> int:
    """Rows of a CSV or XLSX file (with its header), counting no further than ``limit + 1``."""
    if data[:4] == b"PK\x03\x04":  # XLSX (a zip): read it row by row, never all at once
        import openpyxl

        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            return 0  # not a workbook: the import's own reading reports it
        try:
            rows = 0
            for _row in workbook.worksheets[0].iter_rows(values_only=True):
                rows += 1
                if rows > limit:
                    break
            return rows
        finally:
            workbook.close()
    return min(len(data.splitlines()), limit + 1)


class LimitedImportForm(ImportForm):
    """django-import-export's import form, refusing a file too large or too long before it is parsed."""

    def clean_import_file(self):
        file = self.cleaned_data["import_file"]
        if file.size > IMPORT_MAX_BYTES:
            raise ValidationError(
                _("The file is %(size)s; files of at most %(limit)s are imported. Split it and import each part.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(IMPORT_MAX_BYTES)},
                code="import_too_large",
            )
        file.seek(0)
        data = file.read()
        file.seek(0)
        if count_rows(data, limit=IMPORT_MAX_ROWS + 1) > IMPORT_MAX_ROWS + 1:  # the header row is not counted
            raise ValidationError(
                _(
                    "The file has more than %(limit)s rows; at most %(limit)s are imported at once. Split it and import each part."
                )
                % {"limit": IMPORT_MAX_ROWS},
                code="import_too_many_rows",
            )
        return file


class AllOrNothingImportMixin:
    """Admin mixin (before ImportMixin or ImportExportMixin): an import with any bad row writes nothing.

    Both the preview and the confirm step run with ``rollback_on_validation_errors``. A
    confirm that still finds errors (the file changed between preview and confirm) writes
    nothing and says which rows failed.
    """

    # Staff exchange CSV and XLSX files.
    formats = [base_formats.CSV, base_formats.XLSX]
    import_formats = formats
    # Exports quote cells holding ";" too.
    export_formats = [SpreadsheetCSV, base_formats.XLSX]

    import_form_class = LimitedImportForm

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
