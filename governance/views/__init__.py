"""Public views of the governance app: the instruments (``instruments``), sessions and votes (``assemblies``)."""
