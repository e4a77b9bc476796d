"""The portal's URLs plus one upload form, to test the upload limits end to end."""

from django import forms
from django.http import HttpResponse
from django.urls import path

from core.uploads import MB, DOCUMENT_KINDS, FileValidator
from near_portal.urls import handler400, handler500, urlpatterns as portal_urlpatterns  # noqa: F401


class AttachmentForm(forms.Form):
    file = forms.FileField(validators=[FileValidator(max_size=1 * MB, kinds=DOCUMENT_KINDS)])


def upload(request):
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        return HttpResponse(f"received {form.cleaned_data['file'].size} bytes")
    return HttpResponse(form.errors.as_text(), status=422)


urlpatterns = [path("test-upload/", upload), *portal_urlpatterns]
