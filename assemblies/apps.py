from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssembliesConfig(AppConfig):
    name = "assemblies"
    verbose_name = _("General Assembly and Working Committee")

    def ready(self):
        from assemblies.effect_parameters import parse
        from assemblies.models import ResolutionEffect

        # ResolutionEffect.clean checks an effect's parameters with the parser of its kind.
        ResolutionEffect.parse_parameters = staticmethod(parse)
