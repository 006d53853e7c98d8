"""Reading a GraphML file as it streams: expat, no tree, no DTD, every problem located.

The file is parsed by expat event by event and each node and edge goes straight into
lists of codes, so memory grows with the organisation, not with the XML. A document
type declaration is refused before anything else is read (GraphML needs none, and it is
where entity expansion attacks live). Attribute values are read with the CSV reader's
rules and bounds; every problem gets the file's line of the node or edge at fault. The
organisation is then checked as every source is: one unit, manager and supervisor per
person and one parent per unit, no cycle.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.parsers import expat

import numpy as np
import numpy.typing as npt

from estrategy.io._source import regular_file
from estrategy.io.errors import FileError, LoadError
from estrategy.io.limits import DEFAULT_LIMITS, Limits
from estrategy.io.orgcsv._cycles import cycle_messages
from estrategy.io.orgcsv._errors import excerpt
from estrategy.io.orgcsv._ids import _SLUG
from estrategy.io.orgcsv._syntax import cell_limit
from estrategy.io.orgcsv._values import _boolean, _items
from estrategy.model import GroupKind, OrganizationSize
from estrategy.model.dates import parse_date
from estrategy.model.tables import GROUP_KINDS, NONE, OrgTables, build_tables
from estrategy.model.validators import MAX_TIE_WEIGHT

__all__ = ["PERSON_KEYS", "read_graphml_tables"]

PERSON_KEYS = frozenset({"kind", "name", "roles", "skills", "external", "decision_maker"})
"""Node attributes of people that are fields, not extra HR columns."""
_UNIT_KEYS = frozenset({"kind", "name"})
_GROUP_KEYS = frozenset({"kind", "name", "group_kind", "objective", "deadline"})
_RELATIONS = {
    "child_of": ("unit", "unit"),
    "belongs_to": ("person", "unit"),
    "reports_to": ("person", "person"),
    "supervises": ("person", "person"),
    "member_of": ("person", "group"),
    "ties": ("person", "person"),
}
_MAX_PROBLEMS = 1_000  # a broken file of a million nodes reports this many, then stops
_ORDER_DIGITS = 18  # an edge's position fits in 18 digits; more is not a position


class _Stop(Exception):
    """Parsing stops: a refused construct, or too many problems."""


class _Reader:
    """The expat handlers and what they collect."""

    def __init__(self, source: str, limits: Limits, parser: Any) -> None:
        self.source = source
        self.limits = limits
        self.parser = parser
        self.problems: list[FileError] = []
        self.keys: dict[str, tuple[str, str]] = {}  # key id -> (for, attr.name)
        self.defaults: dict[str, str] = {}  # key id -> default value
        self.graph_data: dict[str, str] = {}
        self.depth = 0
        self.graphs = 0
        self.current: dict[str, str] | None = None  # the node or edge being read
        self.element: tuple[str, str, str, int] | None = None  # kind, id/source, target, line
        self.data_key: str | None = None
        self.in_default: str | None = None
        self.text: list[str] = []
        self.text_size = 0
        self.by_domain: dict[str, tuple[int, dict[str, str], dict[str, str]]] = {}
        self.build = _Build(self)

    def problem(self, line: int | None, message: str) -> None:
        """Note a problem at ``line``; past a thousand, stop reading."""
        self.problems.append(FileError(self.source, line, None, ("organization",), message))
        if len(self.problems) >= _MAX_PROBLEMS:
            raise _Stop

    def start(self, name: str, attributes: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        line = self.parser.CurrentLineNumber
        if tag == "key":
            key = attributes.get("id", "")
            if len(self.keys) >= self.limits.max_columns:
                self.problem(
                    line,
                    f"more than {self.limits.max_columns:,} attribute keys (Limits.max_columns)",
                )
                raise _Stop
            self.keys[key] = (attributes.get("for", "all"), attributes.get("attr.name", key))
            self.in_default = key
        elif tag == "default" and self.in_default is not None:
            self._begin_text(self.in_default)
        elif tag == "graph":
            self.graphs += 1
            if self.graphs > 1 or self.current is not None:
                self.problem(line, "nested or several graphs are not read: one graph per file")
                raise _Stop
        elif tag == "node":
            if self.current is not None:
                self.problem(line, "a node inside a node or an edge (nested graphs are not read)")
                raise _Stop
            self.current = {}
            self.element = ("node", attributes.get("id", ""), "", line)
        elif tag == "edge":
            self.current = {}
            self.element = (
                "edge",
                attributes.get("source", ""),
                attributes.get("target", ""),
                line,
            )
        elif tag == "hyperedge":
            self.problem(line, "hyperedges are not read")
        elif tag == "data":
            self._begin_text(attributes.get("key", ""))

    def _begin_text(self, key: str) -> None:
        self.data_key = key
        self.text = []
        self.text_size = 0

    def characters(self, text: str) -> None:
        if self.data_key is not None:
            self.text_size += len(text)
            if self.text_size > cell_limit():
                self.problem(
                    self.parser.CurrentLineNumber,
                    f"an attribute value is longer than {cell_limit():,} characters",
                )
                raise _Stop
            self.text.append(text)

    def end(self, name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag == "data" and self.data_key is not None:
            value = "".join(self.text)
            if self.current is not None:
                self.current[self.data_key] = value
            else:
                self.graph_data[self.data_key] = value
            self.data_key = None
        elif tag == "default" and self.data_key is not None:
            self.defaults[self.data_key] = "".join(self.text)
            self.data_key = None
        elif tag == "key":
            self.in_default = None
        elif tag in ("node", "edge") and self.current is not None and self.element is not None:
            kind, first, second, line = self.element
            if kind == "node":
                self.build.node(first, self.named(self.current, "node"), line)
            else:
                self.build.edge(first, second, self.named(self.current, "edge"), line)
            self.current = None
            self.element = None

    def refuse_doctype(self, *_: object) -> None:
        self.problem(
            self.parser.CurrentLineNumber,
            "a document type declaration (DOCTYPE) is refused: GraphML needs none, and it "
            "can declare entities",
        )
        raise _Stop

    def named(self, data: dict[str, str], domain: str) -> dict[str, str]:
        """A node's or edge's data by attribute name, with the keys' defaults."""
        names, defaults = self._domain(domain)
        out = dict(defaults)
        for key, value in data.items():
            out[names.get(key, key)] = value
        return out

    def _domain(self, domain: str) -> tuple[dict[str, str], dict[str, str]]:
        """The attribute name of each key and the defaults, for ``node``, ``edge``, ``graph``."""
        cached = self.by_domain.get(domain)
        if cached is None or cached[0] != len(self.keys):
            names = {
                key: name for key, (where, name) in self.keys.items() if where in (domain, "all")
            }
            defaults = {names[key]: value for key, value in self.defaults.items() if key in names}
            cached = (len(self.keys), names, defaults)
            self.by_domain[domain] = cached
        return cached[1], cached[2]


def read_graphml_tables(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> OrgTables:
    """Read a GraphML file written by :func:`estrategy.io.graphml.write_graphml` into arrays.

    Args:
        path: the GraphML file.
        limits: the size bound (:attr:`Limits.max_table_bytes`) and the most attribute
            keys (:attr:`Limits.max_columns`).

    Returns:
        The organisation as :class:`~estrategy.model.tables.OrgTables`.

    Raises:
        LoadError: the file is not GraphML, is too big, declares a DTD, or a node or edge
            does not fit; every problem with the line of its node or edge.
    """
    source = str(path)
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _one(source, "no such file") from None
    if not regular_file(path):
        raise _one(source, "this is not a regular file (a pipe or a device?): refused")
    if size > limits.max_table_bytes:
        raise _one(
            source,
            f"the file is {size:,} bytes, more than the limit of {limits.max_table_bytes:,} "
            "(Limits.max_table_bytes)",
        )
    parser = expat.ParserCreate()
    reader = _Reader(source, limits, parser)
    parser.buffer_text = True
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.characters
    parser.StartDoctypeDeclHandler = reader.refuse_doctype
    parser.EntityDeclHandler = reader.refuse_doctype
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        with path.open("rb") as stream:
            parser.ParseFile(stream)
    except _Stop:
        raise LoadError(reader.problems) from None
    except expat.ExpatError as exc:
        raise LoadError(
            [
                *reader.problems,
                FileError(
                    source,
                    exc.lineno,
                    exc.offset + 1,
                    (),
                    f"not valid GraphML: {expat.errors.messages[exc.code]}",
                ),
            ]
        ) from None
    if reader.problems:
        raise LoadError(reader.problems)
    return _tables(reader, reader.build, path)


def _one(source: str, message: str) -> LoadError:
    return LoadError([FileError(source, None, None, (), message)])


class _Build:
    """The organisation being built, node by node and edge by edge, into compact lists."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.kind_of: dict[str, tuple[str, int]] = {}
        self.rejected: set[str] = set()  # nodes already reported: their edges are not
        self.units: list[str] = []
        self.unit_names: list[str] = []
        self.unit_parent = array("i")
        self.people: list[str] = []
        self.person_names: list[str] = []
        self.person_unit = array("i")
        self.manager = array("i")
        self.supervisor = array("i")
        self.roles: list[tuple[str, ...]] = []
        self.skills: list[tuple[str, ...]] = []
        self.external = array("b")
        self.decision_maker = array("b")
        self.person_extra: dict[str, list[str]] = {}
        self.groups: list[str] = []
        self.group_names: list[str] = []
        self.group_kind = array("b")
        self.objective: list[str | None] = []
        self.deadline: list[str | None] = []
        # member_of and ties: codes, then the edge's order (-1: none) and number
        self.member = (array("i"), array("i"), array("q"), array("q"))
        self.tie = (array("i"), array("i"), array("b"), array("d"), array("q"), array("q"))
        self.pending: list[tuple[str, str, dict[str, str], int, int]] = []
        self.edges = 0
        # the relations a node has one of: what they fill, whose, what, the other end's ids
        self.single: dict[str, tuple[array[int], str, str, list[str]]] = {
            "child_of": (self.unit_parent, "unit", "parent units", self.units),
            "belongs_to": (self.person_unit, "person", "units", self.units),
            "reports_to": (self.manager, "person", "managers", self.people),
            "supervises": (self.supervisor, "person", "supervisors", self.people),
        }

    def problem(self, line: int | None, message: str) -> None:
        self.reader.problem(line, message)

    def reject(self, node: str, line: int, message: str) -> None:
        self.rejected.add(node)
        self.problem(line, message)

    def node(self, node: str, data: dict[str, str], line: int) -> None:
        label = f"node {excerpt(node)}"
        if _SLUG.match(node) is None:
            self.reject(node, line, f"{label}: not a valid id (letters, digits and - _ . : @ / +)")
            return
        if node in self.kind_of:
            self.problem(line, f"{label}: the id is already the id of a {self.kind_of[node][0]}")
            return
        kind = data.get("kind")
        if kind == "unit":
            self.kind_of[node] = ("unit", len(self.units))
            self.units.append(node)
            self.unit_names.append(data.get("name", ""))
            self.unit_parent.append(NONE)
        elif kind == "person":
            self._person(node, data, line, label)
        elif kind == "group":
            self._group(node, data, line, label)
        else:
            shown = "none" if kind is None else excerpt(kind)
            self.reject(node, line, f"{label}: kind must be person, unit or group, got {shown}")

    def _person(self, node: str, data: dict[str, str], line: int, label: str) -> None:
        try:
            roles = _ids(_items(data.get("roles", "")), "roles")
            skills = _ids(_items(data.get("skills", "")), "skills")
            external = _flag(data, "external")
            decision_maker = _flag(data, "decision_maker")
        except ValueError as exc:
            self.reject(node, line, f"{label}: {exc}")
            return
        count = len(self.people)
        self.kind_of[node] = ("person", count)
        self.people.append(node)
        self.person_names.append(data.get("name", ""))
        self.person_unit.append(NONE)
        self.manager.append(NONE)
        self.supervisor.append(NONE)
        self.roles.append(roles)
        self.skills.append(skills)
        self.external.append(external)
        self.decision_maker.append(decision_maker)
        for column in data:
            if column not in PERSON_KEYS and column not in self.person_extra:
                self.person_extra[column] = [""] * count
        for column, values in self.person_extra.items():
            values.append(data.get(column, ""))

    def _group(self, node: str, data: dict[str, str], line: int, label: str) -> None:
        value = data.get("group_kind") or GROUP_KINDS[0].value
        deadline = data.get("deadline") or None
        try:
            group_kind = GROUP_KINDS.index(GroupKind(value))
        except ValueError:
            known = ", ".join(k.value for k in GROUP_KINDS)
            self.reject(node, line, f"{label}: unknown group kind {excerpt(value)}; known: {known}")
            return
        if deadline is not None:
            try:
                deadline = parse_date(deadline).isoformat()
            except ValueError as exc:
                self.reject(node, line, f"{label}: {exc}")
                return
        self.kind_of[node] = ("group", len(self.groups))
        self.groups.append(node)
        self.group_names.append(data.get("name", ""))
        self.group_kind.append(group_kind)
        self.objective.append(data.get("objective"))
        self.deadline.append(deadline)

    def edge(self, u: str, v: str, data: dict[str, str], line: int) -> None:
        """An edge read; one naming a node not read yet waits for the end of the file."""
        number = self.edges
        self.edges += 1
        if u in self.kind_of and v in self.kind_of:
            self._edge(u, v, data, line, number)
        elif u not in self.rejected and v not in self.rejected:
            self.pending.append((u, v, data, line, number))

    def finish(self) -> None:
        """Resolve the edges that named a node before it was read."""
        for u, v, data, line, number in self.pending:
            if u in self.rejected or v in self.rejected:
                continue
            missing = next((x for x in (u, v) if x not in self.kind_of), None)
            if missing is not None:
                label = f"edge {_plain(u)} -> {_plain(v)}"
                relation = data.get("relation", "an edge")
                self.problem(
                    line, f"{label}: {relation} names {excerpt(missing)}, which is no node"
                )
                continue
            self._edge(u, v, data, line, number)
        self.pending = []

    def _edge(self, u: str, v: str, data: dict[str, str], line: int, number: int) -> None:
        relation = data.get("relation")
        label = f"edge {_plain(u)} -> {_plain(v)}"
        if relation not in _RELATIONS:
            shown = "none" if relation is None else excerpt(relation)
            self.problem(line, f"{label}: unknown relation {shown}")
            return
        want = _RELATIONS[relation]
        (ku, cu), (kv, cv) = self.kind_of[u], self.kind_of[v]
        if (ku, kv) != want:
            self.problem(line, f"{label}: {relation} goes from a {want[0]} to a {want[1]}")
            return
        if relation in self.single:
            target, whose, what, other_ids = self.single[relation]
            # supervision points from the supervisor to the supervised person
            subject, other = (cv, cu) if relation == "supervises" else (cu, cv)
            holder = v if relation == "supervises" else u
            if target[subject] not in (NONE, other):
                before = other_ids[target[subject]]
                self.problem(
                    line,
                    f"{label}: {whose} {excerpt(holder)} has two {what} "
                    f"({excerpt(before)} and {excerpt(other_ids[other])})",
                )
                return
            target[subject] = other
            return
        try:
            order = _order(data.get("order"))
            if relation == "member_of":
                group, person, orders, numbers = self.member
                group.append(cv)
                person.append(cu)
                orders.append(order)
                numbers.append(number)
                return
            kind = data.get("kind") or "collaboration"
            if kind not in ("collaboration", "esn"):
                raise ValueError(f"unknown tie kind {excerpt(kind)}; known: collaboration, esn")
            weight = _weight(data.get("weight"))
            source, target, esn, weights, orders, numbers = self.tie
            source.append(cu)
            target.append(cv)
            esn.append(kind == "esn")
            weights.append(weight)
            orders.append(order)
            numbers.append(number)
        except ValueError as exc:
            self.problem(line, f"{label}: {exc}")


def _plain(node: str) -> str:
    """A node id as it is when it is an id, else a short escaped quotation of it."""
    return node if _SLUG.match(node) is not None else excerpt(node)


def _ids(values: Iterable[str], what: str) -> tuple[str, ...]:
    out = tuple(values)
    for value in out:
        if _SLUG.match(value) is None:
            raise ValueError(f"{what}: {excerpt(value)} is not a valid id")
    return out


def _flag(data: dict[str, str], key: str) -> bool:
    """A true/false attribute, read like the same CSV cell (anything else is an error)."""
    try:
        return _boolean(data.get(key, ""))
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}") from None


def _order(value: str | None) -> int:
    """An edge's position in the input, or ``-1`` (edges from other tools come last)."""
    if value is None:
        return -1
    text = value.strip()
    if not text.isdigit() or len(text) > _ORDER_DIGITS:
        raise ValueError(f"order must be a position (a whole number), got {excerpt(value)}")
    return int(text)


def _weight(value: str | None) -> float:
    """A tie's weight: empty or absent is 1, as in a CSV file; from 0 to 10¹²."""
    if value is None or not value.strip():
        return 1.0
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and 0 <= number <= MAX_TIE_WEIGHT):
        raise ValueError(f"weight must be a number from 0 to 1e12, got {excerpt(value)}")
    return number


def _in_order(order: npt.NDArray[np.int64], number: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Edges by their ``order``, those without one after, in file order."""
    key = np.where(order >= 0, order, number + _LAST)
    return np.lexsort((number, key))


_LAST = 10**_ORDER_DIGITS


def _tables(reader: _Reader, build: _Build, path: Path) -> OrgTables:
    build.finish()
    parent = np.frombuffer(build.unit_parent, dtype=np.int32).copy()
    manager = np.frombuffer(build.manager, dtype=np.int32).copy()
    for message in cycle_messages(parent, build.units, "unit parent"):
        build.problem(None, message)
    for message in cycle_messages(manager, build.people, "manager"):
        build.problem(None, message)
    if reader.problems:
        raise LoadError(reader.problems)
    graph = reader.named(reader.graph_data, "graph")
    size_text = graph.get("size", OrganizationSize.SMALL.value)
    try:
        size = OrganizationSize(size_text)
    except ValueError:
        raise LoadError(
            [
                FileError(
                    str(path),
                    None,
                    None,
                    ("organization", "size"),
                    f"unknown size {excerpt(size_text)}",
                )
            ]
        ) from None
    group, person, member_order, member_number = (np.asarray(c) for c in build.member)
    members = _in_order(member_order.astype(np.int64), member_number.astype(np.int64))
    source, target, esn, weight, tie_order, tie_number = (np.asarray(c) for c in build.tie)
    ties = _in_order(tie_order.astype(np.int64), tie_number.astype(np.int64))
    return build_tables(
        name=graph.get("name", path.stem),
        size=size,
        unit_ids=build.units,
        unit_names=build.unit_names,
        unit_parent=parent,
        person_ids=build.people,
        person_names=build.person_names,
        person_unit=np.asarray(build.person_unit),
        person_manager=manager,
        person_supervisor=np.asarray(build.supervisor),
        person_external=np.asarray(build.external, dtype=np.bool_),
        person_decision_maker=np.asarray(build.decision_maker, dtype=np.bool_),
        roles=build.roles,
        skills=build.skills,
        group_ids=build.groups,
        group_names=build.group_names,
        group_kind=np.asarray(build.group_kind),
        group_objective=build.objective,
        group_deadline=build.deadline,
        member_group=group[members],
        member_person=person[members],
        tie_source=source[ties],
        tie_target=target[ties],
        tie_esn=esn[ties].astype(np.bool_),
        tie_weight=weight[ties],
        attributes={"person": dict(sorted(build.person_extra.items()))}
        if build.person_extra
        else {},
    )
