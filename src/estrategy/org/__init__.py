"""The organisation graph and its analyses.

Analyses run on compact arrays (:class:`~estrategy.org.tables.OrgTables`) built straight
from a CSV folder or from a model's :class:`~estrategy.model.Organization`; the networkx
graph (:func:`org_graph`) is built only when asked for, for scripting.
"""

from estrategy.org.tables import NONE, CodeList, OrgTables, tables_from_organization

__all__ = ["NONE", "CodeList", "OrgTables", "tables_from_organization"]
