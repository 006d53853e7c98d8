"""The one plugin finder, and the root's export of the error hierarchy."""

from __future__ import annotations

import importlib.metadata

import pytest

import estrategy
from estrategy.base.errors import EstrategyError
from estrategy.base.plugins import Plugin, PluginError, find_plugins, load_plugin
from estrategy.maturity import CriterionPluginError
from estrategy.rules import PluginError as RulePluginError


def _ep(name: str, value: str) -> importlib.metadata.EntryPoint:
    return importlib.metadata.EntryPoint(name, value, "estrategy.test")


def test_the_root_exports_the_error_root() -> None:
    assert estrategy.EstrategyError is EstrategyError
    assert "EstrategyError" in estrategy.__all__


def test_plugin_errors_are_estrategy_errors_and_value_errors() -> None:
    for error in (PluginError, RulePluginError, CriterionPluginError):
        assert issubclass(error, EstrategyError)
        assert issubclass(error, ValueError)
        assert issubclass(error, PluginError)


def test_plugins_are_sorted_whatever_the_order_found() -> None:
    points = [_ep("b", "os:sep"), _ep("a", "os:sep"), _ep("a", "os:curdir")]
    found = find_plugins("estrategy.test", points)
    assert [(p.name, p.value) for p in found] == [
        ("a", "os:curdir"),
        ("a", "os:sep"),
        ("b", "os:sep"),
    ]
    assert found[0].origin == "<unknown distribution>"


def test_load_plugin_validates_and_names_the_failure() -> None:
    ok = Plugin(_ep("a", "os:sep"), "acme", "1.0")
    assert (
        load_plugin(ok, str, failure=lambda p, exc: "unused") == importlib.import_module("os").sep
    )
    broken = Plugin(_ep("a", "no_such_module_xyz:thing"), "acme", "1.0")
    with pytest.raises(CriterionPluginError, match=r"acme 1\.0 failed: ModuleNotFoundError"):
        load_plugin(
            broken,
            str,
            failure=lambda p, exc: f"{p.origin} failed: {type(exc).__name__}",
            error=CriterionPluginError,
        )
