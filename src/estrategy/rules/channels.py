"""CHN rules: how traditional and digital channels, push and pull, work together."""

from __future__ import annotations

from collections.abc import Iterator

from estrategy.base.messages import tr
from estrategy.model import PULL_TACTIC_KINDS, Channel, StrategyScope
from estrategy.rules._engine import RuleContext, Violation, rule
from estrategy.rules._index import is_retained, model_index

__all__ = ["disconnected_channels", "push_only"]


@rule("CHN001", "disconnected-channels", "warning")
def disconnected_channels(context: RuleContext) -> Iterator[Violation]:
    """Traditional and digital tactics serve no common objective.

    What it checks:
        The model has both traditional and digital tactics (channels from the tactic
        catalogue), and no objective is pursued both by the strategy of a traditional
        tactic and by the strategy of a digital one.

    Why it matters:
        *Entreprises traditionnelles : De l'ombre à la lumière digitale* argues for a
        "mixed energy": traditional and digital means are complementary and must work
        towards the same ends, not run as two separate plans.

    How to fix:
        Attach traditional and digital tactics to strategies that share at least one
        objective.
    """
    model = context.model
    index = model_index(context)
    present: set[Channel] = set()
    served: dict[Channel, set[str]] = {Channel.TRADITIONAL: set(), Channel.DIGITAL: set()}
    for tactic in model.tactics:
        channel = context.catalogue.channel(tactic.kind)
        if channel not in served:
            continue
        present.add(channel)
        if tactic.strategy is not None:
            served[channel].update(model.strategies[index.strategy_at[tactic.strategy]].objectives)
    if len(present) == 2 and not served[Channel.TRADITIONAL] & served[Channel.DIGITAL]:
        yield Violation(
            tr(
                "traditional and digital tactics serve no common objective through their strategies"
            ),
            [],
            ["tactics"],
        )


@rule("CHN002", "push-only", "warning", settings={"pull_tactic_kinds": PULL_TACTIC_KINDS})
def push_only(context: RuleContext) -> Iterator[Violation]:
    """The external volet only pushes messages.

    What it checks:
        The retained external strategies have tactics, and none of them is of a kind in
        ``pull_tactic_kinds`` (default ``content_marketing``, ``social_media_marketing``
        and ``social_selling``).

    Why it matters:
        *Stratégie digitale interne et externe* observes that prospects are informed and
        tired of advertising: web marketing and ads are no longer enough, and the external
        volet has to earn attention with content and take part in the conversations of
        the social networks.

    How to fix:
        Add a content-marketing, social-media-marketing or social-selling tactic to a
        retained external strategy.
    """
    pull = {str(k) for k in context.settings["pull_tactic_kinds"]}
    model = context.model
    index = model_index(context)
    external = [
        s.id for s in model.strategies if is_retained(s) and s.scope == StrategyScope.EXTERNAL
    ]
    kinds = {
        str(model.tactics[t].kind) for s in external for t in index.tactics_of_strategy.get(s, ())
    }
    if kinds and not kinds & pull:
        yield Violation(
            tr(
                "the tactics of the retained external strategies include no {kinds} tactic",
                kinds=sorted(pull),
            ),
            [],
            ["strategies"],
        )
