"""Model files against generated models: round trips, the schema, and mutated files.

A file mutated at random (a key deleted, a value of the wrong type, a dangling
reference, junk inserted) loads as a model or fails with :class:`LoadError`: never
another exception, never a traceback for the user.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from estrategy import io
from estrategy.model import ModelPath, StrategyModel, format_path
from estrategy.testing import clean_models, models

HALF = settings.get_profile("half")

FORMATS = ("yaml", "json", "toml")
VALIDATOR = jsonschema.Draft202012Validator(io.json_schema())


def _round_trip(model: StrategyModel) -> None:
    for fmt in FORMATS:
        text = io.dumps(model, fmt)
        back = io.loads(text, fmt)
        assert back == model, fmt
        # Deterministic, and a fixed point: saving what was loaded changes nothing.
        assert io.dumps(model, fmt) == text, fmt
        assert io.dumps(back, fmt) == text, fmt


@HALF
@given(models())
def test_any_model_round_trips_deterministically(model: StrategyModel) -> None:
    _round_trip(model)


@HALF
@given(clean_models())
def test_clean_models_round_trip_deterministically(model: StrategyModel) -> None:
    _round_trip(model)


@HALF
@given(st.one_of(models(), clean_models()))
def test_every_dumped_model_validates_against_the_schema(model: StrategyModel) -> None:
    data = json.loads(io.dumps(model, "json"))
    errors = [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert not errors, errors


# -- mutated files -------------------------------------------------------------------

Located = tuple[ModelPath, Any]

# Where a model file references an id: collection path, then the referencing keys.
REFERENCES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("organization", "units"): ("parent",),
    ("organization", "people"): ("unit", "manager", "supervisor"),
    ("organization", "groups"): ("members",),
    ("organization", "ties"): ("source", "target"),
    ("objectives",): ("stake", "owner"),
    ("strategies",): ("objectives",),
    ("tactics",): ("strategy", "owner_unit"),
    ("actions",): ("tactic", "responsible", "tools"),
    ("kpis",): ("objective", "tactics"),
    ("reviews",): ("kpis",),
}

WRONG_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    1.5,
    10**30,
    "",
    "not an id",
    "2026-13-45",
    [],
    {},
    [1, "a", None],
    {"k": {"k": [1]}},
]


def _walk(value: Any, path: ModelPath = ()) -> list[Located]:
    """Every node of parsed data with its path (the root included)."""
    found: list[Located] = [(path, value)]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _walk(item, (*path, index))
    return found


def _parent(data: Any, path: ModelPath) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def _reference_sites(data: dict[str, Any]) -> list[ModelPath]:
    sites: list[ModelPath] = []
    for collection, keys in REFERENCES.items():
        items: Any = data
        for part in collection:
            items = items.get(part, {}) if isinstance(items, dict) else {}
        for index, item in enumerate(items or []):
            for key in keys:
                value = item.get(key)
                if isinstance(value, list):
                    sites += [(*collection, index, key, i) for i in range(len(value))]
                elif value is not None:
                    sites.append((*collection, index, key))
    return sites


def _load(text: str, fmt: str) -> StrategyModel | io.LoadError:
    """Load ``text``; a LoadError is a fine outcome, any other exception fails the test."""
    try:
        return io.loads(text, fmt)
    except io.LoadError as error:
        caught = error
    assert caught.errors, "a LoadError lists its problems"
    assert all(e.message for e in caught.errors)
    return caught


def _texts(data: dict[str, Any]) -> dict[str, str]:
    """The mutated data written in each format that can hold it."""
    texts = {"json": json.dumps(data), "yaml": json.dumps(data, indent=2)}
    # TOML has no null: such a mutation has no TOML form.
    with contextlib.suppress(TypeError, ValueError):
        texts["toml"] = tomli_w.dumps(data)
    return texts


@HALF
@given(st.one_of(models(), clean_models()), st.data())
def test_a_dangling_reference_is_a_load_error_at_its_path(
    model: StrategyModel, data: st.DataObject
) -> None:
    tree = json.loads(io.dumps(model, "json"))
    sites = _reference_sites(tree)
    if not sites:
        return
    path = data.draw(st.sampled_from(sites), label="reference")
    _parent(tree, path)[path[-1]] = "no-such-id"
    for fmt, text in _texts(tree).items():
        outcome = _load(text, fmt)
        assert isinstance(outcome, io.LoadError), fmt
        assert path in [e.path for e in outcome.errors], (fmt, format_path(path), str(outcome))


def _delete_key(tree: Any, data: st.DataObject) -> None:
    keys = [(p, v) for p, v in _walk(tree) if p and isinstance(_parent(tree, p), dict)]
    if keys:
        path, _ = data.draw(st.sampled_from(keys), label="deleted")
        del _parent(tree, path)[path[-1]]


def _retype(tree: Any, data: st.DataObject) -> None:
    nodes = [p for p, _ in _walk(tree) if p]
    if nodes:
        path = data.draw(st.sampled_from(nodes), label="retyped")
        value = data.draw(st.sampled_from(WRONG_VALUES), label="value")
        _parent(tree, path)[path[-1]] = copy.deepcopy(value)  # later mutations may edit it


def _insert_key(tree: Any, data: st.DataObject) -> None:
    mappings = [p for p, v in _walk(tree) if isinstance(v, dict)]
    path = data.draw(st.sampled_from(mappings), label="inside")
    target = tree
    for part in path:
        target = target[part]
    target[data.draw(st.sampled_from(["nmae", "junk", "id", "kind", ""]), label="key")] = 1


MUTATIONS: dict[str, Callable[[Any, st.DataObject], None]] = {
    "delete a key": _delete_key,
    "change a value's type": _retype,
    "insert a key": _insert_key,
}


@pytest.mark.parametrize("mutation", MUTATIONS.values(), ids=MUTATIONS.keys())
@HALF
@given(model=models(), data=st.data())
def test_a_mutated_file_loads_or_fails_cleanly(
    mutation: Callable[[Any, st.DataObject], None], model: StrategyModel, data: st.DataObject
) -> None:
    tree = json.loads(io.dumps(model, "json"))
    original = json.dumps(tree)
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        mutation(tree, data)
    for fmt, text in _texts(tree).items():
        outcome = _load(text, fmt)
        if json.dumps(tree) == original:  # not ==: in Python, True == 1
            assert outcome == model


JUNK = [
    "{",
    "]",
    ": :",
    "- ",
    "\n  x: 1\n",
    "\t",
    "'",
    '"',
    "&a ",
    "*a",
    "!!python/object/apply:os.system ['true']",
    "<<: *a\n",
    "\x00",
    "\ufeff",
    "=",
    "\n[[tactics]]\n",
    "\n[organization]\n",
    "%YAML 1.1\n",
    "\n---\n",
    "1e999999",
    "9" * 5000,
]


@HALF
@given(model=models(), data=st.data(), fmt=st.sampled_from(FORMATS))
def test_junk_in_the_text_loads_or_fails_cleanly(
    model: StrategyModel, data: st.DataObject, fmt: str
) -> None:
    text = io.dumps(model, fmt)
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        at = data.draw(st.integers(0, len(text)), label="at")
        edit = data.draw(st.sampled_from(["insert", "delete", "duplicate line"]), label="edit")
        if edit == "insert":
            junk = data.draw(st.sampled_from(JUNK) | st.text(max_size=5), label="junk")
            text = text[:at] + junk + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 20), label="length") :]
        else:
            lines = text.splitlines(keepends=True) or [""]
            i = at % len(lines)
            text = "".join([*lines[: i + 1], lines[i], *lines[i + 1 :]])
    _load(text, fmt)
