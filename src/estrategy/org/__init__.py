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
from estrategy.org import brokerage, hierarchy, matrix, privacy, reach, risk, transversal
from estrategy.org.brokerage import *  # noqa: F403  (each module's __all__ is part of ours)
from estrategy.org.hierarchy import *  # noqa: F403
from estrategy.org.matrix import *  # noqa: F403
from estrategy.org.privacy import *  # noqa: F403
from estrategy.org.reach import *  # noqa: F403
from estrategy.org.risk import *  # noqa: F403
from estrategy.org.summary import OrgAnalysis, analyze
from estrategy.org.transversal import *  # noqa: F403

if TYPE_CHECKING:
    from estrategy.org.graph import RELATIONS as RELATIONS
    from estrategy.org.graph import org_graph as org_graph
    from estrategy.org.graph import sampled_betweenness as sampled_betweenness
    from estrategy.org.graph import tie_graph as tie_graph

_GRAPH = ("RELATIONS", "org_graph", "sampled_betweenness", "tie_graph")

# networkx is imported only by those who ask for a graph
__getattr__, __dir__ = lazy_exports(__name__, homes("estrategy.org.graph", _GRAPH))

__all__ = [
    "NONE",
    "CodeList",
    "OrgAnalysis",
    "OrgTables",
    "analyze",
    "as_tables",
    "tables_from_organization",
    *_GRAPH,
]
__all__ += brokerage.__all__
__all__ += hierarchy.__all__
__all__ += matrix.__all__
__all__ += privacy.__all__
__all__ += reach.__all__
__all__ += risk.__all__
__all__ += transversal.__all__
