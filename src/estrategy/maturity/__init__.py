"""Digital maturity: dimensions, levels, the quadrant, the eight steps and custom criteria.

    >>> import estrategy
    >>> result = estrategy.assess(estrategy.load_demo())
    >>> result.quadrant.name, result.levels["organisation"]
    ('digirati', 4)

A maturity model (dimensions, weighted criteria, level cut-offs, size-aware thresholds) is
data: the default one is ``estrategy/data/maturity.toml``; users load their own with
:func:`load_maturity_model`. Criteria are plain functions declared with :func:`criterion`
or published under the ``estrategy.criteria`` entry points. See docs/maturity.md.
"""

from estrategy.maturity.assessment import assess
from estrategy.maturity.comparison import (
    Comparison,
    CriterionChange,
    DimensionChange,
    StepChange,
    compare,
)
from estrategy.maturity.criteria import BUILTIN_CRITERIA
from estrategy.maturity.criterion import (
    Criterion,
    CriterionContext,
    CriterionFunction,
    CriterionResult,
    Evidence,
    criterion,
)
from estrategy.maturity.facts import ModelFacts
from estrategy.maturity.loading import load_maturity_model, maturity_model_from_text
from estrategy.maturity.plugins import ENTRY_POINT_GROUP, CriterionPluginError, discover_criteria
from estrategy.maturity.quadrant import QUADRANT_NAMES
from estrategy.maturity.results import (
    Assessment,
    CriterionScore,
    DimensionScore,
    Overall,
    QuadrantPosition,
    StepResult,
    StepStatus,
)
from estrategy.maturity.spec import (
    CriterionSpec,
    DimensionSpec,
    LevelScale,
    MaturityModel,
    QuadrantSpec,
    SizeValue,
    StepsSpec,
    default_maturity_model,
)
from estrategy.maturity.steps import STEP_IDS

__all__ = [
    "BUILTIN_CRITERIA",
    "ENTRY_POINT_GROUP",
    "QUADRANT_NAMES",
    "STEP_IDS",
    "Assessment",
    "Comparison",
    "Criterion",
    "CriterionChange",
    "CriterionContext",
    "CriterionFunction",
    "CriterionPluginError",
    "CriterionResult",
    "CriterionScore",
    "CriterionSpec",
    "DimensionChange",
    "DimensionScore",
    "DimensionSpec",
    "Evidence",
    "LevelScale",
    "MaturityModel",
    "ModelFacts",
    "Overall",
    "QuadrantPosition",
    "QuadrantSpec",
    "SizeValue",
    "StepChange",
    "StepResult",
    "StepStatus",
    "StepsSpec",
    "assess",
    "compare",
    "criterion",
    "default_maturity_model",
    "discover_criteria",
    "load_maturity_model",
    "maturity_model_from_text",
]
