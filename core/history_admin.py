"""The admin's History pages (django-simple-history): who changed what and when, read-only."""

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class RecordHistoryAdmin(SimpleHistoryAdmin):
    """``SimpleHistoryAdmin`` whose page of an old version only shows it.

    simple-history saves an old version through the admin form on any POST to that page, for
    anybody who may view the record (``SIMPLE_HISTORY_REVERT_DISABLED`` only hides the
    button): past the finance-only rule, the locks of closed polls and the read-only fields of
    payments. A correction is made on the record itself, where those rules apply.
    """

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class KeptRecordsAdminMixin:
    """An admin that lists and opens every row of a model whose default manager leaves some out:
    annulled resolutions, revoked amendments and article versions are kept, and the secretariat
    reads them here (``Model.all_objects``) with the annulment or revocation that set them aside.
    """

    def get_queryset(self, request):
        queryset = self.model.all_objects.get_queryset()
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset
