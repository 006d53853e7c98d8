"""The JSON contract of an organisation analysis: versioned, and the hops it was asked with."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from estrategy.cli import main
from estrategy.io import load
from estrategy.org import analyze


def test_to_dict_is_versioned_and_lists_holders_beyond_the_given_hops(
    lefevre_path: Path,
) -> None:
    org = load(lefevre_path).organization
    default = analyze(org).to_dict()
    assert default["version"] == 1
    assert default["upward_reach"]["upward_hops"] == 3
    assert [h["person"] for h in default["upward_reach"]["beyond"]] == ["p-cm"]
    lenient = analyze(org, upward_hops=4).to_dict()["upward_reach"]
    assert lenient["upward_hops"] == 4
    assert lenient["beyond"] == []


def test_cli_json_is_the_library_contract(lefevre_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["org", str(lefevre_path), "--format", "json", "--upward-hops", "4"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # a model file is analysed whole: its actions count in the key-person risk
    model = load(lefevre_path)
    assert data == json.loads(json.dumps(analyze(model, upward_hops=4).to_dict()))


def test_cli_takes_upward_hops_from_the_configuration(tmp_path: Path, lefevre_path: Path) -> None:
    model = tmp_path / "plan.yaml"
    model.write_text(lefevre_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "estrategy.toml").write_text("[settings]\nupward_hops = 4\n", encoding="utf-8")
    runner = CliRunner()

    def beyond(*extra: str) -> list[str]:
        result = runner.invoke(main, ["org", str(model), "--format", "json", *extra])
        assert result.exit_code == 0, result.output
        return [h["person"] for h in json.loads(result.output)["upward_reach"]["beyond"]]

    assert beyond() == []
    assert beyond("--no-config") == ["p-cm"]
    assert beyond("--upward-hops", "3") == ["p-cm"]
