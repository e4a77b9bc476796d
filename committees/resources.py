"""Import and export of specialized committees (CSV/XLSX in the admin), one column per language."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from import_export import fields
from modeltranslation.utils import build_localized_fieldname

from committees.models import Committee
from core.importexport import SafeSpreadsheetResource, SlugWidget

TRANSLATED = ("name", "field_of_activity", "description", "history_note")
LANGUAGE_COLUMNS = [
    build_localized_fieldname(field, code) for field in TRANSLATED for code, _name in settings.LANGUAGES
]


class CommitteeResource(SafeSpreadsheetResource):
    """Committees keyed by slug; the bare translated fields are left out, their language columns are declared."""

    successor = fields.Field(
        attribute="successor",
        column_name="successor",
        widget=SlugWidget(Committee, _("specialized committee"), required=False),
    )
    # Participating governments are edited in the admin form; the export lists them for reading.
    participants = fields.Field(column_name="participants", readonly=True)

    class Meta:
        model = Committee
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "regulation_number",
            *LANGUAGE_COLUMNS,
            "established_on",
            "established_year",
            "created_by_amendment_of",
            "status",
            "status_changed_on",
            "successor",
            "meetings_to_2018",
            "source",
            "participants",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def dehydrate_participants(self, committee):
        return ",".join(member.slug for member in committee.participants.all())
