"""The domain model: frozen, slotted attrs classes, enumerations and their invariants.

Nothing here does I/O or imports another part of the package.
"""

from estrategy.model.enums import (
    ActionStatus,
    Audience,
    Channel,
    Direction,
    GroupKind,
    Licence,
    OrganizationSize,
    RoleKind,
    StrategyScope,
    StrategyStatus,
    TacticKind,
    TieKind,
    ToolKind,
    ToolSide,
)
from estrategy.model.errors import IntegrityProblem, ModelIntegrityError
from estrategy.model.gaps import ACTION_FIELDS, missing_action_fields, smart_gaps
from estrategy.model.organization import Organization, Person, Tie, TransversalGroup, Unit
from estrategy.model.paths import ModelPath, format_path, parse_path
from estrategy.model.plan import (
    KPI,
    Action,
    BusinessStake,
    Measurement,
    Objective,
    Review,
    SituationAnalysis,
    Strategy,
    Tactic,
    Tool,
)
from estrategy.model.root import SCHEMA_VERSIONS, StrategyModel, integrity_problems

__all__ = [
    "ACTION_FIELDS",
    "KPI",
    "SCHEMA_VERSIONS",
    "Action",
    "ActionStatus",
    "Audience",
    "BusinessStake",
    "Channel",
    "Direction",
    "GroupKind",
    "IntegrityProblem",
    "Licence",
    "Measurement",
    "ModelIntegrityError",
    "ModelPath",
    "Objective",
    "Organization",
    "OrganizationSize",
    "Person",
    "Review",
    "RoleKind",
    "SituationAnalysis",
    "Strategy",
    "StrategyModel",
    "StrategyScope",
    "StrategyStatus",
    "Tactic",
    "TacticKind",
    "Tie",
    "TieKind",
    "Tool",
    "ToolKind",
    "ToolSide",
    "TransversalGroup",
    "Unit",
    "format_path",
    "integrity_problems",
    "missing_action_fields",
    "parse_path",
    "smart_gaps",
]
