"""The organisation graph and its analyses.

Analyses run on compact arrays (:class:`OrgTables`) built straight from a CSV folder
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

from typing import TYPE_CHECKING, Any

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
from estrategy.org.tables import NONE, CodeList, OrgTables, tables_from_organization
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

_GRAPH = ("RELATIONS", "org_graph", "sampled_betweenness", "tie_graph")


def __getattr__(name: str) -> Any:
    # networkx is imported only by those who ask for the graph
    if name in _GRAPH:
        from estrategy.org import graph

        return getattr(graph, name)
    raise AttributeError(f"module 'estrategy.org' has no attribute {name!r}")


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
