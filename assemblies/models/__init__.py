"""Models of the assemblies app.

``sessions``: sessions, officers, attendance and agenda; ``votes``: motions, ballots and
resolutions.
"""

from assemblies.models.sessions import (  # noqa: F401
    AgendaItem,
    Attendance,
    Body,
    DecisionKind,
    Officer,
    Session,
)
from assemblies.models.votes import (  # noqa: F401
    Ballot,
    Motion,
    PollAnnulment,
    Resolution,
    ResolutionEffect,
    RollEntry,
    Threshold,
)
