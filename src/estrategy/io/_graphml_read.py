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
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.parsers import expat

import numpy as np

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
        self.nodes: list[tuple[str, dict[str, str], int]] = []
        self.edges: list[tuple[str, str, dict[str, str], int]] = []

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
                self.nodes.append((first, self.current, line))
            else:
                self.edges.append((first, second, self.current, line))
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
        out: dict[str, str] = {}
        for key, (where, name) in self.keys.items():
            if where in (domain, "all") and key in self.defaults:
                out[name] = self.defaults[key]
        for key, value in data.items():
            where, name = self.keys.get(key, ("all", key))
            out[name] = value
        return out


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
    return _tables(reader, path)


def _one(source: str, message: str) -> LoadError:
    return LoadError([FileError(source, None, None, (), message)])


class _Build:
    """The organisation being built from the nodes and edges read."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.kind_of: dict[str, tuple[str, int]] = {}
        self.rejected: set[str] = set()  # nodes already reported: their edges are not
        self.units: list[str] = []
        self.unit_names: list[str] = []
        self.people: list[str] = []
        self.person_names: list[str] = []
        self.roles: list[tuple[str, ...]] = []
        self.skills: list[tuple[str, ...]] = []
        self.external: list[bool] = []
        self.decision_maker: list[bool] = []
        self.person_extra: list[dict[str, str]] = []
        self.groups: list[str] = []
        self.group_names: list[str] = []
        self.group_kind: list[int] = []
        self.objective: list[str | None] = []
        self.deadline: list[str | None] = []

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
        elif kind == "person":
            try:
                roles = _ids(_items(data.get("roles", "")), "roles")
                skills = _ids(_items(data.get("skills", "")), "skills")
                external = _flag(data, "external")
                decision_maker = _flag(data, "decision_maker")
            except ValueError as exc:
                self.reject(node, line, f"{label}: {exc}")
                return
            self.kind_of[node] = ("person", len(self.people))
            self.people.append(node)
            self.person_names.append(data.get("name", ""))
            self.roles.append(roles)
            self.skills.append(skills)
            self.external.append(external)
            self.decision_maker.append(decision_maker)
            self.person_extra.append({k: v for k, v in data.items() if k not in PERSON_KEYS})
        elif kind == "group":
            value = data.get("group_kind") or GROUP_KINDS[0].value
            deadline = data.get("deadline") or None
            try:
                group_kind = GROUP_KINDS.index(GroupKind(value))
            except ValueError:
                known = ", ".join(k.value for k in GROUP_KINDS)
                self.reject(
                    node, line, f"{label}: unknown group kind {excerpt(value)}; known: {known}"
                )
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
        else:
            shown = "none" if kind is None else excerpt(kind)
            self.reject(node, line, f"{label}: kind must be person, unit or group, got {shown}")


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


def _order(value: str | None) -> int | None:
    """An edge's position in the input, or ``None`` (edges from other tools come last)."""
    if value is None:
        return None
    text = value.strip()
    if not text.isdigit() or len(text) > _ORDER_DIGITS:
        raise ValueError(f"order must be a position (a whole number), got {excerpt(value)}")
    return int(text)


def _weight(value: str | None) -> float:
    """A tie's weight: empty or absent is 1, as in a CSV file; finite and >= 0."""
    if value is None or not value.strip():
        return 1.0
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"weight must be a finite number >= 0, got {excerpt(value)}")
    return number


def _tables(reader: _Reader, path: Path) -> OrgTables:
    build = _Build(reader)
    for node, data, line in reader.nodes:
        build.node(node, reader.named(data, "node"), line)
    kind_of = build.kind_of
    n_units, n_people = len(build.units), len(build.people)
    unit_parent = [NONE] * n_units
    person_unit = [NONE] * n_people
    manager = [NONE] * n_people
    supervisor = [NONE] * n_people
    members: list[tuple[int | None, int, int, int]] = []  # order, edge, group, person
    ties: list[tuple[int | None, int, int, int, bool, float]] = []
    # relation -> (the array it fills, whose it is, what the other end is, their ids)
    single = {
        "child_of": (unit_parent, "unit", "parent units", build.units),
        "belongs_to": (person_unit, "person", "units", build.units),
        "reports_to": (manager, "person", "managers", build.people),
        "supervises": (supervisor, "person", "supervisors", build.people),
    }
    for number, (u, v, data, line) in enumerate(reader.edges):
        named = reader.named(data, "edge")
        relation = named.get("relation")
        label = f"edge {_plain(u)} -> {_plain(v)}"
        if relation not in _RELATIONS:
            shown = "none" if relation is None else excerpt(relation)
            build.problem(line, f"{label}: unknown relation {shown}")
            continue
        want = _RELATIONS[relation]
        ku, kv = kind_of.get(u), kind_of.get(v)
        if u in build.rejected or v in build.rejected:
            continue
        if ku is None or kv is None:
            missing = u if ku is None else v
            build.problem(line, f"{label}: {relation} names {excerpt(missing)}, which is no node")
            continue
        if (ku[0], kv[0]) != want:
            build.problem(line, f"{label}: {relation} goes from a {want[0]} to a {want[1]}")
            continue
        if relation in single:
            target, whose, what, other_ids = single[relation]
            # supervision points from the supervisor to the supervised person
            subject, other = (kv[1], ku[1]) if relation == "supervises" else (ku[1], kv[1])
            holder = v if relation == "supervises" else u
            if target[subject] not in (NONE, other):
                before = other_ids[target[subject]]
                build.problem(
                    line,
                    f"{label}: {whose} {excerpt(holder)} has two {what} "
                    f"({excerpt(before)} and {excerpt(other_ids[other])})",
                )
                continue
            target[subject] = other
            continue
        try:
            order = _order(named.get("order"))
            if relation == "member_of":
                members.append((order, number, kv[1], ku[1]))
            else:
                kind = named.get("kind") or "collaboration"
                if kind not in ("collaboration", "esn"):
                    raise ValueError(f"unknown tie kind {excerpt(kind)}; known: collaboration, esn")
                ties.append(
                    (order, number, ku[1], kv[1], kind == "esn", _weight(named.get("weight")))
                )
        except ValueError as exc:
            build.problem(line, f"{label}: {exc}")
    parent_array = np.asarray(unit_parent, dtype=np.int32)
    manager_array = np.asarray(manager, dtype=np.int32)
    for message in cycle_messages(parent_array, build.units, "unit parent"):
        build.problem(None, message)
    for message in cycle_messages(manager_array, build.people, "manager"):
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
    last = len(reader.edges)
    members.sort(key=lambda m: (m[0] if m[0] is not None else last + m[1], m[1]))
    ties.sort(key=lambda t: (t[0] if t[0] is not None else last + t[1], t[1]))
    extra_names = sorted({k for extra in build.person_extra for k in extra})
    attributes = (
        {"person": {c: [e.get(c, "") for e in build.person_extra] for c in extra_names}}
        if extra_names
        else {}
    )
    return build_tables(
        name=graph.get("name", path.stem),
        size=size,
        unit_ids=build.units,
        unit_names=build.unit_names,
        unit_parent=parent_array,
        person_ids=build.people,
        person_names=build.person_names,
        person_unit=person_unit,
        person_manager=manager_array,
        person_supervisor=supervisor,
        person_external=build.external,
        person_decision_maker=build.decision_maker,
        roles=build.roles,
        skills=build.skills,
        group_ids=build.groups,
        group_names=build.group_names,
        group_kind=build.group_kind,
        group_objective=build.objective,
        group_deadline=build.deadline,
        member_group=[m[2] for m in members],
        member_person=[m[3] for m in members],
        tie_source=[t[2] for t in ties],
        tie_target=[t[3] for t in ties],
        tie_esn=[t[4] for t in ties],
        tie_weight=[t[5] for t in ties],
        attributes=attributes,
    )
