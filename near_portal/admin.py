"""The admin site's titles, in the staff member's language, and the annual report's admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from near_portal.report import admin as report_admin  # noqa: F401  (registers the report's models)

admin.site.site_header = _("NEAR secretariat")
admin.site.site_title = _("NEAR secretariat")
admin.site.index_title = _("Records of the association")
