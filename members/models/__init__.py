"""Models of the members app: the directory (countries, governments, history, partners, contacts)."""

from members.models.directory import (  # noqa: F401
    Country,
    DatePrecision,
    LiaisonContact,
    MemberGovernment,
    MembershipEvent,
    MembershipType,
    NaturalKeyManager,
    Partner,
)
from members.models.dues import (  # noqa: E402,F401
    DUES_MODELS,
    Assessment,
    AssessmentPeriod,
    BudgetLine,
    CostCurrency,
    Currency,
    DuesBudget,
    DuesDecision,
    DuesRate,
    Expenditure,
    MeetingCost,
    Payment,
    Settlement,
    Waiver,
)
