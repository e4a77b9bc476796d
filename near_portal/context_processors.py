"""Template context shared by every public page."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, get_language_from_path, override


def languages(request):
    """The language switcher and hreflang links: the same page in each of the six languages."""
    path = request.get_full_path()
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = same_page_in(request, path, code)
        absolute_url = request.build_absolute_uri(url)
        links.append({"code": code, "name": name, "url": url, "absolute_url": absolute_url, "current": code == current})
    return {"language_links": links}


def same_page_in(request, path, code):
    """``path`` (the request's, with its query) in language ``code``.

    Reverses the view the request already resolved to, rather than resolving the path again
    for each language as ``translate_url`` does. An address no view answers (a 404 page) keeps
    its path under the other language's prefix, so the visitor reads the 404 page in that language.
    """
    match = request.resolver_match
    if match is None:
        prefix = get_language_from_path(path)
        return f"/{code}/{path[len(prefix) + 2 :]}" if prefix and path.startswith(f"/{prefix}/") else path
    with override(code):
        try:
            translated = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return path
    return urlunsplit(urlsplit(path)._replace(path=translated))
