"""The filters of the documents library, read from the query string and checked."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.languages import LANGUAGE_CODES
from core.params import BadParameter
from documents.models import Body, Kind

YEAR = re.compile(r"[1-9][0-9]{3}")


@dataclass(frozen=True)
class DocumentFilters:
    kind: str = ""
    body: str = ""
    year: int | None = None
    language: str = ""

    def apply(self, documents):
        if self.kind:
            documents = documents.filter(kind=self.kind)
        if self.body:
            documents = documents.filter(body=self.body)
        if self.year is not None:
            documents = documents.filter(date__year=self.year)
        if self.language:
            # One file per document and language (a constraint): the join repeats no document.
            documents = documents.filter(files__language=self.language)
        return documents

    @property
    def active(self):
        return bool(self.kind or self.body or self.year or self.language)


def read_filters(params) -> DocumentFilters:
    """The filters in ``params`` (request.GET); raise BadParameter for a value that is not one."""
    kind = params.get("kind", "")
    if kind and kind not in Kind.values:
        raise BadParameter(_("“%(value)s” is not a kind of document.") % {"value": kind[:50]})
    body = params.get("body", "")
    if body and body not in Body.values:
        raise BadParameter(_("“%(value)s” is not a body that issues documents.") % {"value": body[:50]})
    year = params.get("year", "")
    if year and not YEAR.fullmatch(year):
        raise BadParameter(_("The year must be written with four digits, for example 2018."))
    language = params.get("language", "")
    if language and language not in LANGUAGE_CODES:
        raise BadParameter(_("“%(value)s” is not one of the portal's languages.") % {"value": language[:50]})
    return DocumentFilters(kind=kind, body=body, year=int(year) if year else None, language=language)
