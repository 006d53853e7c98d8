"""estrategy: a company's digital strategy as code.

Model a digital strategy (its internal and external volets, SMART objectives, tactics,
actions, KPIs and reviews, roles, tools) and the organisation that carries it out; find its
coherence gaps, analyse the organisation graph and score digital maturity.

The public API is re-exported here and imported lazily, so ``import estrategy`` stays fast:

    >>> import estrategy
    >>> model = estrategy.load_demo()
    >>> report = estrategy.check(model)
    >>> graph = estrategy.org_graph(model.organization)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estrategy.base.lazy import homes, lazy_exports
from estrategy.base.version import VERSION

__version__ = VERSION

# Public name -> module that defines it. Modules are imported on first attribute access.
_EXPORTS: dict[str, str] = {
    # errors
    "EstrategyError": "estrategy.base.errors",
    # files
    "load": "estrategy.io",
    "loads": "estrategy.io",
    "load_document": "estrategy.io",
    "load_demo": "estrategy.io",
    "save": "estrategy.io",
    "dumps": "estrategy.io",
    "LoadError": "estrategy.io",
    "json_schema": "estrategy.io",
    "to_frames": "estrategy.io",
    "from_frames": "estrategy.io",
    # rules
    "check": "estrategy.analysis",
    "Report": "estrategy.analysis",
    "Finding": "estrategy.rules",
    "Severity": "estrategy.rules",
    "rule": "estrategy.rules",
    "Rule": "estrategy.rules",
    "RuleContext": "estrategy.rules",
    "Violation": "estrategy.rules",
    "get_rule": "estrategy.rules",
    "registry": "estrategy.rules",
    # organisation
    "org_graph": "estrategy.org",
    # maturity
    "assess": "estrategy.maturity",
    "compare": "estrategy.maturity",
    "criterion": "estrategy.maturity",
    # catalogue
    "Catalogue": "estrategy.catalogue",
    "default_catalogue": "estrategy.catalogue",
}
_MODEL_EXPORTS = (
    "KPI",
    "Action",
    "BusinessStake",
    "Measurement",
    "ModelIntegrityError",
    "Objective",
    "Organization",
    "Person",
    "Review",
    "SituationAnalysis",
    "Strategy",
    "StrategyModel",
    "Tactic",
    "Tie",
    "Tool",
    "TransversalGroup",
    "Unit",
)
_EXPORTS.update(homes("estrategy.model", _MODEL_EXPORTS))

__all__ = sorted([*_EXPORTS, "__version__"])

if TYPE_CHECKING:  # pragma: no cover - static re-exports for type checkers
    from estrategy.analysis import Report as Report
    from estrategy.analysis import check as check
    from estrategy.base.errors import EstrategyError as EstrategyError
    from estrategy.catalogue import Catalogue as Catalogue
    from estrategy.catalogue import default_catalogue as default_catalogue
    from estrategy.io import LoadError as LoadError
    from estrategy.io import dumps as dumps
    from estrategy.io import from_frames as from_frames
    from estrategy.io import json_schema as json_schema
    from estrategy.io import load as load
    from estrategy.io import load_demo as load_demo
    from estrategy.io import load_document as load_document
    from estrategy.io import loads as loads
    from estrategy.io import save as save
    from estrategy.io import to_frames as to_frames
    from estrategy.maturity import assess as assess
    from estrategy.maturity import compare as compare
    from estrategy.maturity.criterion import criterion as criterion
    from estrategy.model import KPI as KPI
    from estrategy.model import Action as Action
    from estrategy.model import BusinessStake as BusinessStake
    from estrategy.model import Measurement as Measurement
    from estrategy.model import ModelIntegrityError as ModelIntegrityError
    from estrategy.model import Objective as Objective
    from estrategy.model import Organization as Organization
    from estrategy.model import Person as Person
    from estrategy.model import Review as Review
    from estrategy.model import SituationAnalysis as SituationAnalysis
    from estrategy.model import Strategy as Strategy
    from estrategy.model import StrategyModel as StrategyModel
    from estrategy.model import Tactic as Tactic
    from estrategy.model import Tie as Tie
    from estrategy.model import Tool as Tool
    from estrategy.model import TransversalGroup as TransversalGroup
    from estrategy.model import Unit as Unit
    from estrategy.org import org_graph as org_graph
    from estrategy.rules import Finding as Finding
    from estrategy.rules import Rule as Rule
    from estrategy.rules import RuleContext as RuleContext
    from estrategy.rules import Severity as Severity
    from estrategy.rules import Violation as Violation
    from estrategy.rules import get_rule as get_rule
    from estrategy.rules import registry as registry
    from estrategy.rules import rule as rule


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
