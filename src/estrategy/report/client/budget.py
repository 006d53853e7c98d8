"""The budget chapter: by strategy, tactic and channel, and how concentrated it is.

The budget of a tactic is the sum of its live actions' budgets (dropped actions left
out: :func:`estrategy.model.definitions.funded_tactics`, as ACT004 counts them); a
tactic's channel comes from the catalogue. The normalised Herfindahl index of the funded
tactics' budgets (ACT004's) says how concentrated the money is; when ACT004 finds the
budget atomised, its finding is shown here with its remedy.

Example:
    >>> from estrategy.io import load_demo
    >>> budget = budget_breakdown(load_demo())
    >>> budget.total, [(c.id, c.amount) for c in budget.channels]
    (Decimal('79000'), [('internal', Decimal('37000')), ('digital', Decimal('27000')), \
('traditional', Decimal('15000'))])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

import attrs

from estrategy.catalogue import Catalogue, default_catalogue
from estrategy.model import StrategyModel, is_live
from estrategy.model.definitions import funded_tactics, normalised_herfindahl
from estrategy.report.client.context import ChapterContext
from estrategy.report.client.markup import Html, element, prose, said_chapter, table
from estrategy.report.client.names import Names
from estrategy.report.client.voice import Voice
from estrategy.rules import Finding, get_rule

__all__ = ["Budget", "BudgetLine", "budget_breakdown", "budget_chart", "budget_section"]

_CHANNELS = ("digital", "traditional", "internal")
_BARS = 15  # tactics drawn one by one; the rest are one bar


@attrs.frozen
class BudgetLine:
    """One line of a breakdown.

    Attributes:
        id: the tactic, strategy or channel; ``None`` for tactics of no strategy.
        amount: its budget.
        share: its share of the total, 0–1.
        channel: for a tactic, its channel.
    """

    id: str | None
    amount: Decimal
    share: float
    channel: str | None = None


@attrs.frozen
class Budget:
    """The plan's budget, broken down.

    Attributes:
        currency: the model's currency.
        total: the sum of the live actions' budgets.
        tactics: funded tactics, largest first.
        strategies: the budget of each strategy (``id`` ``None``: tactics of none), largest
            first.
        channels: digital, traditional and internal, largest first (funded ones only).
        unfunded_actions: ids of live actions with no budget at all.
        unfunded_tactics: ids of tactics with no funded live action.
        hhi: the normalised Herfindahl index of the funded tactics' budgets, as ACT004
            reads it: 0 when shared equally, 1 when one tactic takes all (``None``: none
            funded).
    """

    currency: str
    total: Decimal
    tactics: tuple[BudgetLine, ...]
    strategies: tuple[BudgetLine, ...]
    channels: tuple[BudgetLine, ...]
    unfunded_actions: tuple[str, ...]
    unfunded_tactics: tuple[str, ...]
    hhi: float | None


def _lines(
    amounts: dict[str | None, Decimal],
    total: Decimal,
    channels: dict[str | None, str] | None = None,
) -> tuple[BudgetLine, ...]:
    """Funded lines, largest first (ties by id), with their shares and channels."""
    ordered = sorted(amounts.items(), key=lambda item: (-item[1], item[0] or ""))
    return tuple(
        BudgetLine(
            key,
            amount,
            float(amount / total) if total else 0.0,
            None if channels is None else channels.get(key),
        )
        for key, amount in ordered
        if amount > 0
    )


def budget_breakdown(model: StrategyModel, catalogue: Catalogue | None = None) -> Budget:
    """The budget of ``model`` by tactic, strategy and channel."""
    catalogue = catalogue or default_catalogue()
    tactics = {t.id: t for t in model.tactics}
    by_tactic: dict[str | None, Decimal] = {}
    for funded, amount in funded_tactics(model.actions).items():
        by_tactic[funded] = amount
    unfunded = [a.id for a in model.actions if is_live(a) and a.budget is None]
    total = sum(by_tactic.values(), Decimal(0))
    channel_of: dict[str | None, str] = {
        t.id: str(catalogue.channel(t.kind)) for t in model.tactics
    }
    by_strategy: dict[str | None, Decimal] = {}
    by_channel: dict[str | None, Decimal] = {c: Decimal(0) for c in _CHANNELS}
    for tactic_id, amount in by_tactic.items():
        tactic = tactics.get(tactic_id or "")
        strategy = tactic.strategy if tactic else None
        by_strategy[strategy] = by_strategy.get(strategy, Decimal(0)) + amount
        channel = channel_of.get(tactic_id, "digital")
        by_channel[channel] = by_channel.get(channel, Decimal(0)) + amount
    hhi = normalised_herfindahl(by_tactic.values()) if total else None
    return Budget(
        currency=model.currency,
        total=total,
        tactics=_lines(by_tactic, total, channel_of),
        strategies=_lines(by_strategy, total),
        channels=_lines(by_channel, total),
        unfunded_actions=tuple(unfunded),
        unfunded_tactics=tuple(t.id for t in model.tactics if not by_tactic.get(t.id)),
        hhi=hhi,
    )


def budget_chart(budget: Budget, names: Names, voice: Voice, *, alt: str) -> str:
    """Horizontal bars by tactic, coloured and hatched by channel (needs matplotlib)."""
    from matplotlib.patches import Patch

    from estrategy.report.charts import SERIES, chart_style, chart_text, wrap_label
    from estrategy.report.svg import inline_svg

    styles = dict(zip(_CHANNELS, SERIES, strict=False))
    lines = list(budget.tactics[:_BARS])
    labels = [wrap_label(names.name(line.id or ""), 34) for line in lines]
    rest = budget.tactics[_BARS:]
    if rest:
        lines.append(BudgetLine(None, sum((r.amount for r in rest), Decimal(0)), 0.0, None))
        labels.append(voice.say("count.more", count=len(rest)))
    with chart_style() as plt:
        height = 0.9 + 0.42 * len(lines)
        figure, axis = plt.subplots(figsize=(6.8, height))
        for row, line in enumerate(lines):
            style = styles.get(line.channel or "", SERIES[3])
            axis.barh(
                row,
                float(line.amount),
                color=style.color,
                hatch=style.hatch,
                edgecolor="#1F2937",
                linewidth=0.6,
            )
            axis.annotate(
                chart_text(voice.money(line.amount, budget.currency)),
                (float(line.amount), row),
                textcoords="offset points",
                xytext=(4, 0),
                va="center",
                fontsize=8,
            )
        axis.set_yticks(range(len(lines)), labels)
        axis.invert_yaxis()
        axis.set_xticks([])
        axis.spines["bottom"].set_visible(False)
        axis.set_xlim(0, float(max(line.amount for line in lines)) * 1.25)
        present = [c for c in _CHANNELS if any(line.channel == c for line in lines)]
        axis.legend(
            handles=[
                Patch(
                    facecolor=styles[c].color,
                    hatch=styles[c].hatch,
                    edgecolor="#1F2937",
                    label=voice.say(f"channel.{c}"),
                )
                for c in present
            ],
            loc="lower right",
        )
        figure.tight_layout()
        return inline_svg(figure, alt=alt, key="budget")


def _breakdown_table(
    header: str,
    lines: Iterable[BudgetLine],
    label: Callable[[BudgetLine], str],
    budget: Budget,
    voice: Voice,
) -> Html:
    return table(
        [header, *voice.texts("budget.amount", "budget.share")],
        (
            [label(line), voice.money(line.amount, budget.currency), voice.percent(line.share)]
            for line in lines
        ),
        cls="numbers",
    )


def budget_section(
    budget: Budget,
    findings: Sequence[Finding],
    context: ChapterContext,
) -> Html:
    """The budget chapter, with the atomisation finding when ACT004 fired."""
    names, voice = context.names, context.voice
    intro = voice.say("budget.intro", currency=budget.currency)
    parts: list[Html] = []
    atomised = [f for f in findings if f.code == "ACT004"]
    if atomised:
        rule = get_rule("ACT004")
        parts.append(
            element(
                "aside",
                [
                    element("h4", voice.say("budget.atomised")),
                    element("p", voice.sentence(voice.finding_message(atomised[0]))),
                    element(
                        "p",
                        [
                            element("strong", voice.say("gaps.why") + voice.colon()),
                            prose(voice.rule_text(rule, "why")),
                        ],
                    ),
                    element(
                        "p",
                        [
                            element("strong", voice.say("gaps.fix") + voice.colon()),
                            prose(voice.rule_text(rule, "fix")),
                        ],
                    ),
                ],
                cls="callout sev-info",
                id="budget-atomisation",
            )
        )
    if not budget.tactics:
        return said_chapter("budget", voice, parts, intro=intro, empty=True)
    parts.append(
        element(
            "p",
            element(
                "strong",
                voice.say("budget.total", total=voice.money(budget.total, budget.currency)),
            ),
        )
    )
    if budget.hhi is not None:
        meaning = (
            "budget.concentrated"
            if budget.hhi >= 0.5
            else "budget.shared"
            if budget.hhi >= 0.1
            else "budget.spread"
        )
        parts.append(
            element(
                "p",
                voice.say(
                    "budget.concentration",
                    hhi=voice.number(budget.hhi, 2),
                    count=len(budget.tactics),
                    meaning=voice.say(meaning),
                ),
            )
        )
    if context.charts:
        detail = voice.items(
            [
                f"{names.name(line.id or '')} {voice.money(line.amount, budget.currency)}"
                for line in budget.tactics[:_BARS]
            ]
        )
        svg = budget_chart(budget, names, voice, alt=voice.say("budget.chart_alt", detail=detail))
        parts.append(element("figure", Html(svg)))
    no_strategy = voice.say("budget.no_strategy")
    parts.append(
        element(
            "div",
            [
                element(
                    "div",
                    [
                        element("h3", voice.say("budget.by_strategy")),
                        _breakdown_table(
                            voice.say("budget.strategy"),
                            budget.strategies,
                            lambda line: names.name(line.id) if line.id else no_strategy,
                            budget,
                            voice,
                        ),
                    ],
                ),
                element(
                    "div",
                    [
                        element("h3", voice.say("budget.by_channel")),
                        _breakdown_table(
                            voice.say("budget.channel"),
                            budget.channels,
                            lambda line: voice.say(f"channel.{line.id}"),
                            budget,
                            voice,
                        ),
                    ],
                ),
            ],
            cls="two-columns",
        )
    )
    parts += [
        element("h3", voice.say("budget.by_tactic")),
        table(
            voice.texts("budget.tactic", "budget.channel", "budget.amount", "budget.share"),
            (
                [
                    names.name(line.id or ""),
                    voice.say(f"channel.{line.channel}") if line.channel else "–",
                    voice.money(line.amount, budget.currency),
                    voice.percent(line.share),
                ]
                for line in budget.tactics
            ),
            cls="numbers",
        ),
    ]
    if budget.unfunded_actions:
        parts += [
            element("h3", voice.say("budget.unfunded")),
            element("ul", [element("li", names.name(a)) for a in budget.unfunded_actions]),
        ]
    return said_chapter("budget", voice, parts, intro=intro)
