"""Models of the governance app.

Sessions, officers, attendance and agenda (``assemblies``); motions, ballots and resolutions
(``votes``). The Charter and its amendments live in their own module of this package.
"""

from governance.models.assemblies import (  # noqa: F401
    AgendaItem,
    Attendance,
    Body,
    DecisionKind,
    Officer,
    Session,
)
from governance.models.votes import (  # noqa: F401
    Ballot,
    Motion,
    PollAnnulment,
    Resolution,
    ResolutionEffect,
    RollEntry,
    Threshold,
)
