"""Django's shell, its automatic imports limited to the models importable from their module.

The historical models of django-simple-history (HistoricalMemberGovernment, ...) name a
models module that does not hold them, so Django's shell would list each of them as an
import that failed every time it starts; they stay reachable as ``Model.history.model``.
"""

from importlib import import_module

from django.core.management.commands import shell


class Command(shell.Command):
    def get_auto_imports(self):
        return [path for path in super().get_auto_imports() if importable(path)]


def importable(path: str) -> bool:
    module, _dot, name = path.rpartition(".")
    return hasattr(import_module(module), name)
