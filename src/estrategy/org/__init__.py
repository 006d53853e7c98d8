"""The organisation graph and its analyses.

Analyses run on compact arrays (:class:`~estrategy.model.tables.OrgTables`, re-exported
here with its builders) built straight from a CSV folder
(:func:`estrategy.io.orgcsv.read_tables`) or from a model's
:class:`~estrategy.model.Organization`; every public analysis accepts either. The
networkx graph (:func:`org_graph`) is built only when asked for, for scripting.

Example:
    >>> from estrategy.model import Organization, Person, Unit
    >>> org = Organization(units=[Unit(id="hq"), Unit(id="ops", parent="hq")],
    ...                    people=[Person(id="ann", unit="ops")])
    >>> hierarchical_lines(org).heads
    ('ops',)
"""

from typing import TYPE_CHECKING

from estrategy.base.lazy import homes, lazy_exports
from estrategy.model.tables import NONE, CodeList, OrgTables, as_tables, tables_from_organization
from estrategy.org.brokerage import (
    Broker,
    BrokerageRoles,
    Brokers,
    StructuralHoles,
    brokerage_roles,
    brokers,
    lines_touched,
    structural_holes,
)
from estrategy.org.hierarchy import (
    HierarchicalLines,
    HierarchyShape,
    hierarchical_lines,
    hierarchy_shape,
)
from estrategy.org.reach import (
    FIELD_ROLES,
    FieldReach,
    UpwardReach,
    steps_to_decision_makers,
    upward_reach,
)
from estrategy.org.summary import OrgAnalysis, analyze
from estrategy.org.transversal import (
    EsnReach,
    GroupSpan,
    GroupTransversality,
    Isolates,
    LineCollaboration,
    LineLink,
    LineTies,
    Silos,
    Transversality,
    esn_reach,
    group_transversality,
    isolates,
    line_collaboration,
    silos,
    transversality,
)

if TYPE_CHECKING:
    from estrategy.org.graph import RELATIONS, org_graph, sampled_betweenness, tie_graph

# networkx is imported only by those who ask for a graph
__getattr__, __dir__ = lazy_exports(
    __name__,
    homes("estrategy.org.graph", ("RELATIONS", "org_graph", "sampled_betweenness", "tie_graph")),
)


__all__ = [
    "FIELD_ROLES",
    "NONE",
    "RELATIONS",
    "Broker",
    "BrokerageRoles",
    "Brokers",
    "CodeList",
    "EsnReach",
    "FieldReach",
    "GroupSpan",
    "GroupTransversality",
    "HierarchicalLines",
    "HierarchyShape",
    "Isolates",
    "LineCollaboration",
    "LineLink",
    "LineTies",
    "OrgAnalysis",
    "OrgTables",
    "Silos",
    "StructuralHoles",
    "Transversality",
    "UpwardReach",
    "analyze",
    "as_tables",
    "brokerage_roles",
    "brokers",
    "esn_reach",
    "group_transversality",
    "hierarchical_lines",
    "hierarchy_shape",
    "isolates",
    "line_collaboration",
    "lines_touched",
    "org_graph",
    "sampled_betweenness",
    "silos",
    "steps_to_decision_makers",
    "structural_holes",
    "tables_from_organization",
    "tie_graph",
    "transversality",
    "upward_reach",
]
