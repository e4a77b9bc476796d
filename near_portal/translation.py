"""Six-language content fields of the near_portal app (django-modeltranslation)."""

from near_portal.report import translation  # noqa: F401
