"""Template context shared by every public page."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def languages(request):
    """The language switcher and hreflang links: the same page in each of the six languages."""
    path = request.get_full_path()
    current = get_language()
    return {
        "language_links": [
            {
                "code": code,
                "name": name,
                "url": translate_url(path, code),
                "absolute_url": request.build_absolute_uri(translate_url(path, code)),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]
    }
