"""The site model: pydantic classes with Chinese keys, and built-in city profiles."""

from signkit.model.fields import RISK_LEVELS
from signkit.model.region import CITY_PROFILES, ResolvedRegion, resolve_region
from signkit.model.site import (
    Channel,
    Department,
    Enterprise,
    InternalDept,
    Leader,
    Post,
    Region,
    RiskPoint,
    Site,
    Supervision,
    Team,
    Workplace,
    WorkplacePost,
)

__all__ = [
    "CITY_PROFILES",
    "RISK_LEVELS",
    "Channel",
    "Department",
    "Enterprise",
    "InternalDept",
    "Leader",
    "Post",
    "Region",
    "ResolvedRegion",
    "RiskPoint",
    "Site",
    "Supervision",
    "Team",
    "Workplace",
    "WorkplacePost",
    "resolve_region",
]
