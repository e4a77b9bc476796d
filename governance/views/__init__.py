"""Public views of the governance app, one module per concern."""
