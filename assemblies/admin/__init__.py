"""Admin of the assemblies app, one module per part (registration happens on import)."""

from assemblies.admin import sessions  # noqa: F401
