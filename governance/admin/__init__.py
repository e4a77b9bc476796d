"""Admin of the governance app, one module per concern (registration happens on import)."""

from governance.admin import instruments  # noqa: F401
