"""Spreadsheet exports that cannot run formulae (CSV/formula injection, OWASP).

A cell whose text begins with ``= + - @``, a tab, a carriage return or a NUL may be taken
for a formula by Excel or LibreOffice; such text gets a leading apostrophe, the spreadsheet
programs' own mark for "this is text". Plain numbers ("-120", "+3.5") stay as they are:
they cannot be formulae. django-import-export's own setting only strips a leading "=",
which changes the data and misses the other characters.

Every export goes through it: resources mix in ``FormulaEscapingMixin``; hand-written CSV
views call ``escape_row`` on each row.
"""

import re

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\0")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")


def escape_formula(value):
    """The value, made inert if it is text a spreadsheet could read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def escape_row(row):
    """Every cell of a row through ``escape_formula``."""
    return [escape_formula(cell) for cell in row]


class FormulaEscapingMixin:
    """For django-import-export resources: every exported cell through ``escape_formula``.

    Put it first: ``class MemberResource(FormulaEscapingMixin, resources.ModelResource)``.
    """

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))
