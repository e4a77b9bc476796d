"""Spreadsheet import and export of member governments: one name column per language."""

from django.utils.translation import gettext as _
from import_export import fields, widgets

from core.importexport import SafeSpreadsheetResource
from core.languages import localized_fields
from members.membership import record_membership_event
from members.models import Country, MemberGovernment, MembershipEvent, MembershipType

NAME_FIELDS = localized_fields("name")


class CountryCodeWidget(widgets.ForeignKeyWidget):
    """A country given by its ISO code, with an error that names the codes allowed."""

    def __init__(self):
        super().__init__(Country, field="code")

    def clean(self, value, row=None, **kwargs):
        code = (value or "").strip().upper()
        if not code:
            raise ValueError(_("a country code is required"))
        try:
            return Country.objects.get(code=code)
        except Country.DoesNotExist:
            allowed = ", ".join(Country.objects.values_list("code", flat=True))
            raise ValueError(
                _("country '%(code)s' is not one of %(allowed)s") % {"code": value, "allowed": allowed}
            ) from None


class MemberGovernmentResource(SafeSpreadsheetResource):
    """Columns: slug, country (ISO code), kind, list position, website, name_<lang> for each language.

    ``membership_type`` and ``admitted`` are exported for information and never imported:
    they follow from the membership history. A government created by an import gets an
    admission record without a date (its history is then completed in the admin).
    """

    country = fields.Field(attribute="country", column_name="country", widget=CountryCodeWidget())
    membership_type = fields.Field(attribute="membership_type", column_name="membership_type", readonly=True)
    admitted = fields.Field(attribute="admitted_on", column_name="admitted", readonly=True, widget=widgets.DateWidget())

    class Meta:
        model = MemberGovernment
        import_id_fields = ["slug"]
        fields = ["slug", "country", "kind", "list_position", "website", *NAME_FIELDS, "membership_type", "admitted"]
        export_order = fields
        skip_unchanged = True
        report_skipped = False
        clean_model_instances = True

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        if not kwargs.get("dry_run") and not instance.membership_events.exists():
            record_membership_event(
                member=instance,
                kind=MembershipEvent.Kind.ADMITTED,
                membership_type=MembershipType.MEMBER,
                date=None,
                source=_("Spreadsheet import"),
            )
