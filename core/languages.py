"""The portal's six languages and the names of their columns (django-modeltranslation).

Content is kept in English, Mongolian, Simplified Chinese, Korean, Japanese and Russian
(``settings.LANGUAGES``); a translated field ``name`` is stored as ``name_en``, ``name_mn``,
``name_zh_hans`` ... Every module asks here instead of spelling the six out again.
"""

from django.conf import settings
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname, resolution_order

# "en", "mn", "zh-hans", "ko", "ja", "ru": the codes of the URL prefixes and of gettext.
LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def localized_fields(field):
    """``name`` -> ["name_en", "name_mn", "name_zh_hans", ...]: the field in the six languages."""
    return [build_localized_fieldname(field, code) for code in LANGUAGE_CODES]


def active_language_fields(*fields):
    """The columns of translated ``fields`` that a page in the active language reads.

    ``name`` in Russian -> ["name_ru", "name_en", "name_zh_hans"]: the language itself and the
    fallbacks modeltranslation tries when it is empty. For ``only()`` on lists, whose rows
    would otherwise carry every field in six languages.
    """
    languages = resolution_order(get_language() or settings.LANGUAGE_CODE)
    return [build_localized_fieldname(field, code) for field in fields for code in languages]


def other_language_fields(*fields):
    """The columns of translated ``fields`` that a page in the active language never reads (for ``defer()``)."""
    read = set(active_language_fields(*fields))
    return [column for field in fields for column in localized_fields(field) if column not in read]
