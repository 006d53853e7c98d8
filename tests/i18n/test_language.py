"""Choosing the language: flag, configuration, model, environment, English; and the core."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from estrategy.base.errors import EstrategyError
from estrategy.base.formats import Day, Money, Number, Percent, Series
from estrategy.base.language import (
    LanguageError,
    choose_language,
    language_from_environment,
    parse_language,
)
from estrategy.base.messages import Message, as_message, ntr, tr
from estrategy.cli import main

ROOT = Path(__file__).parents[2]
LEFEVRE = ROOT / "tests" / "fixtures" / "lefevre.yaml"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LC_ALL": "fr_CA", "LANG": "en_US"}, "fr"),
        ({"LANGUAGE": "de:fr", "LANG": "en_GB"}, "fr"),
        ({"LANGUAGE": "en", "LC_ALL": "fr_FR"}, "en"),
        ({"LANGUAGE": "de", "LANG": "POSIX"}, None),
    ],
)
def test_environment(environ: dict[str, str], expected: str | None) -> None:
    assert language_from_environment(environ) == expected


def test_order_of_choice() -> None:
    env = {"LANG": "fr_FR.UTF-8"}
    assert choose_language("en", "fr", "fr", environ=env) == "en"
    assert choose_language(None, "en", "fr", environ=env) == "en"
    assert choose_language(None, None, "en", environ=env) == "en"
    assert choose_language(None, None, "de", environ=env) == "fr"
    assert choose_language(None, None, None, environ={}) == "en"


def test_an_unsupported_language_is_an_error_naming_the_choices() -> None:
    with pytest.raises(LanguageError, match="choose one of en, fr"):
        parse_language("klingon")
    assert isinstance(LanguageError("x"), EstrategyError)


def test_a_message_keeps_its_data_and_renders_at_the_edge() -> None:
    m = tr("tactic {tactic} has no action", tactic="t-blog")
    assert m.parameters == {"tactic": "t-blog"}
    assert str(m) == "tactic t-blog has no action"
    assert m.render("fr") == "la tactique t-blog n’a aucune action"
    assert m == tr("tactic {tactic} has no action", tactic="t-blog")
    assert hash(m) == hash(tr("tactic {tactic} has no action", tactic="t-blog"))


def test_nested_messages_and_values_render_in_the_same_language() -> None:
    m = tr("action {action} has {gaps}", action="a-1", gaps=[tr("no budget"), tr("no deadline")])
    assert m.render("en") == "action a-1 has no budget, no deadline"
    assert m.render("fr") == "l’action a-1 est incomplète\u00a0: pas de budget, pas d’échéance"


def test_plural_forms_in_both_languages() -> None:
    def both(n: int) -> tuple[str, str]:
        m = ntr("{n} error", "{n} errors", n)
        return m.render("en"), m.render("fr")

    assert both(0) == ("0 errors", "0 erreur")
    assert both(1) == ("1 error", "1 erreur")
    assert both(2) == ("2 errors", "2 erreurs")


def test_locale_aware_values() -> None:
    assert Money(85600, "EUR").localise("fr") == "85\u202f600\xa0€"
    assert Money(85600, "EUR").localise("en") == "€85,600"
    assert Money(12.5, "EUR").localise("en") == "€12.50"
    assert Percent(0.25).localise("fr") == "25\xa0%"
    assert Number(-0.5, 2, signed=True).localise("fr") == "-0,50"
    assert Number(3, 0, signed=True).localise("en") == "+3"
    assert Day(dt.datetime(2026, 3, 31, 12)).localise("fr") == "31 mars 2026"
    assert Series(["a", "b", "c", "d"], limit=2).localise("en") == "a, b and 2 more"


def test_plain_text_is_shown_as_it_is_in_every_language() -> None:
    literal = as_message("{not a placeholder}")
    assert literal.render("fr") == "{not a placeholder}"
    assert as_message(literal) is literal
    assert isinstance(literal, Message)


def test_unknown_language_catalogue_falls_back_to_english() -> None:
    assert tr("tactic {tactic} has no action", tactic="t").render("xx") == "tactic t has no action"


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env or {})
    return result.exit_code, result.stdout, result.stderr


def test_check_follows_the_flag() -> None:
    code, out, _ = _run("check", str(LEFEVRE), "--lang", "fr", "--no-config")
    assert code == 1
    assert "Avertissements (" in out
    assert "au 15 novembre 2026" in out


def test_a_bad_setting_is_reported_in_the_readers_language() -> None:
    args = ("check", str(LEFEVRE), "--set", "pull_tactic_kind=events", "--no-config")
    code, _, err = _run(*args, "--lang", "fr")
    assert code == 2
    assert "réglage inconnu\u00a0: 'pull_tactic_kind' — vouliez-vous dire" in err
    _, _, err = _run(*args)
    assert "unknown setting 'pull_tactic_kind' (did you mean 'pull_tactic_kinds'?)" in err


def test_a_comparison_names_its_columns_in_french_and_aligns_under_them() -> None:
    from estrategy import io
    from estrategy.maturity import assess, compare
    from estrategy.report.maturity_text import render

    before = assess(io.load(LEFEVRE))
    after = assess(io.load(ROOT / "tests" / "fixtures" / "lefevre-clean.yaml"))
    lines = render(compare(before, after), lang="fr").splitlines()
    head = next(line for line in lines if line.startswith("dimension"))
    assert head.split() == ["dimension", "avant", "après", "évolution", "niveau"]
    row = next(line for line in lines if line.startswith("Stratégie"))
    # each number ends where its heading ends
    for word, value in zip(["avant", "après", "évolution"], row.split()[1:4], strict=True):
        assert head.index(word) + len(word) == row.index(value, head.index(word)) + len(value)


def test_a_simulation_of_an_unnamed_model_says_so() -> None:
    from estrategy.model import Organization, Person, StrategyModel
    from estrategy.report.whatif_text import render
    from estrategy.whatif import simulate

    model = StrategyModel(organization=Organization(people=[Person(id="a"), Person(id="b")]))
    simulated = simulate(model, remove=["a"], maturity=False)
    assert render(simulated, lang="fr").startswith("modèle sans nom\u00a0: sans la personne a")
    assert render(simulated).startswith("unnamed model: without person a")


def test_check_follows_the_environment_and_the_flag_wins() -> None:
    _, out, _ = _run("check", str(LEFEVRE), "--no-config", env={"LANGUAGE": "fr"})
    assert "Erreurs (1)" in out
    _, out, _ = _run("check", str(LEFEVRE), "--lang", "en", "--no-config", env={"LANGUAGE": "fr"})
    assert "Errors (1)" in out


def test_check_follows_the_model_then_the_configuration(tmp_path: Path) -> None:
    model = tmp_path / "plan.yaml"
    model.write_text(
        LEFEVRE.read_text(encoding="utf-8").replace(
            "schema_version: 1", "schema_version: 1\nlanguage: fr"
        ),
        encoding="utf-8",
    )
    _, out, _ = _run("check", str(model))
    assert "Erreurs (1)" in out
    (tmp_path / "estrategy.toml").write_text('lang = "en"\n', encoding="utf-8")
    _, out, _ = _run("check", str(model))
    assert "Errors (1)" in out


def test_a_bad_configured_language_is_a_clean_error(tmp_path: Path) -> None:
    model = tmp_path / "plan.yaml"
    model.write_text(LEFEVRE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "estrategy.toml").write_text('lang = "de"\n', encoding="utf-8")
    code, _, err = _run("check", str(model))
    assert code == 2
    assert "lang" in err
    assert "expected one of en, fr" in err


def test_load_errors_are_translated(tmp_path: Path) -> None:
    bad = tmp_path / "plan.yaml"
    bad.write_text("schema_version: 1\nname: x\nsituation: {strenghts: [a]}\n", encoding="utf-8")
    code, _, err = _run("check", str(bad), "--lang", "fr")
    assert code == 2
    assert err.startswith("erreur\u00a0: 1 problème dans ")
    assert "clé inconnue\u00a0: 'strenghts' — vouliez-vous dire 'strengths'\u00a0?" in err


def test_rule_documentation_in_french() -> None:
    code, out, _ = _run("rule", "ROL004", "--lang", "fr")
    assert code == 0
    assert "Un intervenant externe n’a pas de superviseur interne." in out
    assert "## Pourquoi c’est important" in out
    code, _, err = _run("rule", "ROL04", "--lang", "fr")
    assert code == 2
    assert "aucune règle 'ROL04' — vouliez-vous dire ROL004\u00a0?" in err


def test_every_command_takes_lang() -> None:
    from estrategy.cli import COMMANDS

    for name in COMMANDS:
        _, out, _ = _run(name, "--help")
        assert "--lang" in out, name


def test_help_pages_follow_the_language() -> None:
    _, out, _ = _run("check", "--lang", "fr", "--help")
    assert out.startswith("Utilisation\u00a0: ")
    assert "check [OPTIONS] [PATHS]" in out
    assert "Options\u00a0:" in out
    assert "Afficher ce message et quitter." in out
    assert "[par défaut\u00a0: text]" in out
    _, out, _ = _run("--help", env={"LANGUAGE": "fr"})
    assert "Commandes\u00a0:" in out
    assert "Évaluer la maturité digitale d’un modèle." in out
    _, out, _ = _run("check", "--help")
    assert out.startswith("Usage: ")
    assert "Show this message and exit." in out


def test_every_option_of_every_command_has_french_help() -> None:
    # A help text the extractor misses stays English on a French help page: each is
    # looked up the way the page looks it up.
    import click

    from estrategy.base.translations import translate, unwrap_paragraphs
    from estrategy.cli import COMMANDS

    untranslated = []
    with click.Context(main) as ctx:
        for name in COMMANDS:
            command = main.get_command(ctx, name)
            assert command is not None, name
            for param in command.params:
                text = getattr(param, "help", None)
                if text and translate(unwrap_paragraphs(text), "fr") == unwrap_paragraphs(text):
                    untranslated.append(f"{name} {param.name}: {text}")
    assert untranslated == []
