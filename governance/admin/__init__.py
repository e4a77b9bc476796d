"""Admin of the governance app, one module per part (registration happens on import)."""

from governance.admin import assemblies, instruments  # noqa: F401
