"""Admin of the governance app: one module per part (sessions and votes in ``assemblies``)."""

from governance.admin import assemblies  # noqa: F401
