"""The rule reference: one page per built-in rule, and the catalogue that links them.

Everything on these pages comes from the registry (code, name, severity, settings and
their defaults, the docstring's sections) and from the rule's minimal example
(:mod:`docsite.rule_examples`), whose findings are computed when the site is built. A
page's address is ``rules/<CODE>/``, the help address SARIF gives each finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from docsite.language import Words, translated
from docsite.reference import markdown_table
from docsite.rule_examples import RuleExample, examples
from estrategy.base.escape import markdown_cell
from estrategy.rules import Finding, Rule, registry

__all__ = [
    "FAMILIES",
    "builtin_rules",
    "catalogue",
    "example_model",
    "page_uri",
    "rule_page",
    "rule_pages",
]

FAMILIES: Mapping[str, Words] = {
    "STR": Words(
        "Strategy: from stakes and objectives to tactics",
        "Stratégie : des enjeux et objectifs aux tactiques",
    ),
    "ACT": Words("Actions and their budgets", "Actions et budgets"),
    "MES": Words("Measurement: indicators and reviews", "Mesure : indicateurs et bilans d’étape"),
    "ROL": Words("Roles and competences", "Rôles et compétences"),
    "TEC": Words("Tools", "Outils"),
    "CHN": Words(
        "Channels: traditional and digital, push and pull",
        "Canaux : traditionnel et digital, push et pull",
    ),
    "ORG": Words(
        "Organisation: transversality and upward flow",
        "Organisation : transversalité et remontée du terrain",
    ),
    "SUP": Words(
        "Suppressions: findings accepted on purpose, and why",
        "Dérogations : des constats acceptés sciemment, et pourquoi",
    ),
}
"""The title of each family of codes, in the order the catalogue shows them."""

_WORDS = {
    "identity": Words(
        "**Default severity**: {severity} · **Family**: {family}",
        "**Gravité par défaut** : {severity} · **Famille** : {family}",
    ),
    "severity": Words("severity", "gravité"),
    "what": Words("What it checks", "Ce que la règle vérifie"),
    "why": Words("Why it matters", "Pourquoi c’est important"),
    "fix": Words("How to fix", "Comment corriger"),
    "example": Words("Example", "Exemple"),
    "triggers": Words("This excerpt triggers {code}:", "Cet extrait déclenche {code} :"),
    "reports": Words("`estrategy check` reports:", "`estrategy check` signale :"),
    "instead": Words("Use instead:", "À la place :"),
    "fixed": Words(
        "`estrategy check` then finds nothing.", "`estrategy check` ne trouve alors plus rien."
    ),
    "merged": Words(
        "Both excerpts are merged into the [example model](../rules.md#the-example-model), "
        "which gives no finding.",
        "Les deux extraits sont fusionnés dans le "
        "[modèle d’exemple](../rules.md#le-modele-dexemple), qui ne donne lieu à aucun constat.",
    ),
    "with_settings": Words("Checked with these settings:", "Vérifié avec ces réglages :"),
    "settings": Words("Settings", "Réglages"),
    "setting": Words("setting", "réglage"),
    "default": Words("default", "valeur par défaut"),
    "least": Words("at least", "au moins"),
    "values": Words("values", "valeurs"),
    "settings_how": Words(
        "Set them under `[settings]` in `estrategy.toml`, or with `--set NAME=VALUE`.",
        "Ils se règlent dans la table `[settings]` d’`estrategy.toml`, ou avec `--set NOM=VALEUR`.",
    ),
    "terminal": Words(
        "In a terminal: `estrategy rule {code}`.",
        "Dans un terminal : `estrategy rule {code} --lang fr`.",
    ),
    "code": Words("code", "code"),
    "name": Words("name", "nom"),
    "flags": Words("what it flags", "ce qu’elle signale"),
    "any_kind": Words("any tactic kind", "tout type de tactique"),
    "any_tool": Words("any tool kind", "tout type d’outil"),
}


def builtin_rules() -> list[Rule]:
    """The rules shipped with estrategy, in code order (plugins have their own docs)."""
    return [r for r in registry().values() if r.origin == "builtin"]


def page_uri(code: str, lang: str) -> str:
    """The source path of a rule's page: ``rules/STR001.md``, ``rules/STR001.fr.md``."""
    return f"rules/{code}.md" if lang == "en" else f"rules/{code}.{lang}.md"


def _toml(value: Any) -> str:
    """A setting's value as it is written in ``estrategy.toml``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return repr(value)


_ADMONITION = {"error": "failure", "warning": "warning", "info": "info"}
"""The admonition that shows a finding of each severity."""


def _finding_box(finding: Finding, lang: str) -> list[str]:
    """A finding as an admonition of its severity: code and name as title, the message."""
    kind = _ADMONITION[str(finding.severity)]
    message = markdown_cell(_message(finding, lang))
    return [f'!!! {kind} "{finding.code} {finding.name}"', "", f"    {message}", ""]


def _message(finding: Finding, lang: str) -> str:
    return finding.message_in(lang)


def _settings_table(rule: Rule, lang: str) -> list[str]:
    w = {k: v[lang] for k, v in _WORDS.items()}
    rows = [
        (
            f"`{name}`",
            f"`{_toml(default)}`",
            f"`{_toml(rule.minimums[name])}`" if name in rule.minimums else "",
            ", ".join(f"`{c}`" for c in rule.choices.get(name, ())),
        )
        for name, default in sorted(rule.settings.items())
    ]
    header = (w["setting"], w["default"], w["least"], w["values"])
    return [f"## {w['settings']}", "", *markdown_table(header, rows), "", w["settings_how"]]


def _example(example: RuleExample, lang: str) -> list[str]:
    w = {k: v[lang] for k, v in _WORDS.items()}
    lines = [f"## {w['example']}", ""]
    if example.note:
        lines += [example.note.get(lang) or example.note["en"], ""]
    if example.settings:
        shown = "\n".join(f"{k} = {_toml(v)}" for k, v in sorted(example.settings.items()))
        lines += [w["with_settings"], "", "```toml", "[settings]", shown, "```", ""]
    found = [line for f in example.trigger_findings() for line in _finding_box(f, lang)]
    lines += [
        w["triggers"].format(code=example.code),
        "",
        "```yaml",
        example.trigger.rstrip(),
        "```",
        "",
        w["reports"],
        "",
        *found,
        w["instead"],
        "",
        "```yaml",
        example.fix.rstrip(),
        "```",
        "",
        f"{w['fixed']} {w['merged']}",
    ]
    return lines


def rule_page(rule: Rule, example: RuleExample, lang: str) -> str:
    """The page of one rule in ``lang``: identity, the three sections, example, settings."""
    w = {k: v[lang] for k, v in _WORDS.items()}
    doc = translated(rule, lang)
    family = FAMILIES[rule.prefix][lang]
    lines = [
        "---",
        f"title: {rule.code} {rule.name}",
        f"description: {doc.summary}",
        "---",
        "",
        f"# {rule.name} ({rule.code})",
        "",
        w["identity"].format(
            severity=rule.severity.label.render(lang),
            family=f"[{rule.prefix}](../rules.md#{rule.prefix.lower()}) {family}",
        ),
        "",
        doc.summary,
    ]
    for key, text in (("what", doc.what), ("why", doc.why), ("fix", doc.fix)):
        lines += ["", f"## {w[key]}", "", text]
    lines += ["", *_example(example, lang)]
    if rule.settings:
        lines += ["", *_settings_table(rule, lang)]
    lines += ["", "---", "", w["terminal"].format(code=rule.code)]
    return "\n".join(lines) + "\n"


def rule_pages(langs: Iterable[str] = ("en", "fr")) -> dict[str, str]:
    """Every rule page in every language, by source path.

    Raises:
        LookupError: a built-in rule has no example.
    """
    found = examples()
    missing = [r.code for r in builtin_rules() if r.code not in found]
    if missing:
        raise LookupError(f"rules without an example in docsite/rule_examples: {missing}")
    return {
        page_uri(r.code, lang): rule_page(r, found[r.code], lang)
        for r in builtin_rules()
        for lang in langs
    }


def catalogue(lang: str) -> str:
    """The catalogue of built-in rules, a table per family, each code linking its page."""
    w = {k: v[lang] for k, v in _WORDS.items()}
    rules = builtin_rules()
    lines: list[str] = []
    for prefix, title in FAMILIES.items():
        family = [r for r in rules if r.prefix == prefix]
        if not family:
            continue
        lines += [
            f"### {prefix} — {title[lang]} {{#{prefix.lower()}}}",
            "",
            *markdown_table(
                (w["code"], w["name"], w["severity"], w["flags"]),
                [
                    (
                        f"[{r.code}](rules/{r.code}.md)",
                        r.name,
                        r.severity.label.render(lang),
                        translated(r, lang).summary,
                    )
                    for r in family
                ],
            ),
            "",
        ]
    return "\n".join(lines)


def example_model(lang: str) -> str:
    """The example model every rule example is merged into, as a YAML block."""
    from docsite.rule_examples import BASE

    del lang  # the model is data: the same in every language
    return "```yaml\n" + BASE.read_text(encoding="utf-8").rstrip() + "\n```\n"
