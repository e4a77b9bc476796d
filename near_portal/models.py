"""Models of the near_portal app: those of the annual report (near_portal/report/models.py)."""

from near_portal.report.models import (  # noqa: F401
    ReportEdition,
    ReportMessage,
    SecretariatPost,
    SecretariatProfile,
)
