"""Models of the governance app.

``instruments``: the Charter and the Regulations, article by article, with their amendments.
``assemblies``: sessions, officers, attendance and agenda; ``votes``: motions, ballots and
resolutions.
"""

from governance.models.assemblies import (  # noqa: F401
    AgendaItem,
    Attendance,
    Body,
    DecisionKind,
    Officer,
    Session,
)
from governance.models.instruments import (  # noqa: F401
    Amendment,
    Article,
    ArticleVersion,
    Heading,
    Instrument,
    Paragraph,
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
