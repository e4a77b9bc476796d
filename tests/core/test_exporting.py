"""Spreadsheet exports cannot carry formulae (core/importexport.py)."""

import io

import pytest
from import_export import resources
from import_export.formats.base_formats import CSV, XLSX
from openpyxl import load_workbook

from core.importexport import FormulaEscapingResourceMixin as FormulaEscapingMixin
from core.importexport import escape_formula, unescape_formula
from members.models import Partner


@pytest.mark.parametrize(
    ("value", "exported"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\x00=1+1", "'\x00=1+1"),
        ("-", "'-"),
        ("Hyogo Prefecture", "Hyogo Prefecture"),
        ("a=b", "a=b"),
        ("", ""),
        ("-120", "-120"),
        ("+3.5", "+3.5"),
        (-120, -120),
        (None, None),
        ("'=1+1", "''=1+1"),
        ("'-120", "''-120"),
        ("''@x", "'''@x"),
        ("'quoted'", "'quoted'"),
    ],
)
def test_text_a_spreadsheet_could_run_gets_a_leading_apostrophe(value, exported):
    assert escape_formula(value) == exported


@pytest.mark.parametrize(
    "value", ["=1+1", "'=1+1", "''=1+1", "-120", "'-120", "-", "'", "'quoted'", "a=b", "@home", "'@home", ""]
)
def test_an_exported_cell_imports_back_as_it_was(value):
    assert unescape_formula(escape_formula(value)) == value


@pytest.mark.parametrize(
    ("cell", "imported"), [("'=1+1", "=1+1"), ("''=1+1", "'=1+1"), ("'text", "'text"), ("=1", "=1")]
)
def test_an_import_takes_one_apostrophe_off_a_quoted_formula_only(cell, imported):
    assert unescape_formula(cell) == imported


class PartnerResource(FormulaEscapingMixin, resources.ModelResource):
    class Meta:
        model = Partner
        fields = ("slug", "name_en", "acronym")


def partners():
    return [
        Partner(slug="evil", name_en="=1+1", acronym="@A1"),
        Partner(slug="aer", name_en="Assembly of European Regions", acronym="AER"),
    ]


def test_a_resource_with_the_mixin_exports_formulae_as_text_in_csv():
    dataset = PartnerResource().export(partners())
    exported = CSV().export_data(dataset)
    assert exported.splitlines() == ["slug,name_en,acronym", "evil,'=1+1,'@A1", "aer,Assembly of European Regions,AER"]


def test_a_resource_with_the_mixin_exports_formulae_as_text_in_xlsx():
    dataset = PartnerResource().export(partners())
    sheet = load_workbook(io.BytesIO(XLSX().export_data(dataset))).active
    cell = sheet["B2"]
    assert (cell.value, cell.data_type) == ("'=1+1", "s")
    assert sheet["C2"].value == "'@A1"
