"""Criteria from installed packages (the ``estrategy.criteria`` entry-point group).

Each test installs a fake distribution: a folder on ``sys.path`` with a package and its
``*.dist-info`` metadata, which ``importlib.metadata`` finds like any installed package.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from estrategy.maturity import (
    CriterionPluginError,
    assess,
    default_maturity_model,
    discover_criteria,
    load_maturity_model,
)

from .builders import fashionista, method_follower

PLUGIN = '''
"""Acme's own maturity criteria."""
from estrategy.maturity import CriterionResult, Evidence, criterion
from estrategy.model import ToolKind


@criterion("acme.crm-in-use", title="The CRM is used by most actions")
def crm_in_use(model, context):
    """Most actions use a CRM: Acme's sales discipline."""
    crms = {t.id for t in model.tools if t.kind == ToolKind.CRM}
    if not model.actions:
        return CriterionResult.not_applicable("no action")
    using = [a.id for a in model.actions if crms & set(a.tools)]
    return CriterionResult(
        100 * len(using) / len(model.actions),
        [Evidence("actions using the CRM", using)],
    )


@criterion("acme.tool-budget")
def tool_budget(model, context):
    """At most the threshold's number of tools per person."""
    limit = context.threshold("acme_tools_per_person", 1)
    people = max(1, len(model.organization.people))
    ratio = len(model.tools) / people
    return CriterionResult(100 if ratio <= limit else 0, [Evidence(f"{ratio:.1f} tools a head")])


CRITERIA = [crm_in_use, tool_budget]
'''

MATURITY = """
name = "Acme maturity"

[thresholds]
acme_tools_per_person = { default = 1, micro = 6 }

[[dimensions]]
id = "sales"
name = "Sales discipline"
criteria = [
  { id = "acme.crm-in-use", weight = 2 },
  { id = "acme.tool-budget" },
  { id = "crm-backbone" },
]
"""


def _install(root: Path, dist: str, module: str, source: str, entry: str) -> None:
    (root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = root / f"{dist.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[estrategy.criteria]\n{entry}\n")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "site"
    root.mkdir()
    sys.path.insert(0, str(root))
    try:
        yield root
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.startswith("acme_")]:
            del sys.modules[name]


def test_custom_model_with_a_plugin_criterion(site: Path, tmp_path: Path) -> None:
    _install(site, "acme-criteria", "acme_criteria", PLUGIN, "acme = acme_criteria:CRITERIA")
    assert sorted(discover_criteria()) == ["acme.crm-in-use", "acme.tool-budget"]
    path = tmp_path / "acme.toml"
    path.write_text(MATURITY, encoding="utf-8")
    spec = load_maturity_model(path)
    assert spec.name == "Acme maturity"

    good = assess(method_follower(), spec)
    crm = good.dimension("sales").criterion("acme.crm-in-use")
    assert crm.score == 75  # three of the four actions use the CRM
    assert crm.evidence[0].ids == ("a-crm", "a-mail", "a-train")
    assert crm.title == "The CRM is used by most actions"

    busy = assess(fashionista("medium"), spec)
    assert busy.dimension("sales").criterion("acme.tool-budget").score == 0
    micro = assess(fashionista("micro"), spec)  # the threshold is size-aware
    assert micro.dimension("sales").criterion("acme.tool-budget").score == 100
    good_score, busy_score = good.dimension("sales").score, busy.dimension("sales").score
    assert good_score is not None
    assert busy_score is not None
    assert good_score > busy_score


def test_plugin_clashing_with_a_builtin_is_refused(site: Path, tmp_path: Path) -> None:
    source = PLUGIN.replace('"acme.crm-in-use"', '"smart-objectives"')
    _install(site, "acme-bad", "acme_bad", source, "acme = acme_bad:CRITERIA")
    with pytest.raises(CriterionPluginError, match=r"acme-bad.*clashes with the built-in"):
        discover_criteria()


def test_broken_plugin_names_its_distribution(site: Path, tmp_path: Path) -> None:
    _install(site, "acme-broken", "acme_broken", "raise ImportError('nope')\n", "x = acme_broken:X")
    with pytest.raises(CriterionPluginError, match="acme-broken: nope"):
        discover_criteria()
    # the default model never reads entry points, so a broken plugin cannot break it
    assert assess(method_follower(), default_maturity_model()).overall.score > 0
    # a file naming an unknown criterion reports the plugin problem, located
    path = tmp_path / "mm.toml"
    path.write_text(MATURITY, encoding="utf-8")
    with pytest.raises(ValueError, match=r"mm.toml:\d+:\d+: dimensions\[0\]\.criteria\[0\]\.id"):
        load_maturity_model(path)


def test_plugin_object_must_be_criteria(site: Path) -> None:
    _install(site, "acme-odd", "acme_odd", "X = 42\n", "x = acme_odd:X")
    with pytest.raises(CriterionPluginError, match="acme-odd is a int, not a Criterion"):
        discover_criteria()


def test_same_id_from_two_plugins_is_refused(site: Path) -> None:
    _install(site, "acme-one", "acme_one", PLUGIN, "one = acme_one:CRITERIA")
    _install(site, "acme-two", "acme_two", PLUGIN, "two = acme_two:CRITERIA")
    with pytest.raises(CriterionPluginError, match="defined twice"):
        discover_criteria()


def test_a_criteria_plugin_calling_sys_exit_is_an_error_naming_it(site: Path) -> None:
    _install(site, "acme-exit", "acme_exit", "import sys\nsys.exit(0)\n", "x = acme_exit:X")
    with pytest.raises(CriterionPluginError, match=r"acme-exit.*sys\.exit\(0\)"):
        discover_criteria()
