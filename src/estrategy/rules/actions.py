"""ACT rules: the concrete actions that decline tactics, and their budgets."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType

from estrategy.base.formats import Day, Number
from estrategy.base.messages import Message, tr
from estrategy.model import (
    Tactic,
    funded_tactics,
    is_overdue,
    missing_action_fields,
    normalised_herfindahl,
)
from estrategy.model.labels import label
from estrategy.rules._engine import RuleContext, Violation, for_each, rule
from estrategy.rules._index import live_actions, model_index

__all__ = ["budget_atomisation", "incomplete_action", "overdue_action", "tactic_without_actions"]


_MISSING: Mapping[str, Message] = MappingProxyType(
    {
        "competences": tr("no competences"),
        "responsible": tr("no responsible person"),
        "tools": tr("no tools"),
        "budget": tr("no budget"),
        "deadline": tr("no deadline"),
    }
)
"""How ACT002's message names each field an action lacks (``missing_action_fields``)."""


@rule("ACT001", "tactic-without-actions", "warning")
@for_each("tactics")
def tactic_without_actions(context: RuleContext, tactic: Tactic) -> Message | None:
    """A tactic has no action.

    What it checks:
        Every tactic that no action names as its ``tactic``. Dropped actions do not
        count: a tactic whose only actions are dropped has no action.

    Why it matters:
        Step five of the method in *L'adoption massive du Social Selling, devait
        décoiffer…* turns each tactic into concrete actions, each with its competences,
        people, tools, budget and date. A tactic with no action will not happen.

    How to fix:
        Add the actions that carry the tactic out, or remove the tactic.
    """
    if not model_index(context).actions_of_tactic.get(tactic.id):
        return tr("tactic {tactic} has no action", tactic=tactic.id)
    return None


@rule("ACT002", "incomplete-action", "warning")
def incomplete_action(context: RuleContext) -> Iterator[Violation]:
    """An action lacks competences, a responsible person, tools, a budget or a deadline.

    What it checks:
        Every action with no ``competences``, no ``responsible``, no ``tools``, no
        ``budget`` (``0`` is a budget) or no ``deadline``. The message lists what is
        missing. Dropped actions are not checked.

    Why it matters:
        *L'adoption massive du Social Selling, devait décoiffer…* lists what an action
        needs to exist: the competences and resources, who is responsible, the tools, the
        money and the date. Without one of them the action has no owner, no means or no
        end.

    How to fix:
        Fill in the missing fields (a budget of ``0`` states that no money is needed).
    """
    for i, action in live_actions(context):
        missing = [_MISSING[f] for f in missing_action_fields(action)]
        if missing:
            yield Violation(
                tr("action {action} has {gaps}", action=action.id, gaps=missing),
                [action.id],
                ["actions", i],
            )


@rule("ACT003", "overdue-action", "warning")
def overdue_action(context: RuleContext) -> Iterator[Violation]:
    """An action's deadline has passed and it is neither done nor dropped.

    What it checks:
        Every action whose ``deadline`` is before the as-of date (``--as-of``, else the
        model's ``as_of``, else today) and whose ``status`` is ``planned`` or
        ``in_progress``.

    Why it matters:
        *Entreprises traditionnelles : De l'ombre à la lumière digitale* asks for
        milestones and stage reviews; *L'adoption massive du Social Selling, devait
        décoiffer…* for regular controls. A missed date that nobody recorded hides a
        decision that should have been taken: re-plan, add means, or stop.

    How to fix:
        Mark the action ``done`` or ``dropped``, or give it a new deadline.
    """
    for i, action in enumerate(context.model.actions):
        # is_overdue implies a deadline; the second test only tells mypy so.
        if is_overdue(action, context.as_of) and action.deadline is not None:
            yield Violation(
                tr(
                    "action {action} was due on {date} and is still {status}",
                    action=action.id,
                    date=Day(action.deadline),
                    status=label(action.status),
                ),
                [action.id],
                ["actions", i, "deadline"],
            )


@rule(
    "ACT004",
    "budget-atomisation",
    "info",
    settings={"atomisation_min_tactics": 8, "atomisation_max_hhi": 0.10},
    minimums={"atomisation_min_tactics": 1, "atomisation_max_hhi": 0.0},
)
def budget_atomisation(context: RuleContext) -> Iterator[Violation]:
    """The budget is spread thin over many tactics.

    What it checks:
        With at least ``atomisation_min_tactics`` (default 8) funded tactics (tactics whose
        actions, dropped ones left out, have a total budget above zero), the normalised
        Herfindahl index of their budget shares is below ``atomisation_max_hhi`` (default
        0.10). The Herfindahl index H is the sum of the squared shares: 1/n when n tactics
        share equally, 1 when one takes everything. Normalised, ``(H - 1/n) / (1 - 1/n)``,
        it runs from 0 (equal shares) to 1 whatever the number of tactics, so the
        threshold means the same with 8 tactics as with 30. With 8 funded tactics the
        rule fires when one tactic holds 30 % and seven hold 10 % apiece (index 0.04), not
        when one holds 45 % (index 0.16).

    Why it matters:
        *Entreprises traditionnelles : De l'ombre à la lumière digitale* warns against
        fragmenting communication means and budgets: many small efforts, none large enough
        to produce an effect.

    How to fix:
        Concentrate the budget on the tactics that serve the retained strategies best;
        drop or postpone the others.
    """
    funded = funded_tactics(context.model.actions)
    minimum = int(context.settings["atomisation_min_tactics"])
    if len(funded) < minimum:
        return
    index = normalised_herfindahl(funded.values())
    threshold = float(context.settings["atomisation_max_hhi"])
    if index < threshold:
        yield Violation(
            tr(
                "the budget is spread over {count} funded tactics with a normalised Herfindahl "
                "index of {index} (below {threshold}: no tactic stands out)",
                count=len(funded),
                index=Number(index, 3),
                threshold=Number(threshold, significant=6),
            ),
            [],
            ["actions"],
        )
