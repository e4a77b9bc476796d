"""The secretariat's minutes pages in the admin: the preview of a session's minutes, their PDFs, and publishing.

Reached from the session's change form (its "Minutes" button) at
``/admin/documents/document/minutes/<session>/``. Anyone who may view documents sees the
preview; publishing needs the permissions of what it writes (``can_publish_minutes``).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from assemblies.models import Session
from core.caching import rendered_once
from core.languages import LANGUAGE_CODES
from documents import minutes as generated
from documents.models import MinutesPublication

# What publishing writes: the document, its language versions and the publication row.
PUBLISH_PERMISSIONS = (
    "documents.add_document",
    "documents.change_document",
    "documents.add_documentfile",
    "documents.change_documentfile",
    "documents.add_minutespublication",
)


def can_publish_minutes(user) -> bool:
    """Whether ``user`` may publish minutes: the permissions of every row publishing writes."""
    return user.has_perms(PUBLISH_PERMISSIONS)


def _session(session_id) -> Session:
    return get_object_or_404(Session.objects.select_related("host", "chair"), pk=session_id)


def _language(request) -> str:
    language = request.GET.get("language", "en")
    if language not in LANGUAGE_CODES:
        raise Http404(_("No such language."))
    return language


def preview_view(model_admin, request, session_id):
    """The minutes as they would be published now, in one language, with the publications so far."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    session = _session(session_id)
    preview_url = reverse("admin:documents_document_minutes", args=[session.pk])
    may_publish = can_publish_minutes(request.user)
    if request.method == "POST":
        if not may_publish:
            raise PermissionDenied
        try:
            publication = generated.publish_minutes(session=session, published_by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Version %(version)s of %(symbol)s is published.")
                % {"version": publication.version, "symbol": publication.document.symbol},
            )
        return redirect(preview_url)
    language = _language(request)
    minutes = generated.minutes_of(session)
    publications = MinutesPublication.objects.filter(
        document__session=session, document__kind="minutes"
    ).select_related("document", "published_by")
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Minutes of the %(session)s") % {"session": session.title},
        "session": session,
        "language": language,
        "languages": settings.LANGUAGES,
        "body": generated.render_body(minutes, language),
        "heading": generated.minutes_title_in(session, language),
        "publications": publications,
        "may_publish": may_publish,
        "preview_url": preview_url,
        "pdf_url": reverse("admin:documents_document_minutes_pdf", args=[session.pk]),
    }
    return TemplateResponse(request, "admin/documents/minutes_preview.html", context)


def preview_pdf_view(model_admin, request, session_id):
    """The minutes' PDF as it would be published now (marked as a draft), rendered once per content version."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    session = _session(session_id)
    language = _language(request)
    pdf = rendered_once(
        "minutes-pdf",
        language,
        str(session.pk),
        render=lambda: generated.render_pdf(generated.minutes_of(session), language),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="near-minutes-draft-{session.body}-{session.key}-{language}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
