"""The criteria of the ``customer`` dimension: customers, prospects and channels.

They check that the external volet pulls (content, social media, social selling), that
traditional and digital channels serve common objectives, that units addressing the
same audience share a CRM, and that the plan both wins prospects and keeps customers.
"""

from __future__ import annotations

from collections import defaultdict

from estrategy.base.messages import tr
from estrategy.maturity.criteria._scoring import pct
from estrategy.maturity.criterion import Criterion, CriterionContext, CriterionResult, Evidence
from estrategy.maturity.criterion import criterion as declare
from estrategy.model import Audience, StrategyModel, StrategyScope, ToolKind
from estrategy.model.definitions import EXTERNAL_AUDIENCES
from estrategy.model.labels import label

__all__ = ["CRITERIA"]


@declare("pull-tactics", title="Content and conversation, not push only")
def pull_tactics(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """The external volet includes content, social media or social selling (004)."""
    retained = context.facts.retained
    external = {s for s, strategy in retained.items() if strategy.scope == StrategyScope.EXTERNAL}
    facing = [t for t in model.tactics if t.audience in EXTERNAL_AUDIENCES]
    if not external and not facing:
        return CriterionResult.not_applicable(tr("no external strategy and no external tactic"))
    # CHN002's setting: the criterion and the rule count the same tactics as pull.
    kinds = frozenset(str(k) for k in context.setting("pull_tactic_kinds"))
    pull = [t for t in model.tactics if str(t.kind) in kinds]
    serving = [t.id for t in pull if t.strategy in external]
    if serving:
        return CriterionResult(100, [Evidence(tr("pull tactics in the external volet"), serving)])
    if pull:
        fact = tr("pull tactics exist but serve no retained external strategy")
        return CriterionResult(50, [Evidence(fact, [t.id for t in pull], supports=False)])
    fact = tr("no content, social-media or social-selling tactic: push only")
    return CriterionResult(0, [Evidence(fact, [t.id for t in facing], supports=False)])


@declare("mixed-energy", title="Traditional and digital channels work together")
def mixed_energy(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Traditional and digital tactics serve common objectives (001: mixed energy)."""
    objectives_of = {s.id: set(s.objectives) for s in model.strategies}
    by_channel: dict[str, set[str]] = defaultdict(set)
    tactics_by_channel: dict[str, list[str]] = defaultdict(list)
    for tactic in model.tactics:
        channel = str(context.catalogue.channel(tactic.kind))
        tactics_by_channel[channel].append(tactic.id)
        if tactic.strategy is not None:
            by_channel[channel] |= objectives_of.get(tactic.strategy, set())
    if not tactics_by_channel["traditional"] or not tactics_by_channel["digital"]:
        return CriterionResult.not_applicable(
            tr("traditional and digital tactics do not both exist")
        )
    common = by_channel["traditional"] & by_channel["digital"]
    if common:
        return CriterionResult(
            100, [Evidence(tr("objectives served by both traditional and digital tactics"), common)]
        )
    fact = tr("traditional tactics serve no objective that digital tactics serve")
    return CriterionResult(0, [Evidence(fact, tactics_by_channel["traditional"], supports=False)])


@declare("coordinated-contacts", title="Coordinated customer contacts")
def coordinated_contacts(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Units addressing the same audience share a CRM (000: the repeated calls)."""
    crms = {t.id for t in model.tools if t.kind == ToolKind.CRM}
    units: dict[Audience, set[str]] = defaultdict(set)
    with_crm: dict[Audience, set[str]] = defaultdict(set)
    for tactic in model.tactics:
        if tactic.audience in EXTERNAL_AUDIENCES and tactic.owner_unit is not None:
            units[tactic.audience].add(tactic.owner_unit)
            for action in context.facts.actions_of.get(tactic.id, ()):
                if crms & set(action.tools):
                    with_crm[tactic.audience].add(tactic.owner_unit)
    shared = {a: u for a, u in units.items() if len(u) >= 2}
    if not shared:
        return CriterionResult.not_applicable(tr("no audience is addressed by two units or more"))
    met = unmet = 0
    evidence = []
    for audience in sorted(shared):
        lacking = sorted(shared[audience] - with_crm[audience])
        met += len(shared[audience]) - len(lacking)
        unmet += len(lacking)
        if lacking:
            fact = tr(
                "{audience}: units addressing them without a CRM-backed action",
                audience=label(audience),
            )
            evidence.append(Evidence(fact, [str(audience), *lacking], supports=False))
        else:
            evidence.append(
                Evidence(
                    tr("{audience}: every unit's actions use the CRM", audience=label(audience)),
                    [str(audience)],
                )
            )
    return CriterionResult(pct(met, met + unmet), evidence)


@declare("audience-coverage", title="Prospects won and customers kept")
def audience_coverage(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """The plan both conquers prospects and retains customers through retained tactics (004)."""
    facts = context.facts
    if not any(t.audience in EXTERNAL_AUDIENCES for t in model.tactics):
        return CriterionResult.not_applicable(tr("no tactic addresses an external audience"))
    evidence = []
    score = 0.0
    for audience in (Audience.PROSPECTS, Audience.CUSTOMERS):
        serving = [
            t.id for t in model.tactics if t.audience == audience and facts.serves_retained(t)
        ]
        if serving:
            score += 50
            evidence.append(
                Evidence(
                    tr("retained tactics address {audience}", audience=label(audience)), serving
                )
            )
        else:
            others = [t.id for t in model.tactics if t.audience == audience]
            evidence.append(
                Evidence(
                    tr(
                        "no tactic of a retained strategy addresses {audience}",
                        audience=label(audience),
                    ),
                    others,
                    supports=False,
                )
            )
    return CriterionResult(score, evidence)


CRITERIA: tuple[Criterion, ...] = (
    pull_tactics,
    mixed_energy,
    coordinated_contacts,
    audience_coverage,
)
"""The customer criteria, in the order the default maturity model lists them."""
