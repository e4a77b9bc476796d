"""Six-language fields of the secretariat's description in the annual report.

Messages are not registered: each message is written and signed in one language, and a
missing language must stay missing rather than fall back to another one.
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from near_portal.report.models import SecretariatPost, SecretariatProfile


@register(SecretariatProfile)
class SecretariatProfileTranslationOptions(TranslationOptions):
    fields = ("establishment", "organisation", "budget", "duties")


@register(SecretariatPost)
class SecretariatPostTranslationOptions(TranslationOptions):
    fields = ("position", "holder")


# Audit trail: registered after the translation options so the history keeps every language.
for model in (SecretariatPost, SecretariatProfile):
    simple_history.register(model)
