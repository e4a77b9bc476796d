"""Logging filters of the portal (``LOGGING`` in settings)."""

import logging


class ClientErrorsWithoutTraceback(logging.Filter):
    """A 4xx answer (a 403 for staff without the permission, a 404) is logged in one line, without traceback.

    Django's request logger attaches the exception of a ``PermissionDenied`` or ``Http404``;
    these are the portal answering as designed, and a traceback per refused click buries the
    real errors. Server errors (5xx) keep theirs.
    """

    def filter(self, record):
        status = getattr(record, "status_code", None)
        if status is not None and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
