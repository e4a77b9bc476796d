"""Database sessions that report an unreachable database as such (SESSION_ENGINE).

Django's database store turns every database error met while updating a session into
``UpdateError``, which ``SessionMiddleware`` answers with a 400 ("the session was deleted
before the request completed"). When the database itself cannot be reached (a restart, a
failover) the visitor should get what every other request gets then: the 503 page with
``Retry-After`` (``near_portal.views.server_error``). So a lost connection is raised as it is;
a session really deleted meanwhile is still an ``UpdateError``.
"""

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import InterfaceError, OperationalError


class SessionStore(DatabaseSessionStore):
    """Django's database session store, letting connection errors through."""

    def save(self, must_create=False):
        try:
            return super().save(must_create=must_create)
        except UpdateError as error:
            cause = error.__context__
            if isinstance(cause, (OperationalError, InterfaceError)):
                raise cause from None
            raise
