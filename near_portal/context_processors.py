"""Template context shared by every public page."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def languages(request):
    """The language switcher and hreflang links: the same page in each of the six languages."""
    path = request.get_full_path()
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)  # resolves the path: once per language
        absolute_url = request.build_absolute_uri(url)
        links.append({"code": code, "name": name, "url": url, "absolute_url": absolute_url, "current": code == current})
    return {"language_links": links}
