"""Requests the portal cannot read are answered 400 before any view sees them."""

from django.core.exceptions import BadRequest


class RejectNullCharactersMiddleware:
    """A NUL character in the path or the query string: 400 with the translated page.

    PostgreSQL text cannot hold NUL, so a view that searches or filters by such a parameter
    would fail with a 500; no real address contains one. Forms reject NUL in posted fields
    themselves (Django's ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in key or "\x00" in value for key, value in request.GET.items()):
            raise BadRequest("NUL character in the address")
        return self.get_response(request)
