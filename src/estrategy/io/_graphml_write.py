"""Writing GraphML and GEXF as they stream: from the arrays, a batch of rows at a time.

No XML tree and no networkx graph is built: each node and edge is written as text
straight from :class:`~estrategy.model.tables.OrgTables`, so memory stays that of the
arrays. Every text goes through the one XML escaper (:func:`estrategy.base.escape.xml_text`):
markup is escaped, carriage returns kept as references, and text XML cannot carry (NUL,
ESC and the other control characters) is refused with the node and attribute it is in,
before the file replaces anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO

from estrategy.base.errors import EstrategyError
from estrategy.base.escape import XML_FORBIDDEN, xml_text
from estrategy.io._edges import hierarchy_edges, tie_edges
from estrategy.io.atomic import atomic_path
from estrategy.model.tables import GROUP_KINDS, OrgTables

__all__ = ["ExportError", "write_gexf_file", "write_graphml_file"]

_BATCH = 50_000
_SHOWN = 20  # problems an export error lists


class ExportError(EstrategyError, ValueError):
    """An organisation that cannot be written in the format asked for; nothing was written.

    Attributes:
        target: the file that was not written.
        problems: what cannot be written, and where (the node or edge and its attribute).
    """

    def __init__(self, target: str, problems: Sequence[str]) -> None:
        self.target = target
        self.problems = tuple(problems)
        shown = "".join(f"\n  {p}" for p in self.problems[:_SHOWN])
        more = len(self.problems) - _SHOWN
        if more > 0:
            shown += f"\n  … and {more:,} more"
        super().__init__(
            f"{target}: not written, {len(self.problems):,} text"
            f"{'s' if len(self.problems) != 1 else ''} XML cannot carry "
            f"(export as a CSV folder instead, or clean the data):{shown}"
        )

    def __reduce__(self) -> tuple[type[ExportError], tuple[str, tuple[str, ...]]]:
        return (type(self), (self.target, self.problems))


class _Text:
    """Escapes texts for XML, noting each one that cannot be written."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def __call__(self, value: str, where: str, *, attribute: bool = False) -> str:
        forbidden = XML_FORBIDDEN.search(value)
        if forbidden is None:
            return xml_text(value, attribute=attribute)
        self.problems.append(
            f"{where}: U+{ord(forbidden.group()):04X} cannot be written in XML "
            f"(at character {forbidden.start() + 1})"
        )
        return ""


# Node attributes of our own; extra columns with these names are not written over them.
_NODE_KEYS = (
    ("kind", "string"),
    ("name", "string"),
    ("roles", "string"),
    ("skills", "string"),
    ("external", "boolean"),
    ("decision_maker", "boolean"),
    ("group_kind", "string"),
    ("objective", "string"),
    ("deadline", "string"),
)
_EDGE_KEYS = (("relation", "string"), ("kind", "string"), ("weight", "double"), ("order", "long"))
_FLAG = ("false", "true")


def _extras(tables: OrgTables) -> list[str]:
    """The extra columns of every node kind, in a fixed order, ours left out."""
    ours = {name for name, _ in _NODE_KEYS}
    names: dict[str, None] = {}
    for kind in ("unit", "person", "group"):
        names.update(dict.fromkeys(c for c in tables.attributes.get(kind, {}) if c not in ours))
    return list(names)


def _batches(rows: Iterator[str]) -> Iterator[str]:
    batch: list[str] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def _write(target: Path, parts: Callable[[_Text], Iterator[str]]) -> None:
    """Write the parts to ``target`` atomically; on a text XML cannot carry, write nothing."""
    text = _Text()
    with atomic_path(target) as temporary, temporary.open("w", encoding="utf-8") as stream:
        _stream(stream, parts(text))
        if text.problems:
            raise ExportError(str(target), text.problems)


def _stream(stream: IO[str], parts: Iterator[str]) -> None:
    for part in _batches(parts):
        stream.write(part)


def write_graphml_file(tables: OrgTables, target: Path, *, names: bool = True) -> None:
    """Write the organisation graph as GraphML, streaming (see :func:`write_graphml`).

    Raises:
        ExportError: a text holds a character XML cannot carry; nothing is written.
    """
    extras = _extras(tables)
    node_key = {name: f"n{i}" for i, (name, _) in enumerate(_NODE_KEYS)}
    node_key.update({name: f"x{i}" for i, name in enumerate(extras)})
    edge_key = {name: f"e{i}" for i, (name, _) in enumerate(_EDGE_KEYS)}

    def parts(text: _Text) -> Iterator[str]:
        yield (
            "<?xml version='1.0' encoding='utf-8'?>\n"
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
        )
        for name, kind in _NODE_KEYS:
            yield f'<key id="{node_key[name]}" for="node" attr.name="{name}" attr.type="{kind}"/>\n'
        for i, name in enumerate(extras):
            attr = text(name, f"column {name!r}", attribute=True)
            yield f'<key id="x{i}" for="node" attr.name="{attr}" attr.type="string"/>\n'
        for name, kind in _EDGE_KEYS:
            yield f'<key id="{edge_key[name]}" for="edge" attr.name="{name}" attr.type="{kind}"/>\n'
        yield '<key id="g0" for="graph" attr.name="name" attr.type="string"/>\n'
        yield '<key id="g1" for="graph" attr.name="size" attr.type="string"/>\n'
        yield '<graph edgedefault="directed">\n'
        yield f'<data key="g0">{text(tables.name, "the organisation name")}</data>'
        yield f'<data key="g1">{tables.size.value}</data>\n'
        yield from _graphml_nodes(tables, text, node_key, names)
        yield from _graphml_edges(tables, edge_key)
        yield "</graph>\n</graphml>\n"

    _write(target, parts)


def _data(key: str, value: str) -> str:
    return f'<data key="{key}">{value}</data>'


def _extra_data(
    tables: OrgTables, kind: str, i: int, node_key: dict[str, str], text: _Text, where: str
) -> str:
    ours = {name for name, _ in _NODE_KEYS}
    return "".join(
        _data(node_key[column], text(values[i], f"{where}, {column!r}"))
        for column, values in tables.attributes.get(kind, {}).items()
        if column not in ours and values[i] != ""
    )


def _graphml_nodes(
    tables: OrgTables, text: _Text, key: dict[str, str], names: bool
) -> Iterator[str]:
    for i, unit in enumerate(tables.unit_ids):
        where = f"unit {unit}"
        name = text(tables.unit_names[i], f"{where}, name")
        extra = _extra_data(tables, "unit", i, key, text, where)
        yield (
            f'<node id="{unit}">{_data(key["kind"], "unit")}{_data(key["name"], name)}'
            f"{extra}</node>\n"
        )
    external = tables.person_external.tolist()
    decision = tables.person_decision_maker.tolist()
    for i, person in enumerate(tables.person_ids):
        where = f"person {person}"
        parts = [f'<node id="{person}">', _data(key["kind"], "person")]
        if names and tables.person_names[i]:
            parts.append(_data(key["name"], text(tables.person_names[i], f"{where}, name")))
        roles, skills = tables.roles.row(i), tables.skills.row(i)
        if roles:
            parts.append(_data(key["roles"], ";".join(roles)))
        if skills:
            parts.append(_data(key["skills"], ";".join(skills)))
        parts.append(_data(key["external"], _FLAG[external[i]]))
        parts.append(_data(key["decision_maker"], _FLAG[decision[i]]))
        parts.append(_extra_data(tables, "person", i, key, text, where))
        parts.append("</node>\n")
        yield "".join(parts)
    for i, group in enumerate(tables.group_ids):
        where = f"group {group}"
        parts = [
            f'<node id="{group}">',
            _data(key["kind"], "group"),
            _data(key["name"], text(tables.group_names[i], f"{where}, name")),
            _data(key["group_kind"], GROUP_KINDS[int(tables.group_kind[i])].value),
        ]
        objective = tables.group_objective[i]
        if objective is not None:
            parts.append(_data(key["objective"], text(objective, f"{where}, objective")))
        deadline = tables.group_deadline[i]
        if deadline is not None:
            parts.append(_data(key["deadline"], deadline))
        parts.append(_extra_data(tables, "group", i, key, text, where))
        parts.append("</node>\n")
        yield "".join(parts)


def _graphml_edges(tables: OrgTables, key: dict[str, str]) -> Iterator[str]:
    people, groups = tables.person_ids, tables.group_ids
    relation = key["relation"]

    def edge(source: str, target: str, what: str, rest: str = "") -> str:
        return f'<edge source="{source}" target="{target}">{_data(relation, what)}{rest}</edge>\n'

    for source, target, what in hierarchy_edges(tables):
        yield edge(source, target, what)
    order = key["order"]
    for k, (g, p) in enumerate(
        zip(tables.member_group.tolist(), tables.member_person.tolist(), strict=True)
    ):
        yield edge(people[p], groups[g], "member_of", _data(order, str(k)))
    kind, weight = key["kind"], key["weight"]
    for k, (s, t, tie_kind, w) in enumerate(tie_edges(tables)):
        rest = _data(kind, tie_kind) + _data(weight, repr(w)) + _data(order, str(k))
        yield edge(s, t, "ties", rest)


def write_gexf_file(tables: OrgTables, target: Path, *, names: bool = True) -> None:
    """Write the organisation graph as GEXF 1.2, streaming (see :func:`write_gexf`).

    Raises:
        ExportError: a text holds a character XML cannot carry; nothing is written.
    """
    extras = _extras(tables)
    node_columns = [name for name, _ in _NODE_KEYS if name != "name"] + extras
    node_id = {name: str(i) for i, name in enumerate(node_columns)}
    node_types = dict(_NODE_KEYS)

    def parts(text: _Text) -> Iterator[str]:
        yield (
            "<?xml version='1.0' encoding='utf-8'?>\n"
            '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n'
            "<meta><creator>estrategy</creator></meta>\n"
            '<graph defaultedgetype="directed" mode="static" '
            f'name="{text(tables.name, "the organisation name", attribute=True)}">\n'
            '<attributes class="node" mode="static">\n'
        )
        for name in node_columns:
            kind = node_types.get(name, "string")
            title = text(name, f"column {name!r}", attribute=True)
            yield f'<attribute id="{node_id[name]}" title="{title}" type="{kind}"/>\n'
        yield (
            "</attributes>\n"
            '<attributes class="edge" mode="static">\n'
            '<attribute id="0" title="relation" type="string"/>\n'
            '<attribute id="1" title="kind" type="string"/>\n'
            "</attributes>\n<nodes>\n"
        )
        yield from _gexf_nodes(tables, text, node_id, names)
        yield "</nodes>\n<edges>\n"
        yield from _gexf_edges(tables)
        yield "</edges>\n</graph>\n</gexf>\n"

    _write(target, parts)


def _value(key: str, value: str) -> str:
    return f'<attvalue for="{key}" value="{value}"/>'


def _gexf_node(node: str, label: str, values: list[str]) -> str:
    return f'<node id="{node}" label="{label}"><attvalues>{"".join(values)}</attvalues></node>\n'


def _gexf_extras(
    tables: OrgTables, kind: str, i: int, key: dict[str, str], text: _Text, where: str
) -> list[str]:
    ours = {name for name, _ in _NODE_KEYS}
    return [
        _value(key[column], text(values[i], f"{where}, {column!r}", attribute=True))
        for column, values in tables.attributes.get(kind, {}).items()
        if column not in ours and values[i] != ""
    ]


def _gexf_nodes(tables: OrgTables, text: _Text, key: dict[str, str], names: bool) -> Iterator[str]:
    for i, unit in enumerate(tables.unit_ids):
        where = f"unit {unit}"
        label = text(tables.unit_names[i], f"{where}, name", attribute=True) or unit
        values = [_value(key["kind"], "unit"), *_gexf_extras(tables, "unit", i, key, text, where)]
        yield _gexf_node(unit, label, values)
    external = tables.person_external.tolist()
    decision = tables.person_decision_maker.tolist()
    for i, person in enumerate(tables.person_ids):
        where = f"person {person}"
        name = tables.person_names[i] if names else ""
        label = text(name, f"{where}, name", attribute=True) or person
        values = [
            _value(key["kind"], "person"),
            _value(key["roles"], ";".join(tables.roles.row(i))),
            _value(key["skills"], ";".join(tables.skills.row(i))),
            _value(key["external"], _FLAG[external[i]]),
            _value(key["decision_maker"], _FLAG[decision[i]]),
            *_gexf_extras(tables, "person", i, key, text, where),
        ]
        yield _gexf_node(person, label, values)
    for i, group in enumerate(tables.group_ids):
        where = f"group {group}"
        label = text(tables.group_names[i], f"{where}, name", attribute=True) or group
        values = [
            _value(key["kind"], "group"),
            _value(key["group_kind"], GROUP_KINDS[int(tables.group_kind[i])].value),
        ]
        objective = tables.group_objective[i]
        if objective is not None:
            values.append(
                _value(key["objective"], text(objective, f"{where}, objective", attribute=True))
            )
        deadline = tables.group_deadline[i]
        if deadline is not None:
            values.append(_value(key["deadline"], deadline))
        values += _gexf_extras(tables, "group", i, key, text, where)
        yield _gexf_node(group, label, values)


def _gexf_edges(tables: OrgTables) -> Iterator[str]:
    people, groups = tables.person_ids, tables.group_ids
    number = 0

    def edge(source: str, target: str, relation: str, weight: float = 1.0, kind: str = "") -> str:
        nonlocal number
        number += 1
        values = _value("0", relation) + (_value("1", kind) if kind else "")
        return (
            f'<edge id="{number - 1}" source="{source}" target="{target}" weight="{weight!r}">'
            f"<attvalues>{values}</attvalues></edge>\n"
        )

    for source, target, what in hierarchy_edges(tables):
        yield edge(source, target, what)
    for g, p in zip(tables.member_group.tolist(), tables.member_person.tolist(), strict=True):
        yield edge(people[p], groups[g], "member_of")
    for s, t, tie_kind, w in tie_edges(tables):
        yield edge(s, t, "ties", float(w), tie_kind)
