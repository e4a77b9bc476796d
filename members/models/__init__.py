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
