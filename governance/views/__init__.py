"""Public views of the governance app: one module per part (sessions and votes in ``assemblies``)."""
