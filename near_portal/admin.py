"""The admin site's titles, in the staff member's language."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("NEAR secretariat")
admin.site.site_title = _("NEAR secretariat")
admin.site.index_title = _("Records of the association")
