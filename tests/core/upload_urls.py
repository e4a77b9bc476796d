"""The portal's URLs plus one upload form, to test the upload limits end to end."""

from django import forms
from django.http import HttpResponse
from django.urls import path

from core.uploads import DOCUMENT_KINDS, MB, FileValidator
from near_portal.urls import handler400, handler500  # noqa: F401
from near_portal.urls import urlpatterns as portal_urlpatterns


class AttachmentForm(forms.Form):
    file = forms.FileField(validators=[FileValidator(max_size=1 * MB, kinds=DOCUMENT_KINDS)])


def upload(request):
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        return HttpResponse(f"received {form.cleaned_data['file'].size} bytes")
    return HttpResponse(form.errors.as_text(), status=422)


urlpatterns = [path("test-upload/", upload), *portal_urlpatterns]
